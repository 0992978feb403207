// metacall_initialize, metacall_is_initialized, metacall_destroy, metacall_version_str.
#include "runtime.h"
#include "startup.h"

#include <metacall/metacall.h>

using namespace metacall_core;

extern "C" {

int metacall_initialize(void) {
	Runtime &runtime = Runtime::instance();
	if (runtime.running())
		return 0;
	// MetaCall's start-up configuration (CONFIGURATION_PATH) and LOADER_SCRIPT_PATH: read before
	// anything starts, so that a malformed file leaves the library uninitialized (startup.h).
	StartupPaths paths;
	if (!read_startup_paths(paths))
		return 1;
	runtime.startup().set_paths(std::move(paths));
	return runtime.initialize();
}

int metacall_is_initialized(const char *tag) {
	Runtime &runtime = Runtime::instance();
	if (!runtime.running())
		return 1;
	if (tag == nullptr)
		return 0;
	return runtime.started_loader(tag) != nullptr ? 0 : 1;
}

void metacall_destroy(void) {
	Runtime::instance().destroy();
}

const char *metacall_version_str(void) {
	return METACALL_VERSION;
}

} // extern "C"
