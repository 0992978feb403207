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
	void *scope = RTLD_DEFAULT;
	std::string origin = "the process";
	auto is_initialized = reinterpret_cast<IsInitialized>(dlsym(RTLD_DEFAULT, "Py_IsInitialized"));
	if (is_initialized == nullptr) {
		const char *path = std::getenv("METACALL_PYTHON_LIBRARY");
		if (path == nullptr || path[0] == '\0')
			path = METACALL_PY_LIBRARY;
		// RTLD_GLOBAL: the implementation and CPython's own extension modules (lib-dynload) resolve
		// their CPython symbols against it. A copy already loaded RTLD_LOCAL is promoted, not duplicated.
		scope = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
		if (scope == nullptr) {
			metacall_loader_error("py loader: cannot load the Python runtime %s: %s (install libpython%s, "
			                      "or point METACALL_PYTHON_LIBRARY at a libpython%s)",
			                      path, dlerror(), METACALL_PY_VERSION, METACALL_PY_VERSION);
			return std::nullopt;
		}
		origin = path;
		is_initialized = reinterpret_cast<IsInitialized>(dlsym(scope, "Py_IsInitialized"));
	}
	auto get_version = reinterpret_cast<GetVersion>(dlsym(scope, "Py_GetVersion"));
	const char *version = get_version != nullptr ? get_version() : nullptr;
	if (is_initialized == nullptr || !same_minor_version(version)) {
		if (is_initialized == nullptr || version == nullptr)
			metacall_loader_error(
			    "py loader: %s has no Py_IsInitialized or Py_GetVersion: not a CPython runtime",
			    origin.c_str());
		else
			metacall_loader_error(
			    "py loader: %s provides CPython %s, but this loader was built for CPython %s", origin.c_str(),
			    short_version(version).c_str(), METACALL_PY_VERSION);
		if (scope != RTLD_DEFAULT)
			dlclose(scope); // loaded for nothing: out of the process's global scope again
		return std::nullopt;
	}
	PythonRuntime runtime;
	runtime.host = is_initialized() != 0;
	if (runtime.host)
		metacall_loader_log("info", "py loader: reusing the CPython %s the process already runs (from %s)",
		                    short_version(version).c_str(), origin.c_str());
	else
		metacall_loader_log("info", "py loader: starting its own CPython %s from %s",
		                    short_version(version).c_str(), origin.c_str());
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
