// libpy_loader.so, the plug-in the core opens for the tag "py". It holds no CPython symbol: its
// first initialize finds (or loads) the runtime (python_runtime.cpp), opens the implementation
// beside it, and every entry forwards to it (shared/forwarding_interface.h).
#include "forwarding_interface.h"
#include "python_runtime.h"
#include "runtime_entry.h"

#include <dlfcn.h>

namespace py_loader {
namespace {

const metacall_loader_interface *open_implementation() {
	PythonRuntime runtime;
	if (!find_python_runtime(runtime))
		return nullptr;
	// Its CPython imports resolve against the libpython now in the global scope.
	auto entry = reinterpret_cast<py_loader_runtime_entry>(metacall_loaders::open_beside(
	    reinterpret_cast<const void *>(&open_implementation), "py", PY_LOADER_RUNTIME_FILE, RTLD_NOW,
	    PY_LOADER_RUNTIME_ENTRY_NAME, nullptr));
	if (entry == nullptr)
		return nullptr;
	return metacall_loaders::checked_table(entry(runtime.host ? 1 : 0), "py", PY_LOADER_RUNTIME_FILE);
}

} // namespace
} // namespace py_loader

extern "C" METACALL_LOADER_EXPORT const struct metacall_loader_interface *metacall_loader_interface(void) {
	return &metacall_loaders::ForwardingInterface<py_loader::open_implementation>::table;
}
