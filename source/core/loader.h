// One started loader: a plug-in's table of entries and the state its initialize returned.
#pragma once

#include <metacall/metacall_loader.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace metacall_core {

class Loader {
public:
	// The tag of the built-in loader that owns host functions (metacall_register).
	static constexpr const char *kHostTag = "__metacall_host__";

	Loader(std::string tag, const metacall_loader_interface *table);
	Loader(const Loader &) = delete;
	Loader &operator=(const Loader &) = delete;

	// The host functions' loader: no plug-in, nothing to start.
	static std::shared_ptr<Loader> host();

	// Calls the plug-in's initialize. Returns 0, or non-zero after recording an error.
	int start();
	// From now on function_release is skipped (the loader's destroy will release everything).
	void deactivate() { active_.store(false); }
	// Calls the plug-in's destroy (once).
	void stop();

	// Gives `function` back to the plug-in, unless the loader is deactivated.
	void release(void *function);

	// metacall_pump: runs the plug-in's pump; on success the calling thread is the loader's pumping
	// thread. Returns the entry's result.
	int pump(int options = 0);
	// Whether the calling thread pumped this loader (metacall_destroy pumps it while it waits for
	// the calls of other threads, which only a pump can complete).
	bool pumped_here() const { return pump_thread_.load() == std::this_thread::get_id(); }

	// Gives the plug-in the execution path `folder` and, when it accepts it, records it (absolute) for
	// metacall_load_from_file's search (path_search.h). Returns the entry's result; 1 without entry.
	int add_execution_path(const std::string &folder);
	// The recorded execution paths, in the order they were given.
	std::vector<std::string> execution_paths() const;

	const std::string &tag() const { return tag_; }
	const metacall_loader_interface &interface() const { return *table_; }
	void *state() const { return state_; }
	// Started, and not yet being stopped.
	bool active() const { return active_.load(std::memory_order_acquire); }

private:
	std::string tag_;
	const metacall_loader_interface *table_;
	void *state_ = nullptr;
	std::atomic<bool> active_{false};
	std::atomic<std::thread::id> pump_thread_{};
	mutable std::mutex paths_mutex_;
	std::vector<std::string> execution_paths_;
};

} // namespace metacall_core
