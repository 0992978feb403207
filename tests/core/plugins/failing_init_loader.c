/* core tests: a plug-in (tag "failinit") whose initialize fails with a reason. The core must
 * report the reason together with the API call and the tag. The other entries are complete
 * stubs, so the table itself is valid and only initialize fails. */
#include <metacall/metacall_loader.h>

#include <stddef.h>

static void *failing_initialize(const char *tag) {
	(void)tag;
	metacall_loader_error("refusing to start on purpose");
	return NULL;
}

static int failing_execution_path(void *loader, const char *path) {
	(void)loader;
	(void)path;
	return 1;
}

static void *failing_load_from_file(void *loader, const char *const paths[], size_t size) {
	(void)loader;
	(void)paths;
	(void)size;
	return NULL;
}

static void *failing_load_from_memory(void *loader, const char *name, const char *buffer, size_t size) {
	(void)loader;
	(void)name;
	(void)buffer;
	(void)size;
	return NULL;
}

static void *failing_load_from_package(void *loader, const char *path) {
	(void)loader;
	(void)path;
	return NULL;
}

static int failing_discover(void *loader, void *module, metacall_loader_define define, void *scope) {
	(void)loader;
	(void)module;
	(void)define;
	(void)scope;
	return 1;
}

static void *failing_invoke(void *loader, void *function, void *args[], size_t size) {
	(void)loader;
	(void)function;
	(void)args;
	(void)size;
	return NULL;
}

static int failing_clear(void *loader, void *module) {
	(void)loader;
	(void)module;
	return 1;
}

static void failing_destroy(void *loader) {
	(void)loader;
}

static const struct metacall_loader_interface failing_interface = {
    .abi_version = METACALL_LOADER_ABI_VERSION,
    .initialize = failing_initialize,
    .execution_path = failing_execution_path,
    .load_from_file = failing_load_from_file,
    .load_from_memory = failing_load_from_memory,
    .load_from_package = failing_load_from_package,
    .discover = failing_discover,
    .invoke = failing_invoke,
    .await = NULL,
    .function_release = NULL,
    .clear = failing_clear,
    .destroy = failing_destroy,
};

METACALL_LOADER_EXPORT const struct metacall_loader_interface *metacall_loader_interface(void) {
	return &failing_interface;
}
