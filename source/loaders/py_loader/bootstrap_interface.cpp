// The table of libpy_loader.so, the plug-in the core opens for the tag "py". It holds no CPython
// symbol: initialize finds (or loads) the runtime, opens the implementation, and from then on
// every entry forwards to the implementation's table.
#include "implementation_library.h"
#include "python_runtime.h"

#include <metacall/metacall_loader.h>

#include <mutex>

namespace py_loader {
namespace {

// Set by the first successful initialize and kept for the process (the core calls no other entry
// before initialize succeeded).
const metacall_loader_interface *implementation = nullptr;

void *initialize(const char *tag) {
	static std::mutex mutex;
	{
		std::lock_guard lock(mutex);
		if (implementation == nullptr) {
			PythonRuntime runtime;
			if (!find_python_runtime(runtime))
				return nullptr;
			implementation = open_implementation(runtime.host);
			if (implementation == nullptr)
				return nullptr;
		}
	}
	return implementation->initialize(tag);
}

int execution_path(void *loader, const char *path) {
	return implementation->execution_path(loader, path);
}

void *load_from_file(void *loader, const char *const paths[], size_t size) {
	return implementation->load_from_file(loader, paths, size);
}

void *load_from_memory(void *loader, const char *name, const char *buffer, size_t size) {
	return implementation->load_from_memory(loader, name, buffer, size);
}

void *load_from_package(void *loader, const char *path) {
	return implementation->load_from_package(loader, path);
}

int discover(void *loader, void *module, metacall_loader_define define, void *scope) {
	return implementation->discover(loader, module, define, scope);
}

void *invoke(void *loader, void *function, void *args[], size_t size) {
	return implementation->invoke(loader, function, args, size);
}

int await(void *loader, void *function, void *args[], size_t size, void *future) {
	return implementation->await(loader, function, args, size, future);
}

void function_release(void *loader, void *function) {
	implementation->function_release(loader, function);
}

int clear(void *loader, void *module) {
	return implementation->clear(loader, module);
}

void destroy(void *loader) {
	implementation->destroy(loader);
}

constexpr metacall_loader_interface interface_table{
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
    .pump = nullptr, // its asyncio loop runs on a thread of its own
};

} // namespace
} // namespace py_loader

extern "C" METACALL_LOADER_EXPORT const struct metacall_loader_interface *metacall_loader_interface(void) {
	return &py_loader::interface_table;
}
