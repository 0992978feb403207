#include "js_values.h"
#include "js_string.h"

#include "js_calls.h"
#include "js_errors.h"
#include "loader_state.h"

#include <metacall/metacall.h>
#include <metacall/metacall_error.h>
#include <metacall/metacall_loader.h>
#include <metacall/metacall_value.h>

#include <cstdint>
#include <string>
#include <vector>

namespace node_loader {
namespace {

// Integers a double holds exactly: beyond them a long crosses as a BigInt.
constexpr int64_t kMaxSafeInteger = (int64_t{1} << 53) - 1;

void *type_error(const char *message) {
	return metacall_error_throw("TypeError", 0, nullptr, "%s", message);
}

napi_value number_to_js(napi_env env, double number) {
	napi_value js = nullptr;
	napi_create_double(env, number, &js);
	return js;
}

napi_value array_to_js(LoaderState &state, void *value) {
	napi_env env = state.env();
	const size_t count = metacall_value_count(value);
	void **items = metacall_value_to_array(value);
	napi_value array = nullptr;
	if (napi_create_array_with_length(env, count, &array) != napi_ok)
		return nullptr;
	for (size_t i = 0; i < count; ++i) {
		napi_value item = to_js(state, items[i]);
		if (item == nullptr || napi_set_element(env, array, static_cast<uint32_t>(i), item) != napi_ok)
			return nullptr;
	}
	return array;
}

napi_value map_to_js(LoaderState &state, void *value) {
	napi_env env = state.env();
	const size_t count = metacall_value_count(value);
	void **pairs = metacall_value_to_map(value);
	napi_value object = nullptr;
	if (napi_create_object(env, &object) != napi_ok)
		return nullptr;
	for (size_t i = 0; i < count; ++i) {
		void **pair = metacall_value_to_array(pairs[i]);
		napi_value key = to_js(state, pair[0]);
		napi_value item = key != nullptr ? to_js(state, pair[1]) : nullptr;
		if (item == nullptr || napi_set_property(env, object, key, item) != napi_ok)
			return nullptr;
	}
	return object;
}

void *string_from_js(napi_env env, napi_value js) {
	std::string text;
	if (!read_js_string(env, js, text))
		return type_error("cannot read a JS string");
	return metacall_value_create_string(text.data(), text.size());
}

void *bigint_from_js(napi_env env, napi_value js) {
	int64_t number = 0;
	bool lossless = false;
	napi_get_value_bigint_int64(env, js, &number, &lossless);
	if (!lossless)
		return metacall_error_throw("RangeError", 0, nullptr, "a BigInt beyond the range of long (64 bits)");
	return metacall_value_create_long(static_cast<long>(number));
}

void *array_from_js(LoaderState &state, napi_value js) {
	napi_env env = state.env();
	uint32_t count = 0;
	napi_get_array_length(env, js, &count);
	std::vector<void *> items(count, nullptr);
	for (uint32_t i = 0; i < count; ++i) {
		napi_value item = nullptr;
		if (napi_get_element(env, js, i, &item) != napi_ok)
			item = nullptr;
		items[i] = item != nullptr ? from_js(state, item) : metacall_value_create_null();
	}
	return metacall_value_create_array(const_cast<const void **>(items.data()), count); // takes the items
}

// Own enumerable string keys, as Object.keys gives them.
void *object_from_js(LoaderState &state, napi_value js) {
	napi_env env = state.env();
	napi_value keys = nullptr;
	if (napi_get_all_property_names(env, js, napi_key_own_only,
	                                static_cast<napi_key_filter>(napi_key_enumerable | napi_key_skip_symbols),
	                                napi_key_numbers_to_strings, &keys) != napi_ok)
		return throwable_from_pending(state);
	uint32_t count = 0;
	napi_get_array_length(env, keys, &count);
	std::vector<void *> pairs;
	pairs.reserve(count);
	for (uint32_t i = 0; i < count; ++i) {
		napi_value key = nullptr, item = nullptr;
		napi_get_element(env, keys, i, &key);
		if (napi_get_property(env, js, key, &item) != napi_ok) {
			for (void *pair : pairs)
				metacall_value_destroy(pair);
			return throwable_from_pending(state); // a getter threw
		}
		const void *pair[2] = {string_from_js(env, key), from_js(state, item)};
		pairs.push_back(metacall_value_create_array(pair, 2)); // takes the key and the item
	}
	return metacall_value_create_map(const_cast<const void **>(pairs.data()),
	                                 pairs.size()); // takes the pairs
}

// Buffer, TypedArray, DataView or ArrayBuffer: their bytes, or nullptr when `js` is none of them.
void *bytes_from_js(napi_env env, napi_value js) {
	bool is = false;
	void *data = nullptr;
	size_t size = 0;
	if (napi_is_typedarray(env, js, &is) == napi_ok && is) { // Buffers are Uint8Arrays
		napi_typedarray_type type;
		size_t length = 0, offset = 0;
		napi_value buffer = nullptr;
		napi_get_typedarray_info(env, js, &type, &length, &data, &buffer, &offset);
		napi_value bytes_per_element = nullptr;
		uint32_t element_size = 1;
		if (napi_get_named_property(env, js, "BYTES_PER_ELEMENT", &bytes_per_element) == napi_ok)
			napi_get_value_uint32(env, bytes_per_element, &element_size);
		size = length * element_size;
	} else if (napi_is_dataview(env, js, &is) == napi_ok && is) {
		napi_value buffer = nullptr;
		size_t offset = 0;
		napi_get_dataview_info(env, js, &size, &data, &buffer, &offset);
	} else if (napi_is_arraybuffer(env, js, &is) == napi_ok && is) {
		napi_get_arraybuffer_info(env, js, &data, &size);
	} else {
		return nullptr;
	}
	return metacall_value_create_buffer(data, size);
}

void *object_value_from_js(LoaderState &state, napi_value js) {
	napi_env env = state.env();
	bool is = false;
	if (napi_is_array(env, js, &is) == napi_ok && is)
		return array_from_js(state, js);
	if (void *bytes = bytes_from_js(env, js))
		return bytes;
	if (napi_is_promise(env, js, &is) == napi_ok && is)
		return future_from_js(state, js);
	if (napi_is_error(env, js, &is) == napi_ok && is)
		return exception_from_js(state, js);
	return object_from_js(state, js);
}

} // namespace

napi_value to_js(LoaderState &state, void *value) {
	napi_env env = state.env();
	napi_value js = nullptr;
	switch (metacall_value_id(value)) {
	case METACALL_BOOL:
		napi_get_boolean(env, metacall_value_to_bool(value) != 0, &js);
		return js;
	case METACALL_CHAR:
		return number_to_js(env, metacall_value_to_char(value));
	case METACALL_SHORT:
		return number_to_js(env, metacall_value_to_short(value));
	case METACALL_INT:
		napi_create_int32(env, metacall_value_to_int(value), &js);
		return js;
	case METACALL_LONG: {
		const int64_t number = metacall_value_to_long(value);
		if (number > kMaxSafeInteger || number < -kMaxSafeInteger)
			napi_create_bigint_int64(env, number, &js);
		else
			napi_create_int64(env, number, &js);
		return js;
	}
	case METACALL_FLOAT:
		return number_to_js(env, metacall_value_to_float(value));
	case METACALL_DOUBLE:
		return number_to_js(env, metacall_value_to_double(value));
	case METACALL_STRING:
		napi_create_string_utf8(env, metacall_value_to_string(value), metacall_value_size(value) - 1, &js);
		return js;
	case METACALL_BUFFER:
		napi_create_buffer_copy(env, metacall_value_size(value), metacall_value_to_buffer(value), nullptr,
		                        &js);
		return js;
	case METACALL_ARRAY:
		return array_to_js(state, value);
	case METACALL_MAP:
		return map_to_js(state, value);
	case METACALL_PTR:
		napi_create_external(env, metacall_value_to_ptr(value), nullptr, nullptr, &js);
		return js;
	case METACALL_FUNCTION:
		return function_to_js(state, value);
	case METACALL_FUTURE:
		return future_to_js(state, value);
	case METACALL_EXCEPTION:
	case METACALL_THROWABLE:
		return error_to_js(state, value);
	default:
		napi_get_null(env, &js);
		return js;
	}
}

void *from_js(LoaderState &state, napi_value js) {
	napi_env env = state.env();
	napi_valuetype type = napi_undefined;
	napi_typeof(env, js, &type);
	switch (type) {
	case napi_boolean: {
		bool b = false;
		napi_get_value_bool(env, js, &b);
		return metacall_value_create_bool(b ? 1 : 0);
	}
	case napi_number: {
		double number = 0;
		napi_get_value_double(env, js, &number);
		return metacall_value_create_double(number);
	}
	case napi_bigint:
		return bigint_from_js(env, js);
	case napi_string:
		return string_from_js(env, js);
	case napi_object:
		return object_value_from_js(state, js);
	case napi_function:
		return function_from_js(state, js);
	case napi_external: {
		void *pointer = nullptr;
		napi_get_value_external(env, js, &pointer);
		return metacall_value_create_ptr(pointer);
	}
	case napi_symbol:
		return type_error("a JS symbol has no value outside JavaScript");
	default: // undefined, null
		return metacall_value_create_null();
	}
}

} // namespace node_loader
