// MetaCall's names that belong to no other group (include/metacall/metacall_compat.h): each is a
// thin form of a function of ours.
#include "call_gate.h"
#include "error.h"
#include "json_value.h"
#include "load_options.h"
#include "runtime.h"
#include "value.h"

#include <metacall/metacall.h>

#include <cstdlib>
#include <functional>
#include <string>

using namespace metacall_core;

namespace {

// Runs `load` with the load options `data` (a borrowed value: NULL, null or an empty Map for none)
// made available to the loader of `tag` (metacall_loader_load_options), when its table says it
// reads options; refused otherwise, rather than ignored. 0 on success.
int load_with_options(const char *tag, void *data, const char *api, const std::function<int()> &load) {
	Value *options = nullptr;
	if (data != nullptr) {
		options = Value::from(data, api);
		if (options == nullptr)
			return 1;
		if (options->id == METACALL_NULL || (options->id == METACALL_MAP && options->slots().empty()))
			options = nullptr;
	}
	if (options != nullptr) {
		if (options->id != METACALL_MAP) {
			set_errorf("TypeError", "%s: the load options must be a Map (got a %s)", api,
			           metacall_value_id_name(options->id));
			return 1;
		}
		CallScope scope(api);
		if (!scope)
			return 1;
		auto loader = Runtime::instance().loader(tag, api);
		if (loader == nullptr)
			return 1;
		if (loader->interface().takes_load_options == 0) {
			set_errorf("NotImplementedError", "%s: the loader '%s' takes no load options; pass NULL", api,
			           tag);
			return 1;
		}
	}
	LoadOptionsScope scope(options);
	return load() == 0 ? 0 : 1;
}

} // namespace

extern "C" {

void *metacall_null_args[1] = {nullptr};

const char *metacall_print_info(void) {
	return "libmetacall " METACALL_VERSION ": an embeddable polyglot runtime (loaders py, node, c), "
	       "source-compatible with MetaCall's C API for the functions in docs/COMPATIBILITY.md";
}

void *metacall_await_s(const char *name, void *args[], size_t size, void *(*resolve_callback)(void *, void *),
                       void *(*reject_callback)(void *, void *), void *data) {
	void *func = metacall_function(name);
	return func != nullptr ? metacallfv_await_s(func, args, size, resolve_callback, reject_callback, data)
	                       : nullptr;
}

void *metacallfv_await(void *func, void *args[], void *(*resolve_callback)(void *, void *),
                       void *(*reject_callback)(void *, void *), void *data) {
	return metacallfv_await_s(func, args, metacall_function_size(func), resolve_callback, reject_callback,
	                          data);
}

void *metacallfv_await_struct_s(void *func, void *args[], size_t size, metacall_await_callbacks cb,
                                void *data) {
	return metacallfv_await_s(func, args, size, cb.resolve, cb.reject, data);
}

int metacall_load_from_file_ex(const char *tag, const char *paths[], size_t size, void **handle, void *data) {
	return load_with_options(tag, data, "metacall_load_from_file_ex",
	                         [&] { return metacall_load_from_file(tag, paths, size, handle); });
}

int metacall_load_from_memory_ex(const char *tag, const char *buffer, size_t size, void **handle,
                                 void *data) {
	return load_with_options(tag, data, "metacall_load_from_memory_ex",
	                         [&] { return metacall_load_from_memory(tag, buffer, size, handle); });
}

int metacall_load_from_package_ex(const char *tag, const char *path, void **handle, void *data) {
	return load_with_options(tag, data, "metacall_load_from_package_ex",
	                         [&] { return metacall_load_from_package(tag, path, handle); });
}

int metacall_execution_path_s(const char *tag, size_t tag_length, const char *path, size_t path_length) {
	if (tag == nullptr || path == nullptr) {
		set_error("TypeError", "metacall_execution_path_s: the tag or the path is NULL");
		return 1;
	}
	const std::string t(tag, tag_length), p(path, path_length);
	return metacall_execution_path(t.c_str(), p.c_str());
}

const char *metacall_handle_id(void *handle) {
	const char *name = metacall_handle_name(handle);
	if (name == nullptr)
		set_error("ReferenceError", "metacall_handle_id: the handle is not live (cleared, or not a handle)");
	return name;
}

void *metacall_inspect_value(void) {
	size_t size = 0;
	char *text = metacall_inspect(&size, nullptr);
	if (text == nullptr)
		return nullptr;
	void *value = value_from_json(text, size, "metacall_inspect_value");
	std::free(text);
	return value;
}

const struct metacall_version_type *metacall_version(void) {
	static const metacall_version_type version = {METACALL_VERSION_MAJOR, METACALL_VERSION_MINOR,
	                                              METACALL_VERSION_PATCH, "",
	                                              METACALL_VERSION,       "libmetacall"};
	return &version;
}

uint32_t metacall_version_hex_make(unsigned int major, unsigned int minor, unsigned int patch) {
	return (static_cast<uint32_t>(major) << 24) + (static_cast<uint32_t>(minor) << 16) + patch;
}

uint32_t metacall_version_hex(void) {
	return metacall_version_hex_make(METACALL_VERSION_MAJOR, METACALL_VERSION_MINOR, METACALL_VERSION_PATCH);
}

const char *metacall_version_revision(void) {
	return metacall_version()->revision;
}

const char *metacall_version_name(void) {
	return metacall_version()->name;
}

} // extern "C"
