// The table of a loader's bootstrap plug-in (libpy_loader.so, libnode_loader.so): a plug-in free of
// its runtime's symbols whose initialize finds (or loads) the runtime, opens the implementation
// beside it, and from then on forwards every entry to the implementation's table (decision 4).
//
//   const metacall_loader_interface *open_my_implementation();   // nullptr after metacall_loader_error
//   ... metacall_loader_interface() { return &ForwardingInterface<open_my_implementation>::table; }
#ifndef METACALL_LOADERS_FORWARDING_INTERFACE_H
#define METACALL_LOADERS_FORWARDING_INTERFACE_H

#include <metacall/metacall_loader.h>

#include <mutex>
#include <string>

namespace metacall_loaders {

// Opens `file` from the folder of the object that holds `anchor` (a function of the bootstrap),
// RTLD_LOCAL with `flags` (RTLD_NOW or RTLD_LAZY), and returns the address of its symbol `entry`,
// or nullptr after metacall_loader_error naming `loader`. The library stays open for good (the
// runtime keeps pointers into it); *library (may be NULL) gets its handle.
void *open_beside(const void *anchor, const char *loader, const char *file, int flags, const char *entry,
                  void **library);

// Checks the implementation's table: nullptr after metacall_loader_error when it is missing or of
// another ABI.
const metacall_loader_interface *checked_table(const metacall_loader_interface *table, const char *loader,
                                               const char *file);

template <const metacall_loader_interface *(*Open)()>
struct ForwardingInterface {
	// Set by the first successful initialize and kept for the process (the core calls no other
	// entry before initialize succeeded).
	static inline const metacall_loader_interface *implementation = nullptr;

	static void *initialize(const char *tag) {
		static std::mutex mutex;
		{
			std::lock_guard lock(mutex);
			if (implementation == nullptr && (implementation = Open()) == nullptr)
				return nullptr;
		}
		return implementation->initialize(tag);
	}
	static int execution_path(void *loader, const char *path) {
		return implementation->execution_path(loader, path);
	}
	static void *load_from_file(void *loader, const char *const paths[], size_t size) {
		return implementation->load_from_file(loader, paths, size);
	}
	static void *load_from_memory(void *loader, const char *name, const char *buffer, size_t size) {
		return implementation->load_from_memory(loader, name, buffer, size);
	}
	static void *load_from_package(void *loader, const char *path) {
		return implementation->load_from_package(loader, path);
	}
	static int discover(void *loader, void *module, metacall_loader_define define, void *scope) {
		return implementation->discover(loader, module, define, scope);
	}
	static void *invoke(void *loader, void *function, void *args[], size_t size) {
		return implementation->invoke(loader, function, args, size);
	}
	static int await(void *loader, void *function, void *args[], size_t size, void *future) {
		return implementation->await(loader, function, args, size, future);
	}
	static void function_release(void *loader, void *function) {
		implementation->function_release(loader, function);
	}
	static int clear(void *loader, void *module) { return implementation->clear(loader, module); }
	static void destroy(void *loader) { implementation->destroy(loader); }
	static int pump(void *loader) {
		if (implementation->pump == nullptr) {
			metacall_loader_error("this loader has no event loop to pump");
			return 1;
		}
		return implementation->pump(loader);
	}
	static int pump_ex(void *loader, int options) {
		if (implementation->pump == nullptr || options == 0 || implementation->pump_ex == nullptr)
			return options == 0 || implementation->pump == nullptr
			           ? pump(loader)
			           : (metacall_loader_error("this loader takes no pump options"), 1);
		return implementation->pump_ex(loader, options);
	}
	static int pump_poll(void *loader, int *fd, int *timeout_ms) {
		if (implementation->pump_poll == nullptr) {
			metacall_loader_error("this loader's event loop cannot be driven by a host's loop");
			return 1;
		}
		return implementation->pump_poll(loader, fd, timeout_ms);
	}
	static int interrupt(void *loader, const void *origin) {
		return implementation->interrupt != nullptr ? implementation->interrupt(loader, origin) : 0;
	}
	static int heap_limit(void *loader, size_t bytes) {
		if (implementation->heap_limit == nullptr) {
			metacall_loader_error("this loader cannot cap its runtime's heap");
			return 1;
		}
		return implementation->heap_limit(loader, bytes);
	}
	static int drain(void *loader, const char *reason) {
		return implementation->drain != nullptr ? implementation->drain(loader, reason) : 0;
	}

	static constexpr metacall_loader_interface table{
	    .abi_version = METACALL_LOADER_ABI_VERSION,
	    .initialize = initialize,
	    .execution_path = execution_path,
	    .load_from_file = load_from_file,
	    .load_from_memory = load_from_memory,
	    .load_from_package = load_from_package,
	    .discover = discover,
	    .invoke = invoke,
	    .await = await,
	    .function_release = function_release,
	    .clear = clear,
	    .destroy = destroy,
	    .pump = pump,
	    .interrupt = interrupt,
	    .heap_limit = heap_limit,
	    .drain = drain,
	    .pump_ex = pump_ex,
	    .pump_poll = pump_poll,
	};
};

} // namespace metacall_loaders

#endif
