// MetaCall's start-up names, metacall_value_move, and its detour and plug-in names
// (include/metacall/metacall_startup.h).
#include "error.h"
#include "runtime.h"
#include "value.h"

#include <metacall/metacall.h>

using namespace metacall_core;

namespace {

// Start-up options: accepted when empty (no loader of ours takes any), else refused.
bool no_options(const metacall_initialize_configuration_type &entry) {
	const char *api = "metacall_initialize_ex";
	if (entry.options == nullptr)
		return true;
	Value *options = Value::from(entry.options, api);
	if (options == nullptr)
		return false;
	if (options->id == METACALL_NULL || (options->id == METACALL_MAP && options->slots().empty()))
		return true;
	set_errorf("NotImplementedError", "%s: the loader '%s' takes no start-up options (got a %s); pass NULL",
	           api, entry.tag != nullptr ? entry.tag : "(null)", metacall_value_id_name(options->id));
	return false;
}

// The answer of the names of systems libmetacall does not have.
void *absent(const char *api, const char *what) {
	set_errorf("NotImplementedError", "%s: libmetacall has no %s (docs/COMPATIBILITY.md)", api, what);
	return nullptr;
}

} // namespace

extern "C" {

void metacall_flags(int flags) {
	Runtime::instance().startup().set_flags(flags);
}

int metacall_initialize_ex(struct metacall_initialize_configuration_type initialize_config[]) {
	for (size_t i = 0; initialize_config != nullptr &&
	                   (initialize_config[i].tag != nullptr || initialize_config[i].options != nullptr);
	     ++i)
		if (!no_options(initialize_config[i]))
			return 1;
	return metacall_initialize();
}

void metacall_initialize_args(int argc, char *argv[]) {
	Runtime::instance().startup().set_args(argc, argv);
}

int metacall_argc(void) {
	return Runtime::instance().startup().argc();
}

char **metacall_argv(void) {
	return Runtime::instance().startup().argv();
}

size_t metacall_args_size(void) {
	return 16;
}

void metacall_value_move(void *src, void *dest) {
	// Values have no owner or finalizer to move: only their validity is checked.
	if (Value::from(src, "metacall_value_move") != nullptr)
		Value::from(dest, "metacall_value_move");
}

const char *metacall_detour(void) {
	return static_cast<const char *>(absent("metacall_detour", "detours (it hooks no functions)"));
}

void *metacall_plugin_extension(void) {
	return absent("metacall_plugin_extension", "plug-in extension (MetaCall's CLI plug-ins)");
}

void *metacall_plugin_core(void) {
	return absent("metacall_plugin_core", "core plug-ins (MetaCall's CLI plug-ins)");
}

const char *metacall_plugin_path(void) {
	return static_cast<const char *>(
	    absent("metacall_plugin_path", "plug-in folder (MetaCall's CLI plug-ins)"));
}

} // extern "C"
