#include "js_interrupts.h"

#include <metacall/metacall_error.h>
#include <metacall/metacall_loader.h>

namespace node_loader {

JsInterrupts &JsInterrupts::instance() {
	static JsInterrupts interrupts;
	return interrupts;
}

void JsInterrupts::attach(const node_loader_embedder *embedder, void *session) {
	std::lock_guard lock(mutex_);
	embedder_ = embedder;
	session_ = session;
	running_.clear();
	stop_from_ = kNone;
}

void JsInterrupts::detach() {
	std::lock_guard lock(mutex_);
	embedder_ = nullptr;
	session_ = nullptr;
}

int JsInterrupts::interrupt(const void *origin, Reason reason) {
	std::lock_guard lock(mutex_);
	if (session_ == nullptr || embedder_->terminate == nullptr)
		return 0;
	size_t from = 0;
	while (from < running_.size() && origin != nullptr && running_[from] != origin)
		++from;
	if (from == running_.size())
		return 0;
	if (stop_from_ == kNone || from < stop_from_) {
		stop_from_ = from;
		reason_ = reason;
		embedder_->terminate(session_);
	}
	return static_cast<int>(running_.size() - from);
}

void JsInterrupts::heap_limit_reached(void *) {
	if (instance().interrupt(nullptr, Reason::memory) == 0)
		metacall_loader_log("warn", "node loader: the JS heap reached its cap outside any call (a timer or "
		                            "an I/O callback): V8 gives it more room; only calls can be stopped");
}

RunningCall::RunningCall(const void *origin) : interrupts_(JsInterrupts::instance()) {
	std::lock_guard lock(interrupts_.mutex_);
	depth_ = interrupts_.running_.size();
	interrupts_.running_.push_back(origin);
}

RunningCall::~RunningCall() {
	std::lock_guard lock(interrupts_.mutex_);
	interrupts_.running_.resize(depth_);
	// The outermost stopped call has unwound: JavaScript may run again.
	if (interrupts_.stop_from_ != JsInterrupts::kNone && depth_ <= interrupts_.stop_from_) {
		interrupts_.stop_from_ = JsInterrupts::kNone;
		if (interrupts_.session_ != nullptr)
			interrupts_.embedder_->resume(interrupts_.session_);
	}
}

void *RunningCall::stopped() const {
	if (interrupts_.stop_from_.load(std::memory_order_acquire) == JsInterrupts::kNone)
		return nullptr; // the usual case: no lock
	JsInterrupts::Reason reason;
	{
		std::lock_guard lock(interrupts_.mutex_);
		if (interrupts_.stop_from_ == JsInterrupts::kNone || depth_ < interrupts_.stop_from_)
			return nullptr;
		reason = interrupts_.reason_;
	}
	if (reason == JsInterrupts::Reason::memory)
		return metacall_error_throw("MemoryError", 0, nullptr,
		                            "the JS heap reached its cap (metacall_loader_heap_limit): the call "
		                            "was stopped");
	return metacall_error_throw("InterruptedError", 0, nullptr, "the JS call was interrupted");
}

} // namespace node_loader
