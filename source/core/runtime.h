// The one runtime of the process: its lifecycle, its loaders, its registry, and the count of
// calls in flight that metacall_destroy waits for.
#pragma once

#include "call_gate.h"
#include "loader.h"
#include "plugin_finder.h"
#include "registry.h"
#include "startup.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace metacall_core {

class Runtime {
public:
	static Runtime &instance() {
		static Runtime runtime; // inline: every call reaches it twice
		return runtime;
	}
	// At process exit, without metacall_destroy: only memory is freed; plug-ins are not called.
	~Runtime();

	int initialize();
	void destroy();
	bool running() const { return state_.load() == State::running; }

	// Records why a call is refused (when `api` is not NULL); returns false.
	[[gnu::cold, gnu::noinline]] bool refuse(const char *api);

	// The loader of `tag`, started on first use; nullptr after recording an error.
	std::shared_ptr<Loader> loader(const char *tag, const char *api);
	// The loader of `tag` if it is started, else nullptr (starts nothing).
	std::shared_ptr<Loader> started_loader(const char *tag);
	const std::shared_ptr<Loader> &host() const { return host_; }
	// The started loaders, in start order (a copy: they stay alive while the caller holds it).
	std::vector<std::shared_ptr<Loader>> started_loaders();

	Registry &registry() { return registry_; }
	// Flags, arguments and start-up execution paths (metacall_initialize, startup.h).
	Startup &startup() { return startup_; }
	// A fresh name for a handle loaded from memory.
	std::string next_memory_name() { return "memory-" + std::to_string(++memory_loads_); }

private:
	enum class State { uninitialized, running, destroying };

	std::atomic<State> state_{State::uninitialized};
	bool destroyed_once_ = false;
	bool draining_ = false; // metacall_destroy's drain runs (under lifecycle_)
	std::mutex lifecycle_;

	std::recursive_mutex loaders_mutex_;              // recursive: a loader's start may load another tag
	std::unordered_map<std::string, Plugin> plugins_; // opened plug-ins, kept across re-initialization
	std::unordered_map<std::string, std::shared_ptr<Loader>> loaders_;
	std::vector<std::shared_ptr<Loader>> start_order_;
	std::atomic<unsigned long> loaders_version_{1}; // changes with loaders_ (started_loader's cache)
	std::shared_ptr<Loader> host_;

	Registry registry_;
	Startup startup_;
	std::atomic<unsigned> memory_loads_{0};
};

// RAII: a call in flight, counted by the call gate. Test it before doing anything.
class CallScope {
public:
	explicit CallScope(const char *api) : slot_(call_gate.enter()) {
		if (slot_ == nullptr)
			Runtime::instance().refuse(api);
	}
	~CallScope() {
		if (slot_ != nullptr)
			CallGate::leave(slot_);
	}
	CallScope(const CallScope &) = delete;
	CallScope &operator=(const CallScope &) = delete;
	explicit operator bool() const { return slot_ != nullptr; }

private:
	CallSlot *slot_;
};

} // namespace metacall_core
