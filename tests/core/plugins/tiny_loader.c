/* core tests: the smallest valid loader plug-in (tag "coretiny"). Every load from memory gives a
 * module with one function, tiny_answer() -> long 42. It exists so the core tests can get real
 * handles without depending on a language loader. It keeps its modules in a list: `clear` unlinks
 * one, and `destroy` records how many the core left uncleared (coretiny_modules_left_at_destroy)
 * before releasing them. */
#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

#include <stdlib.h>

static int tiny_state;

struct tiny_module {
	struct tiny_module *next;
};

static struct tiny_module *tiny_modules;
static int tiny_left_at_destroy = -1;

/* For the tests (found with dlsym): modules still loaded when destroy last ran; -1 before. */
METACALL_LOADER_EXPORT int coretiny_modules_left_at_destroy(void) {
	return tiny_left_at_destroy;
}

static void *tiny_initialize(const char *tag) {
	(void)tag;
	return &tiny_state;
}

static int tiny_execution_path(void *loader, const char *path) {
	(void)loader;
	(void)path;
	return 0;
}

static void *tiny_load_from_file(void *loader, const char *const paths[], size_t size) {
	(void)loader;
	(void)paths;
	(void)size;
	metacall_loader_error("the coretiny loader loads only from memory");
	return NULL;
}

static void *tiny_load_from_memory(void *loader, const char *name, const char *buffer, size_t size) {
	(void)loader;
	(void)name;
	(void)buffer;
	(void)size;
	struct tiny_module *module = malloc(sizeof *module);
	if (module == NULL) {
		metacall_loader_error("out of memory");
		return NULL;
	}
	module->next = tiny_modules;
	tiny_modules = module;
	return module;
}

static void *tiny_load_from_package(void *loader, const char *path) {
	(void)loader;
	(void)path;
	metacall_loader_error("the coretiny loader loads only from memory");
	return NULL;
}

static int tiny_discover(void *loader, void *module, metacall_loader_define define, void *scope) {
	(void)loader;
	struct metacall_loader_function answer = {
	    .name = "tiny_answer",
	    .data = module,
	    .is_async = 0,
	    .is_variadic = 0,
	    .return_type = METACALL_LONG,
	    .param_count = 0,
	    .param_names = NULL,
	    .param_types = NULL,
	};
	return define(scope, &answer);
}

static void *tiny_invoke(void *loader, void *function, void *args[], size_t size) {
	(void)loader;
	(void)function;
	(void)args;
	(void)size;
	return metacall_value_create_long(42);
}

static int tiny_clear(void *loader, void *module) {
	(void)loader;
	for (struct tiny_module **link = &tiny_modules; *link != NULL; link = &(*link)->next) {
		if (*link == module) {
			*link = (*link)->next;
			free(module);
			return 0;
		}
	}
	metacall_loader_error("coretiny: clear of a module it does not have");
	return 1;
}

static void tiny_destroy(void *loader) {
	(void)loader;
	tiny_left_at_destroy = 0;
	while (tiny_modules != NULL) {
		struct tiny_module *next = tiny_modules->next;
		free(tiny_modules);
		tiny_modules = next;
		++tiny_left_at_destroy;
	}
}

static const struct metacall_loader_interface tiny_interface = {
    .abi_version = METACALL_LOADER_ABI_VERSION,
    .initialize = tiny_initialize,
    .execution_path = tiny_execution_path,
    .load_from_file = tiny_load_from_file,
    .load_from_memory = tiny_load_from_memory,
    .load_from_package = tiny_load_from_package,
    .discover = tiny_discover,
    .invoke = tiny_invoke,
    .await = NULL,
    .function_release = NULL,
    .clear = tiny_clear,
    .destroy = tiny_destroy,
};

METACALL_LOADER_EXPORT const struct metacall_loader_interface *metacall_loader_interface(void) {
	return &tiny_interface;
}
