#include "js_typed_arrays.h"

#include <metacall/metacall.h>
#include <metacall/metacall_buffer.h>
#include <metacall/metacall_error.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

namespace node_loader {
namespace {

bool typed_array_type(char format, napi_typedarray_type *type) {
	switch (format) {
	case 'b':
		*type = napi_int8_array;
		return true;
	case 'B':
		*type = napi_uint8_array;
		return true;
	case 'h':
		*type = napi_int16_array;
		return true;
	case 'H':
		*type = napi_uint16_array;
		return true;
	case 'i':
		*type = napi_int32_array;
		return true;
	case 'I':
		*type = napi_uint32_array;
		return true;
	case 'q':
		*type = napi_bigint64_array;
		return true;
	case 'Q':
		*type = napi_biguint64_array;
		return true;
	case 'f':
		*type = napi_float32_array;
		return true;
	case 'd':
		*type = napi_float64_array;
		return true;
	default:
		return false;
	}
}

// The dimensions of `js`'s own `shape` property into `shape`: none (1-D) when it has none;
// false for one that is not an array of whole numbers whose product is `length`.
bool shape_from_js(napi_env env, napi_value js, size_t length, std::string &shape_text, size_t *shape,
                   size_t *ndim) {
	*ndim = 1;
	shape[0] = length;
	napi_value key = nullptr, property = nullptr;
	bool has = false;
	napi_create_string_utf8(env, "shape", 5, &key);
	if (napi_has_own_property(env, js, key, &has) != napi_ok || !has)
		return true;
	bool is_array = false;
	uint32_t count = 0;
	if (napi_get_property(env, js, key, &property) != napi_ok ||
	    napi_is_array(env, property, &is_array) != napi_ok || !is_array ||
	    napi_get_array_length(env, property, &count) != napi_ok || count == 0 ||
	    count > METACALL_BUFFER_MAX_DIMENSIONS)
		return false;
	size_t product = 1;
	for (uint32_t i = 0; i < count; ++i) {
		napi_value item = nullptr;
		double dim = -1;
		if (napi_get_element(env, property, i, &item) != napi_ok ||
		    napi_get_value_double(env, item, &dim) != napi_ok || !(dim >= 0) || dim > 9007199254740991.0 ||
		    dim != static_cast<double>(static_cast<uint64_t>(dim)))
			return false;
		shape[i] = static_cast<size_t>(dim);
		shape_text += (i == 0 ? "" : ",") + std::to_string(shape[i]);
		if (__builtin_mul_overflow(product, shape[i], &product))
			return false;
	}
	*ndim = count;
	return product == length;
}

// Sets `shape` on `array` for a value of more than one dimension.
bool set_shape(napi_env env, napi_value array, size_t ndim, const size_t *shape) {
	if (ndim <= 1 || shape == nullptr)
		return true;
	napi_value dims = nullptr;
	if (napi_create_array_with_length(env, ndim, &dims) != napi_ok)
		return false;
	for (size_t i = 0; i < ndim; ++i) {
		napi_value dim = nullptr;
		if (napi_create_double(env, static_cast<double>(shape[i]), &dim) != napi_ok ||
		    napi_set_element(env, dims, static_cast<uint32_t>(i), dim) != napi_ok)
			return false;
	}
	return napi_set_named_property(env, array, "shape", dims) == napi_ok;
}

// The bytes of results lent to JS whose ArrayBuffer has not been finalized yet. Node runs those
// finalizers only when its event loop turns (Node-API defers them to the loop), so a synchronous
// loop of calls keeps every result it made until it ends: past kMostLent such bytes, results are
// copied into memory that V8's collector frees by itself. Results smaller than kLeastLent are
// copied too: that costs less than a finalizer.
std::atomic<size_t> lent_bytes{0};
constexpr size_t kLeastLent = size_t{64} << 10;
constexpr size_t kMostLent = size_t{256} << 20;

void destroy_value(napi_env, void *, void *hint) {
	lent_bytes.fetch_sub(metacall_value_size(hint), std::memory_order_relaxed);
	metacall_value_destroy(hint);
}

// Whether `size` more bytes may be lent now; counts them when so.
bool may_lend(size_t size) {
	if (size < kLeastLent)
		return false;
	size_t lent = lent_bytes.load(std::memory_order_relaxed);
	do {
		if (lent + size > kMostLent)
			return false;
	} while (!lent_bytes.compare_exchange_weak(lent, lent + size, std::memory_order_relaxed));
	return true;
}

// A typed array over `buffer` with the layout of `value`.
napi_value typed_array_over(napi_env env, void *value, napi_value buffer) {
	size_t ndim = 0;
	const size_t *shape = nullptr;
	const char format = metacall_value_buffer_layout(value, &ndim, &shape);
	napi_typedarray_type type;
	if (!typed_array_type(format, &type)) {
		napi_throw_type_error(env, nullptr, "the buffer value has no element format of a typed array");
		return nullptr;
	}
	const size_t length = metacall_value_size(value) / metacall_value_buffer_item_size(format);
	napi_value array = nullptr;
	if (napi_create_typedarray(env, type, length, buffer, 0, &array) != napi_ok ||
	    !set_shape(env, array, ndim, shape)) {
		bool pending = false;
		if (napi_is_exception_pending(env, &pending) != napi_ok || !pending)
			napi_throw_range_error(env, nullptr, "cannot make a typed array for the buffer value");
		return nullptr;
	}
	return array;
}

} // namespace

bool is_typed_buffer(void *value) {
	size_t ndim = 0;
	return metacall_value_buffer_layout(value, &ndim, nullptr) != 'B' || ndim != 1;
}

char typed_array_format(napi_typedarray_type type) {
	switch (type) {
	case napi_int8_array:
		return 'b';
	case napi_int16_array:
		return 'h';
	case napi_uint16_array:
		return 'H';
	case napi_int32_array:
		return 'i';
	case napi_uint32_array:
		return 'I';
	case napi_bigint64_array:
		return 'q';
	case napi_biguint64_array:
		return 'Q';
	case napi_float32_array:
		return 'f';
	case napi_float64_array:
		return 'd';
	default:
		return 0; // Uint8Array, Uint8ClampedArray (and Buffer): bytes
	}
}

void *with_typed_layout(napi_env env, napi_value js, napi_typedarray_type type, size_t length, void *value) {
	const char format = typed_array_format(type);
	size_t shape[METACALL_BUFFER_MAX_DIMENSIONS];
	size_t ndim = 1;
	std::string shape_text;
	if (!shape_from_js(env, js, length, shape_text, shape, &ndim)) {
		metacall_value_destroy(value);
		bool pending = false;
		if (napi_is_exception_pending(env, &pending) == napi_ok && pending) { // a getter threw
			napi_value error = nullptr;
			napi_get_and_clear_last_exception(env, &error);
		}
		return metacall_error_throw(
		    "TypeError", 0, nullptr,
		    "the typed array's shape [%s] is not an array of dimensions whose product "
		    "is its length %zu",
		    shape_text.c_str(), length);
	}
	if (metacall_value_buffer_set_layout(value, format, ndim, shape) == nullptr) {
		metacall_value_destroy(value);
		return metacall_error_throw("TypeError", 0, nullptr,
		                            "cannot give the typed array's layout to a buffer");
	}
	return value;
}

void *typed_buffer_from_js(napi_env env, napi_value js, napi_typedarray_type type, void *data, size_t length,
                           bool borrow) {
	const size_t size = length * metacall_value_buffer_item_size(typed_array_format(type));
	void *value = borrow ? metacall_value_create_buffer_borrowed(data, size, nullptr, nullptr)
	                     : metacall_value_create_buffer(data, size);
	return value != nullptr ? with_typed_layout(env, js, type, length, value) : nullptr;
}

napi_value typed_buffer_to_js(napi_env env, void *value) {
	const size_t size = metacall_value_size(value);
	void *bytes = nullptr;
	napi_value buffer = nullptr;
	if (napi_create_arraybuffer(env, size, &bytes, &buffer) != napi_ok)
		return nullptr;
	if (size > 0)
		std::memcpy(bytes, metacall_value_to_buffer(value), size);
	return typed_array_over(env, value, buffer);
}

napi_value typed_buffer_to_js_taken(napi_env env, void *value) {
	void *data = metacall_value_to_buffer(value);
	const size_t size = metacall_value_size(value);
	napi_value buffer = nullptr;
	if (data != nullptr && may_lend(size)) {
		if (napi_create_external_arraybuffer(env, data, size, destroy_value, value, &buffer) == napi_ok)
			return typed_array_over(env, value, buffer); // the ArrayBuffer owns `value` from here
		lent_bytes.fetch_sub(size, std::memory_order_relaxed);
		bool pending = false; // the engine refuses external memory: copy
		if (napi_is_exception_pending(env, &pending) == napi_ok && pending) {
			napi_value error = nullptr;
			napi_get_and_clear_last_exception(env, &error);
		}
	}
	napi_value copy = typed_buffer_to_js(env, value);
	metacall_value_destroy(value);
	return copy;
}

} // namespace node_loader
