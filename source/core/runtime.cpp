#include "runtime.h"

#include "async_host.h"
#include "destroy_drain.h"
#include "error.h"
#include "log.h"

namespace metacall_core {
Runtime::~Runtime() {
	for (auto &loader : start_order_)
		loader->deactivate();
	if (host_ != nullptr)
		host_->deactivate();
}

int Runtime::initialize() {
	std::lock_guard lock(lifecycle_);
	if (state_.load() == State::running)
		return 0;
	host_ = Loader::host();
	state_.store(State::running);
	call_gate.open();
	log(LogLevel::debug, "initialized");
	return 0;
}

void Runtime::destroy() {
	if (CallGate::depth() > 0) {
		set_error("RuntimeError",
		          "metacall_destroy: called from inside a call (a host function or a script); it would wait "
		          "for itself. Destroy from outside any call.");
		return;
	}
	{
		std::lock_guard lock(lifecycle_);
		// Another destroy drains (called from a callback it reached, or from another thread): that
		// one finishes the job; waiting for it here could wait for this very thread.
		if (state_.load() != State::running || draining_)
			return;
		draining_ = true;
	}
	// Settled work reaches its callbacks first, while everything still runs (destroy_drain.h).
	drain_before_destroy(*this);
	std::lock_guard lock(lifecycle_);
	draining_ = false;
	state_.store(State::destroying);
	// Async host calls in flight are cancelled first, so that the pool's jobs that run see their
	// flag and return; the drain below waits for them.
	AsyncCalls::instance().cancel_all("metacall_destroy ran before the call completed");
	// New calls are refused; the ones in flight leave. Calls other threads handed to a runtime this
	// thread pumps (metacall_pump) complete only when it pumps: keep pumping while waiting.
	std::vector<std::shared_ptr<Loader>> pumped;
	{
		std::lock_guard loaders_lock(loaders_mutex_);
		for (auto &loader : start_order_)
			if (loader->pumped_here())
				pumped.push_back(loader);
	}
	call_gate.close_and_drain([&pumped] {
		for (auto &loader : pumped)
			loader->pump();
	});
	AsyncCalls::instance().cancel_all("metacall_destroy ran before the call completed"); // started meanwhile
	WorkerPool::instance().stop(); // no job runs now: the queued ones are dropped, their futures cancelled

	// Unload every handle, newest first, while its loader still runs.
	for (auto &handle : registry_.take_all()) {
		const metacall_loader_interface &table = handle->loader->interface();
		if (handle->module != nullptr && table.clear != nullptr)
			table.clear(handle->loader->state(), handle->module);
	}
	std::lock_guard loaders_lock(loaders_mutex_);
	host_->deactivate();
	host_.reset();
	for (auto it = start_order_.rbegin(); it != start_order_.rend(); ++it)
		(*it)->stop(); // releases what its functions still hold
	start_order_.clear();
	loaders_.clear();
	loaders_version_.fetch_add(1);
	destroyed_once_ = true;
	state_.store(State::uninitialized);
	log(LogLevel::debug, "destroyed");
}

bool Runtime::refuse(const char *api) {
	if (api == nullptr)
		return false;
	State state = state_.load();
	if (state == State::destroying)
		set_errorf("RuntimeError", "%s: libmetacall is being destroyed", api);
	else if (destroyed_once_)
		set_errorf("RuntimeError", "%s: libmetacall was destroyed (call metacall_initialize to use it again)",
		           api);
	else
		set_errorf("RuntimeError", "%s: libmetacall is not initialized (call metacall_initialize first)",
		           api);
	return false;
}

std::shared_ptr<Loader> Runtime::loader(const char *tag, const char *api) {
	if (tag == nullptr) {
		set_errorf("TypeError", "%s: the loader tag is NULL", api);
		return nullptr;
	}
	std::lock_guard lock(loaders_mutex_);
	if (auto it = loaders_.find(tag); it != loaders_.end())
		return it->second;
	auto plugin = plugins_.find(tag);
	if (plugin == plugins_.end()) {
		auto found = find_plugin(tag);
		if (!found) {
			set_errorf("LoaderError", "%s: %s", api, last_error_message().c_str());
			return nullptr;
		}
		plugin = plugins_.emplace(tag, *found).first;
	}
	auto loader = std::make_shared<Loader>(tag, plugin->second.table);
	if (loader->start() != 0) {
		set_errorf("LoaderError", "%s: %s", api, last_error_message().c_str());
		return nullptr;
	}
	loaders_.emplace(tag, loader);
	loaders_version_.fetch_add(1);
	start_order_.push_back(loader);
	startup_.apply(*loader); // the start-up configuration's and LOADER_SCRIPT_PATH's folders
	return loader;
}

std::vector<std::shared_ptr<Loader>> Runtime::started_loaders() {
	std::lock_guard lock(loaders_mutex_);
	return start_order_;
}

std::shared_ptr<Loader> Runtime::started_loader(const char *tag) {
	// A plug-in asks for its own loader on every object it passes: each thread keeps the last one
	// found, valid while no loader started or stopped since (no lock, no hashing of the tag).
	struct Last {
		unsigned long version = 0;
		std::string tag;
		std::weak_ptr<Loader> loader;
	};
	thread_local Last last;
	const unsigned long version = loaders_version_.load(std::memory_order_acquire);
	if (last.version == version && last.tag == tag)
		if (auto loader = last.loader.lock())
			return loader;
	std::lock_guard lock(loaders_mutex_);
	auto it = loaders_.find(tag);
	if (it == loaders_.end())
		return nullptr;
	last = {loaders_version_.load(), tag, it->second};
	return it->second;
}

} // namespace metacall_core
