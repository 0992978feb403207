// metacall_serialize, metacall_deserialize and calls with JSON arguments
// (include/metacall/metacall_serial.h).
#include "copy_out.h"
#include "error.h"
#include "json_value.h"
#include "value.h"

#include <metacall/metacall.h>

#include <cstring>

using namespace metacall_core;

namespace {

bool known_serial(const char *name, const char *api) {
	if (name == nullptr || std::strcmp(name, "json") == 0 || std::strcmp(name, "rapid_json") == 0)
		return true;
	set_errorf("TypeError",
	           "%s: unknown serial \"%s\" (the serials are \"json\" and its MetaCall name \"rapid_json\")",
	           api, name);
	return false;
}

// The arguments written in `buffer` as a JSON array: a new array value, or nullptr with an error.
Value *arguments_from(const char *buffer, size_t size, const char *api) {
	auto *args = static_cast<Value *>(value_from_json(buffer, size, api));
	if (args != nullptr && args->id != METACALL_ARRAY) {
		set_errorf("TypeError", "%s: the arguments must be a JSON array, not a %s", api,
		           metacall_value_id_name(args->id));
		destroy_value(args);
		return nullptr;
	}
	return args;
}

} // namespace

extern "C" {

const char *metacall_serial(void) {
	return "json";
}

char *metacall_serialize(const char *name, void *v, size_t *size, void *allocator) {
	const char *api = "metacall_serialize";
	if (!known_serial(name, api))
		return nullptr;
	auto text = value_to_json(v, api);
	return text ? copy_to_caller(*text, size, allocator, api) : nullptr;
}

void *metacall_deserialize(const char *name, const char *buffer, size_t size, void *allocator) {
	(void)allocator;
	const char *api = "metacall_deserialize";
	return known_serial(name, api) ? value_from_json(buffer, size, api) : nullptr;
}

void *metacallfs(void *func, const char *buffer, size_t size, void *allocator) {
	(void)allocator;
	ValuePtr args(arguments_from(buffer, size, "metacallfs"));
	if (args == nullptr)
		return nullptr;
	return metacallfv_s(func, args->slots().data(), args->slots().size());
}

void *metacallfs_await(void *func, const char *buffer, size_t size, void *allocator,
                       void *(*resolve_callback)(void *, void *), void *(*reject_callback)(void *, void *),
                       void *data) {
	(void)allocator;
	ValuePtr args(arguments_from(buffer, size, "metacallfs_await"));
	if (args == nullptr)
		return nullptr;
	return metacallfv_await_s(func, args->slots().data(), args->slots().size(), resolve_callback,
	                          reject_callback, data);
}

} // extern "C"
