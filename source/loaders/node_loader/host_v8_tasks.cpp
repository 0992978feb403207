#include "host_v8_tasks.h"

#include <libplatform/libplatform.h>

#include <dlfcn.h>

namespace node_loader {
namespace {

// While the loop sleeps, how often the host's queue is looked at: a task posted from one of V8's
// worker threads (a finished background compilation) waits at most this long.
constexpr uint64_t kPollMilliseconds = 5;

} // namespace

v8::Platform *HostV8Tasks::default_platform(std::string &why) {
	// v8::internal::V8::GetCurrentPlatform() and DefaultPlatform's vtable, from the host's V8 (the
	// relink module brought it into the global scope). Both are exported by a V8 built as a shared
	// library or inside libnode; V8's public API has no way to ask.
	using CurrentPlatform = v8::Platform *(*)();
	auto current =
	    reinterpret_cast<CurrentPlatform>(dlsym(RTLD_DEFAULT, "_ZN2v88internal2V818GetCurrentPlatformEv"));
	auto *vtable = static_cast<void **>(dlsym(RTLD_DEFAULT, "_ZTVN2v88platform15DefaultPlatformE"));
	if (current == nullptr || vtable == nullptr) {
		why = "the process's V8 does not export v8::internal::V8::GetCurrentPlatform or "
		      "v8::platform::DefaultPlatform";
		return nullptr;
	}
	v8::Platform *platform = current();
	// An object's vtable pointer points two entries into its class's vtable (offset, typeinfo).
	if (platform == nullptr || *reinterpret_cast<void **>(platform) != vtable + 2) {
		why = "the host initialised V8 with a platform of its own, not v8::platform::NewDefaultPlatform";
		return nullptr;
	}
	return platform;
}

HostV8Tasks::HostV8Tasks(v8::Platform *platform, v8::Isolate *isolate, uv_loop_t *loop)
    : platform_(platform), isolate_(isolate), handles_(std::make_unique<Handles>()) {
	handles_->owner = this;
	uv_check_init(loop, &handles_->check);
	uv_timer_init(loop, &handles_->timer);
	handles_->check.data = handles_->timer.data = handles_.get();
	uv_check_start(&handles_->check, on_check);
	uv_timer_start(&handles_->timer, on_timer, kPollMilliseconds, kPollMilliseconds);
	// Neither keeps the loop alive by itself.
	uv_unref(reinterpret_cast<uv_handle_t *>(&handles_->check));
	uv_unref(reinterpret_cast<uv_handle_t *>(&handles_->timer));
}

HostV8Tasks::~HostV8Tasks() {
	Handles *handles = handles_.release(); // from here on, on_closed owns it
	handles->owner = nullptr;
	uv_close(reinterpret_cast<uv_handle_t *>(&handles->check), on_closed);
	uv_close(reinterpret_cast<uv_handle_t *>(&handles->timer), on_closed);
}

void HostV8Tasks::on_closed(uv_handle_t *handle) {
	auto *handles = static_cast<Handles *>(handle->data);
	if (--handles->open == 0)
		std::unique_ptr<Handles>{handles}; // both closes completed: libuv is done with them
}

void HostV8Tasks::run_ready() {
	v8::HandleScope handles(isolate_);
	bool ran = false;
	while (v8::platform::PumpMessageLoop(platform_, isolate_, v8::platform::MessageLoopBehavior::kDoNotWait))
		ran = true;
	if (ran) {
		// Closing a callback scope runs the microtasks and process.nextTick queue, as Node does
		// after each task of its own platform.
		node::CallbackScope scope(isolate_, v8::Object::New(isolate_), {0, 0});
	}
}

void HostV8Tasks::forget(v8::Platform *platform, v8::Isolate *isolate) {
	v8::platform::NotifyIsolateShutdown(platform, isolate);
}

void HostV8Tasks::on_check(uv_check_t *check) {
	if (HostV8Tasks *owner = static_cast<Handles *>(check->data)->owner)
		owner->run_ready();
}

void HostV8Tasks::on_timer(uv_timer_t *timer) {
	if (HostV8Tasks *owner = static_cast<Handles *>(timer->data)->owner)
		owner->run_ready();
}

} // namespace node_loader
