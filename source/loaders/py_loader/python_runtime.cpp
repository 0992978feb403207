#include "python_runtime.h"

#include <metacall/metacall_loader.h>

#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <mutex>
#include <optional>
#include <string>

#ifndef METACALL_PY_LIBRARY
#  error "METACALL_PY_LIBRARY (the default libpython path) must be defined by the build"
#endif
#ifndef METACALL_PY_VERSION
#  error "METACALL_PY_VERSION (\"MAJOR.MINOR\" of the headers) must be defined by the build"
#endif

namespace py_loader {
namespace {

using IsInitialized = int (*)();
using GetVersion = const char *(*)();

// CPython's ABI changes between minor versions: "3.11.x" only, for a loader built against 3.11.
bool same_minor_version(const char *version) {
	const std::string expected = METACALL_PY_VERSION ".";
	return version != nullptr && std::strncmp(version, expected.c_str(), expected.size()) == 0;
}

// The first line of Py_GetVersion() ("3.11.2 (main, ...) [GCC ...]") up to the first space.
std::string short_version(const char *version) {
	const std::string text = version != nullptr ? version : "unknown";
	return text.substr(0, text.find(' '));
}

std::optional<PythonRuntime> detect() {
	// The relink module decides: the process's running CPython (host), or libpython loaded now
	// RTLD_GLOBAL, so that the implementation and CPython's own extension modules (lib-dynload)
	// resolve their CPython symbols against it.
	const int mode =
	    metacall_loader_runtime("py", "cpython", METACALL_PY_LIBRARY, "METACALL_PYTHON_LIBRARY", nullptr);
	if (mode < 0)
		return std::nullopt;
	auto is_initialized = reinterpret_cast<IsInitialized>(dlsym(RTLD_DEFAULT, "Py_IsInitialized"));
	auto get_version = reinterpret_cast<GetVersion>(dlsym(RTLD_DEFAULT, "Py_GetVersion"));
	const char *version = get_version != nullptr ? get_version() : nullptr;
	if (is_initialized == nullptr || version == nullptr) {
		metacall_loader_error(
		    "py loader: the runtime has no Py_IsInitialized or Py_GetVersion: not a CPython");
		return std::nullopt;
	}
	if (!same_minor_version(version)) {
		metacall_loader_error(
		    "py loader: the runtime is CPython %s, but this loader was built for CPython %s",
		    short_version(version).c_str(), METACALL_PY_VERSION);
		return std::nullopt;
	}
	PythonRuntime runtime;
	runtime.host = mode == 1 && is_initialized() != 0;
	metacall_loader_log("info", "py loader: %s CPython %s",
	                    runtime.host ? "reusing the process's" : "starting its own",
	                    short_version(version).c_str());
	return runtime;
}

} // namespace

bool find_python_runtime(PythonRuntime &runtime) {
	static std::mutex mutex;
	static std::optional<PythonRuntime> found; // once per process: the own interpreter is kept
	std::lock_guard lock(mutex);
	if (!found)
		found = detect();
	if (!found)
		return false;
	runtime = *found;
	return true;
}

} // namespace py_loader
