// Calls with arguments by parameter name: metacallfmv, metacallfms and their _await forms
// (include/metacall/metacall_named_call.h).
#include "error.h"
#include "function.h"
#include "json_value.h"
#include "value.h"

#include <metacall/metacall.h>

#include <cstring>
#include <optional>
#include <vector>

using namespace metacall_core;

namespace {

// The position of the parameter that `key` names in `function`'s signature, or nullopt after an
// error naming `api`.
std::optional<std::size_t> parameter_of(const Function &function, void *key, std::size_t at,
                                        const char *api) {
	const auto &params = function.signature().params;
	Value *k = Value::from(key, api);
	if (k == nullptr)
		return std::nullopt;
	if (k->id == METACALL_STRING) {
		for (std::size_t i = 0; i < params.size(); ++i)
			if (params[i].name == k->bytes())
				return i;
		std::string names;
		for (const auto &p : params)
			names += (names.empty() ? "" : ", ") + p.name;
		set_errorf("TypeError", "%s: '%s' has no parameter named '%s' (its parameters: %s)", api,
		           function.name().c_str(), k->bytes().c_str(), names.empty() ? "none" : names.c_str());
		return std::nullopt;
	}
	void *copy = metacall_value_copy(key);
	void *position = copy != nullptr && is_number(k->id) && k->id != METACALL_BOOL && !is_floating(k->id)
	                     ? metacall_value_cast(copy, METACALL_LONG)
	                     : nullptr;
	const long index = position != nullptr ? metacall_value_to_long(position) : -1;
	metacall_value_destroy(position != nullptr ? position : copy);
	if (position == nullptr) {
		set_errorf("TypeError",
		           "%s: key %zu is a %s; a key is a parameter's name (a string) or position (an integer)",
		           api, at, metacall_value_id_name(k->id));
		return std::nullopt;
	}
	if (index < 0 || static_cast<std::size_t>(index) >= params.size()) {
		set_errorf("RangeError", "%s: key %zu is position %ld, but '%s' has %zu parameters", api, at, index,
		           function.name().c_str(), params.size());
		return std::nullopt;
	}
	return static_cast<std::size_t>(index);
}

// values[] in declared order (borrowed), or nullopt after an error. `size` keys and values.
std::optional<std::vector<void *>> ordered(void *func, void *keys[], void *values[], std::size_t size,
                                           const char *api) {
	Function *function = Function::from(func, api);
	if (function == nullptr)
		return std::nullopt;
	const std::size_t count = function->signature().params.size();
	if (size != count) {
		set_errorf("TypeError", "%s: '%s' takes %zu arguments, %zu were given by name", api,
		           function->name().c_str(), count, size);
		return std::nullopt;
	}
	if (count > 0 && (keys == nullptr || values == nullptr)) {
		set_errorf("TypeError", "%s: the keys or the values are NULL", api);
		return std::nullopt;
	}
	std::vector<void *> args(count, nullptr);
	std::vector<bool> given(count, false);
	for (std::size_t i = 0; i < count; ++i) {
		auto at = parameter_of(*function, keys[i], i, api);
		if (!at)
			return std::nullopt;
		if (given[*at]) {
			set_errorf("TypeError", "%s: parameter '%s' of '%s' is given twice", api,
			           function->signature().params[*at].name.c_str(), function->name().c_str());
			return std::nullopt;
		}
		given[*at] = true;
		args[*at] = values[i];
	}
	return args;
}

// The keys and values of the JSON object in `buffer` as a map value (owned), or nullptr with an
// error. An empty buffer is an empty map.
Value *named_arguments(const char *buffer, std::size_t size, const char *api) {
	if (buffer == nullptr || size == 0 || (size == 1 && buffer[0] == '\0'))
		return static_cast<Value *>(metacall_value_create_map(nullptr, 0));
	auto *map = static_cast<Value *>(value_from_json(buffer, size, api));
	if (map != nullptr && map->id != METACALL_MAP) {
		set_errorf("TypeError", "%s: the arguments must be a JSON object of parameter names, not a %s", api,
		           metacall_value_id_name(map->id));
		destroy_value(map);
		return nullptr;
	}
	return map;
}

// Calls `then` with the arguments of the JSON object in `buffer` in declared order.
template <typename Then>
void *with_json_arguments(void *func, const char *buffer, std::size_t size, const char *api, Then then) {
	ValuePtr map(named_arguments(buffer, size, api));
	if (map == nullptr)
		return nullptr;
	std::vector<void *> keys, values;
	for (void *entry : map->slots()) {
		void **pair = static_cast<Value *>(entry)->slots().data();
		keys.push_back(pair[0]);
		values.push_back(pair[1]);
	}
	auto args = ordered(func, keys.data(), values.data(), keys.size(), api);
	return args ? then(*args) : nullptr;
}

} // namespace

extern "C" {

void *metacallfmv(void *func, void *keys[], void *values[]) {
	const char *api = "metacallfmv";
	Function *function = Function::from(func, api);
	if (function == nullptr)
		return nullptr;
	auto args = ordered(func, keys, values, function->signature().params.size(), api);
	return args ? metacallfv_s(func, args->data(), args->size()) : nullptr;
}

void *metacallfms(void *func, const char *buffer, size_t size, void *allocator) {
	(void)allocator;
	return with_json_arguments(func, buffer, size, "metacallfms", [func](std::vector<void *> &args) {
		return metacallfv_s(func, args.data(), args.size());
	});
}

void *metacallfmv_await(void *func, void *keys[], void *values[], void *(*resolve_callback)(void *, void *),
                        void *(*reject_callback)(void *, void *), void *data) {
	const char *api = "metacallfmv_await";
	Function *function = Function::from(func, api);
	if (function == nullptr)
		return nullptr;
	auto args = ordered(func, keys, values, function->signature().params.size(), api);
	return args
	           ? metacallfv_await_s(func, args->data(), args->size(), resolve_callback, reject_callback, data)
	           : nullptr;
}

void *metacallfmv_await_s(void *func, void *keys[], void *values[], size_t size,
                          void *(*resolve_callback)(void *, void *), void *(*reject_callback)(void *, void *),
                          void *data) {
	auto args = ordered(func, keys, values, size, "metacallfmv_await_s");
	return args
	           ? metacallfv_await_s(func, args->data(), args->size(), resolve_callback, reject_callback, data)
	           : nullptr;
}

void *metacallfms_await(void *func, const char *buffer, size_t size, void *allocator,
                        void *(*resolve_callback)(void *, void *), void *(*reject_callback)(void *, void *),
                        void *data) {
	(void)allocator;
	return with_json_arguments(func, buffer, size, "metacallfms_await", [&](std::vector<void *> &args) {
		return metacallfv_await_s(func, args.data(), args.size(), resolve_callback, reject_callback, data);
	});
}

} // extern "C"
