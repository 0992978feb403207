// metacall_initialize, metacall_is_initialized, metacall_destroy, metacall_version_str.
#include "runtime.h"

#include <metacall/metacall.h>

using namespace metacall_core;

extern "C" {

int metacall_initialize(void) {
	return Runtime::instance().initialize();
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
