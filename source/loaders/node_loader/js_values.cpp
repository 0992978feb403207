#include "js_values.h"
#include "js_string.h"

#include "js_calls.h"
#include "js_errors.h"
#include "js_numbers.h"
#include "js_object_proxy.h"
#include "js_objects.h"
#include "js_typed_arrays.h"
#include "js_wrapped.h"
#include "loader_state.h"

#include <metacall/metacall.h>
#include <metacall/metacall_buffer.h>
#include <metacall/metacall_error.h>
#include <metacall/metacall_loader.h>
#include <metacall/metacall_value.h>

#include "../../core/fast_tls.h" // header only, shared with the core
#include "../../core/utf8.h"

#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace node_loader {
namespace {

void *type_error(const char *message) {
	return metacall_error_throw("TypeError", 0, nullptr, "%s", message);
}

// Nesting of the conversion under way on this thread (Node's): a value nested deeper than
// METACALL_VALUE_MAX_DEPTH, or a cyclic one, is an error instead of a stack overflow.
METACALL_FAST_TLS thread_local int nesting = 0; // read per value

class Nested {
public:
	Nested() : ok_(++nesting <= METACALL_VALUE_MAX_DEPTH) {}
	~Nested() { --nesting; }
	Nested(const Nested &) = delete;
	Nested &operator=(const Nested &) = delete;
	explicit operator bool() const { return ok_; }

private:
	bool ok_;
};

constexpr const char *kTooDeep =
    "the value is nested more than %d levels deep (a value that contains itself?)";

void *too_deep() {
	return metacall_error_throw("RecursionError", 0, nullptr, kTooDeep, METACALL_VALUE_MAX_DEPTH);
}

napi_value throw_too_deep(napi_env env) {
	char message[128];
	std::snprintf(message, sizeof message, kTooDeep, METACALL_VALUE_MAX_DEPTH);
	napi_throw_range_error(env, "RecursionError", message);
	return nullptr;
}

// A conversion failed (too deep, too long, a symbol, a getter that threw): the whole value fails.
bool failed(void *value) {
	return metacall_value_id(value) == METACALL_THROWABLE;
}

// Destroys the elements converted so far, and hands back the failure.
void *give_up(std::vector<void *> &converted, void *failure) {
	for (void *item : converted)
		metacall_value_destroy(item);
	converted.clear();
	return failure;
}

// A string value as a JS string: the same code points, or a TypeError naming the first byte
// that is not UTF-8 (Node would put U+FFFD there without a word; Python raises the same way).
napi_value string_to_js(napi_env env, void *value) {
	const char *text = metacall_value_to_string(value);
	const size_t size = metacall_value_size(value) - 1;
	const std::string_view view(text, size);
	napi_value js = nullptr;
	if (metacall_utf8::ascii_prefix(view) == size) { // ASCII: Latin-1 too, and V8 decodes nothing
		napi_create_string_latin1(env, text, size, &js);
		return js;
	}
	const size_t bad = metacall_utf8::invalid_at(view);
	if (bad != size) {
		char message[128];
		std::snprintf(message, sizeof message, "the string is not valid UTF-8: byte %zu (0x%02x) of %zu", bad,
		              static_cast<unsigned char>(text[bad]), size);
		napi_throw_type_error(env, nullptr, message);
		return nullptr;
	}
	napi_create_string_utf8(env, text, size, &js);
	return js;
}

napi_value number_to_js(napi_env env, double number) {
	napi_value js = nullptr;
	napi_create_double(env, number, &js);
	return js;
}

napi_value array_to_js(LoaderState &state, void *value) {
	napi_env env = state.env();
	Nested level;
	if (!level)
		return throw_too_deep(env);
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
	Nested level;
	if (!level)
		return throw_too_deep(env);
	const size_t count = metacall_value_count(value);
	void **pairs = metacall_value_to_map(value);
	napi_value object = nullptr;
	if (napi_create_object(env, &object) != napi_ok)
		return nullptr;
	for (size_t i = 0; i < count; ++i) {
		// Every entry must be a [key, value] array, as the py and c loaders require.
		if (pairs[i] == nullptr || metacall_value_id(pairs[i]) != METACALL_ARRAY ||
		    metacall_value_count(pairs[i]) != 2) {
			char message[96];
			std::snprintf(message, sizeof message, "map entry %zu is not a [key, value] array", i);
			napi_throw_type_error(env, nullptr, message);
			return nullptr;
		}
		void **pair = metacall_value_to_array(pairs[i]);
		napi_value key = to_js(state, pair[0]);
		napi_value item = key != nullptr ? to_js(state, pair[1]) : nullptr;
		if (item == nullptr || napi_set_property(env, object, key, item) != napi_ok)
			return nullptr;
	}
	return object;
}

void *string_from_js(napi_env env, napi_value js) {
	// One pass into a buffer of the thread's that only grows (no allocation, no zeroing per string),
	// then the value's own copy. A UTF-16 unit is at most 3 UTF-8 bytes; huge strings are measured.
	thread_local std::vector<char> scratch;
	constexpr size_t kOnePassUnits = size_t{1} << 20;
	constexpr size_t kKeptScratch = size_t{64} << 10;
	size_t units = 0, length = 0;
	if (napi_get_value_string_utf16(env, js, nullptr, 0, &units) != napi_ok)
		return type_error("cannot read a JS string");
	size_t capacity = units * 3;
	if (units > kOnePassUnits && napi_get_value_string_utf8(env, js, nullptr, 0, &capacity) != napi_ok)
		return type_error("cannot read a JS string");
	if (scratch.size() < capacity + 1)
		scratch.resize(capacity + 1);
	if (napi_get_value_string_utf8(env, js, scratch.data(), capacity + 1, &length) != napi_ok)
		return type_error("cannot read a JS string");
	void *value = metacall_value_create_string(scratch.data(), length);
	if (scratch.size() > kKeptScratch) // a long string's buffer is not kept
		std::vector<char>().swap(scratch);
	return value;
}

// A BigInt: a Long when it fits in 64 bits, a big integer beyond (docs/NUMBERS.md).
void *bigint_from_js(napi_env env, napi_value js) {
	int64_t number = 0;
	bool lossless = false;
	napi_get_value_bigint_int64(env, js, &number, &lossless);
	if (lossless)
		return metacall_value_create_long(static_cast<long>(number));
	size_t count = 0;
	int sign = 0;
	if (napi_get_value_bigint_words(env, js, nullptr, &count, nullptr) != napi_ok)
		return type_error("cannot read a JS BigInt");
	std::vector<uint64_t> words(count);
	napi_get_value_bigint_words(env, js, &sign, &count, words.data());
	return metacall_value_create_bigint(sign, words.data(), count);
}

napi_value bigint_to_js(napi_env env, void *value) {
	int negative = 0;
	size_t count = 0;
	const uint64_t *words = metacall_value_to_bigint(value, &negative, &count);
	static const uint64_t kZero = 0;
	napi_value js = nullptr;
	napi_create_bigint_words(env, negative, count != 0 ? count : 1, count != 0 ? words : &kZero, &js);
	return js;
}

// A number's value, by the loader's rule (docs/NUMBERS.md): 3 is a long, 3.5 a double.
void *number_value(double number, NumberRule rule) {
	if (crosses_as_integer(number, rule))
		return metacall_value_create_long(static_cast<long>(number));
	return metacall_value_create_double(number);
}

// From this many elements on, an array's numbers cross in one call (below, one napi call each).
constexpr uint32_t kNumbersAtOnce = 8;

void *array_from_js(LoaderState &state, napi_value js) {
	napi_env env = state.env();
	Nested level;
	if (!level)
		return too_deep();
	uint32_t count = 0;
	napi_get_array_length(env, js, &count);
	// The length is the script's to set: [].length = 2 ** 32 - 1 asks for billions of elements.
	if (count > METACALL_VALUE_MAX_ELEMENTS)
		return metacall_error_throw("RangeError", 0, nullptr,
		                            "a JS array of %u elements is longer than the %d a value may hold", count,
		                            METACALL_VALUE_MAX_ELEMENTS);
	std::vector<void *> items;
	items.reserve(count);
	uint32_t i = 0;
	// Numbers first, all at once (bootstrap.js numbersOf): most arrays that cross hold numbers.
	if (count >= kNumbersAtOnce) {
		napi_value numbers = nullptr;
		void *data = nullptr;
		size_t length = 0;
		napi_typedarray_type type;
		if (!state.call(state.helper("numbersOf"), 1, &js, &numbers))
			return give_up(items, throwable_from_pending(state)); // a getter threw
		if (napi_get_typedarray_info(env, numbers, &type, &length, &data, nullptr, nullptr) == napi_ok &&
		    type == napi_float64_array)
			for (; i < length && i < count; ++i)
				items.push_back(number_value(static_cast<const double *>(data)[i], state.number_rule()));
	}
	for (; i < count; ++i) {
		napi_value item = nullptr;
		if (napi_get_element(env, js, i, &item) != napi_ok)
			return give_up(items, throwable_from_pending(state)); // a getter threw
		void *converted = from_js(state, item);
		if (failed(converted))
			return give_up(items, converted);
		items.push_back(converted);
	}
	return metacall_value_create_array(const_cast<const void **>(items.data()), count); // takes the items
}

// Adds the pair [key, item converted] to `pairs` (a map value's), taking `key` (a converted key,
// or a throwable). nullptr, or the throwable of the key or the item (the pair is not added).
void *add_pair(LoaderState &state, std::vector<void *> &pairs, void *key, napi_value item) {
	if (failed(key))
		return key;
	void *converted = from_js(state, item);
	if (failed(converted)) {
		metacall_value_destroy(key);
		return converted;
	}
	const void *pair[2] = {key, converted};
	pairs.push_back(metacall_value_create_array(pair, 2)); // takes the key and the item
	return nullptr;
}

// Own enumerable string keys, as Object.keys gives them.
void *object_from_js(LoaderState &state, napi_value js) {
	napi_env env = state.env();
	Nested level;
	if (!level)
		return too_deep();
	napi_value keys = nullptr;
	if (napi_get_all_property_names(env, js, napi_key_own_only,
	                                static_cast<napi_key_filter>(napi_key_enumerable | napi_key_skip_symbols),
	                                napi_key_numbers_to_strings, &keys) != napi_ok)
		return throwable_from_pending(state);
	uint32_t count = 0;
	napi_get_array_length(env, keys, &count);
	if (count > METACALL_VALUE_MAX_ELEMENTS)
		return metacall_error_throw("RangeError", 0, nullptr,
		                            "a JS object of %u properties has more than the %d a value may hold",
		                            count, METACALL_VALUE_MAX_ELEMENTS);
	std::vector<void *> pairs;
	pairs.reserve(count);
	for (uint32_t i = 0; i < count; ++i) {
		napi_value key = nullptr, item = nullptr;
		napi_get_element(env, keys, i, &key);
		if (napi_get_property(env, js, key, &item) != napi_ok)
			return give_up(pairs, throwable_from_pending(state)); // a getter threw
		if (void *failure = add_pair(state, pairs, string_from_js(env, key), item))
			return give_up(pairs, failure);
	}
	return metacall_value_create_map(const_cast<const void **>(pairs.data()),
	                                 pairs.size()); // takes the pairs
}

// A Map whose prototype is Map.prototype: a map value of its entries, in their order, keys of any
// type converted as values are (a copy; a call from Python asked for a view gets one instead).
void *map_from_js(LoaderState &state, napi_value js) {
	napi_env env = state.env();
	Nested level;
	if (!level)
		return too_deep();
	napi_value flat = nullptr; // [key, value, key, value, ...]
	if (!state.call(state.helper("mapEntries"), 1, &js, &flat))
		return throwable_from_pending(state);
	uint32_t count = 0;
	napi_get_array_length(env, flat, &count);
	if (count / 2 > METACALL_VALUE_MAX_ELEMENTS)
		return metacall_error_throw("RangeError", 0, nullptr,
		                            "a JS Map of %u entries has more than the %d a value may hold", count / 2,
		                            METACALL_VALUE_MAX_ELEMENTS);
	std::vector<void *> pairs;
	pairs.reserve(count / 2);
	for (uint32_t i = 0; i + 1 < count; i += 2) {
		napi_value key = nullptr, item = nullptr;
		napi_get_element(env, flat, i, &key);
		napi_get_element(env, flat, i + 1, &item);
		if (void *failure = add_pair(state, pairs, from_js(state, key), item))
			return give_up(pairs, failure);
	}
	return metacall_value_create_map(const_cast<const void **>(pairs.data()),
	                                 pairs.size()); // takes the pairs
}

// Whether `prototype` is Map.prototype: `js` is a plain Map, not an instance of a subclass.
bool is_plain_map(LoaderState &state, napi_value prototype) {
	bool plain = false;
	return napi_strict_equals(state.env(), prototype, state.environment().map_prototype(), &plain) ==
	           napi_ok &&
	       plain;
}

size_t element_size(napi_typedarray_type type) {
	switch (type) {
	case napi_int8_array:
	case napi_uint8_array:
	case napi_uint8_clamped_array:
		return 1;
	case napi_int16_array:
	case napi_uint16_array:
		return 2;
	case napi_int32_array:
	case napi_uint32_array:
	case napi_float32_array:
		return 4;
	case napi_float64_array:
	case napi_bigint64_array:
	case napi_biguint64_array:
		return 8;
	}
	return 1;
}

bool is_bytes(napi_env env, napi_value js) {
	bool is = false;
	return (napi_is_typedarray(env, js, &is) == napi_ok && is) ||
	       (napi_is_dataview(env, js, &is) == napi_ok && is) ||
	       (napi_is_arraybuffer(env, js, &is) == napi_ok && is);
}

// Buffer, TypedArray, DataView or ArrayBuffer: their bytes, or nullptr when `js` is none of them.
// A typed array of numbers is a typed buffer (js_typed_arrays.h), borrowing its bytes when `borrow`.
void *bytes_from_js(napi_env env, napi_value js, bool borrow) {
	bool is = false;
	void *data = nullptr;
	size_t size = 0;
	if (napi_is_typedarray(env, js, &is) == napi_ok && is) { // Buffers are Uint8Arrays
		napi_typedarray_type type;
		size_t length = 0, offset = 0;
		napi_value buffer = nullptr;
		if (napi_get_typedarray_info(env, js, &type, &length, &data, &buffer, &offset) != napi_ok)
			return nullptr;
		if (typed_array_format(type) != 0)
			return typed_buffer_from_js(env, js, type, data, length, borrow);
		// From the engine's own type, never from a property (BYTES_PER_ELEMENT) a script can set.
		size = length * element_size(type);
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

void *object_value_from_js(LoaderState &state, napi_value js, bool borrow) {
	napi_env env = state.env();
	bool is = false;
	if (napi_is_array(env, js, &is) == napi_ok && is)
		return array_from_js(state, js);
	if (void *bytes = bytes_from_js(env, js, borrow))
		return bytes;
	if (napi_is_promise(env, js, &is) == napi_ok && is)
		return future_from_js(state, js);
	if (napi_is_error(env, js, &is) == napi_ok && is)
		return exception_from_js(state, js);
	napi_value prototype = nullptr;
	const Prototype kind = prototype_of(state, js, &prototype);
	if (kind == Prototype::failed)
		return throwable_from_pending(state);
	if (kind == Prototype::object) // the usual plain object: data
		return object_from_js(state, js);
	if (void *wrapped = wrapped_value_from_js(env, js)) // a proxy for another owner's object
		return wrapped;
	if (kind == Prototype::other && is_plain_map(state, prototype))
		return map_from_js(state, js);
	return kind == Prototype::other ? js_object_value(state, js, METACALL_OBJECT, prototype)
	                                : object_from_js(state, js);
}

// A function value, or for a class a class value, or the value a function made for one stands for.
void *callable_from_js(LoaderState &state, napi_value fn) {
	if (void *wrapped = wrapped_value_from_js(state.env(), fn))
		return wrapped;
	if (is_js_class(state, fn))
		return js_object_value(state, fn, METACALL_CLASS, nullptr);
	return function_from_js(state, fn);
}

// This loader's class or object: the same JS object; another owner's: a proxy.
napi_value class_or_object_to_js(LoaderState &state, void *value) {
	napi_value js = nullptr;
	return own_object_to_js(state, value, &js) ? js : foreign_to_js(state, value);
}

} // namespace

// A view of the bytes of a Buffer, typed array, DataView or ArrayBuffer: a buffer value that
// borrows them where they live, holding them (V8's backing store, so that even a detached or
// collected buffer's bytes stay) until the value goes. nullptr, for a copy instead, when Node is
// the process's own (no embedder: no V8 API of a particular Node is used there).
static void *bytes_view_from_js(LoaderState &state, napi_value js) {
	const node_loader_embedder *embedder = state.embedder();
	if (embedder == nullptr || embedder->hold_bytes == nullptr)
		return nullptr;
	void *data = nullptr;
	size_t size = 0;
	void *hold = embedder->hold_bytes(js, &data, &size);
	if (hold == nullptr)
		return nullptr;
	void *value = metacall_value_create_buffer_borrowed(data, size, embedder->release_bytes, hold);
	if (value == nullptr) {
		embedder->release_bytes(nullptr, hold);
		return nullptr;
	}
	napi_env env = state.env();
	bool is = false;
	napi_typedarray_type type;
	size_t length = 0;
	if (napi_is_typedarray(env, js, &is) == napi_ok && is &&
	    napi_get_typedarray_info(env, js, &type, &length, nullptr, nullptr, nullptr) == napi_ok &&
	    typed_array_format(type) != 0)
		return with_typed_layout(env, js, type, length, value);
	return value;
}

// What view_from_js needs to know of `js`: which of the plain kinds it is (see plain_kind in
// embedder_entry.h), or none. One call into the embedder when there is one.
enum class Plain { none, object, array, map, bytes };

static Plain plain_kind(LoaderState &state, napi_value js) {
	const node_loader_embedder *embedder = state.embedder();
	if (embedder != nullptr && embedder->plain_kind != nullptr && state.session() != nullptr)
		return static_cast<Plain>(embedder->plain_kind(state.session(), js));
	napi_env env = state.env();
	napi_valuetype type = napi_undefined;
	if (napi_typeof(env, js, &type) != napi_ok || type != napi_object)
		return Plain::none;
	napi_value prototype = nullptr;
	bool is = false;
	if (napi_is_array(env, js, &is) == napi_ok && is) {
		bool plain = false;
		return napi_get_prototype(env, js, &prototype) == napi_ok &&
		               napi_strict_equals(env, prototype, state.environment().array_prototype(), &plain) ==
		                   napi_ok &&
		               plain
		           ? Plain::array
		           : Plain::none;
	}
	if (is_bytes(env, js))
		return Plain::bytes;
	if ((napi_is_promise(env, js, &is) == napi_ok && is) || (napi_is_error(env, js, &is) == napi_ok && is))
		return Plain::none;
	switch (prototype_of(state, js, &prototype)) {
	case Prototype::object:
		return Plain::object;
	case Prototype::other:
		return is_plain_map(state, prototype) ? Plain::map : Plain::none;
	default:
		return Plain::none;
	}
}

void *view_from_js(LoaderState &state, napi_value js) {
	switch (plain_kind(state, js)) {
	case Plain::array: // not an instance of a subclass of Array: that one is copied, as without views
		return js_object_value_named(state, js, METACALL_OBJECT, "Array");
	case Plain::object:
		return wrapped_in(state.env(), js) != nullptr
		           ? nullptr
		           : js_object_value_named(state, js, METACALL_OBJECT, "Object");
	case Plain::map:
		return js_object_value_named(state, js, METACALL_OBJECT, "Map");
	case Plain::bytes:
		return bytes_view_from_js(state, js);
	case Plain::none:
		break;
	}
	return nullptr;
}

// Both directions recurse through these; the public entry points below catch what C++ throws.
static napi_value convert_to_js(LoaderState &state, void *value) {
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
		return string_to_js(env, value);
	case METACALL_BIGINT:
		return bigint_to_js(env, value);
	case METACALL_BUFFER:
		if (is_typed_buffer(value))
			return typed_buffer_to_js(env, value);
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
	case METACALL_CLASS:
	case METACALL_OBJECT:
		return class_or_object_to_js(state, value);
	case METACALL_EXCEPTION:
	case METACALL_THROWABLE:
		return error_to_js(state, value);
	default:
		napi_get_null(env, &js);
		return js;
	}
}

static void *convert_from_js(LoaderState &state, napi_value js, bool borrow) {
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
		return number_value(number, state.number_rule()); // 3 is a long in C: docs/NUMBERS.md
	}
	case napi_bigint:
		return bigint_from_js(env, js);
	case napi_string:
		return string_from_js(env, js);
	case napi_object:
		return object_value_from_js(state, js, borrow);
	case napi_function:
		return callable_from_js(state, js);
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

// No allocation failure or other C++ exception crosses into Node or the host: the conversion
// fails with an error instead.
napi_value to_js(LoaderState &state, void *value) {
	try {
		return convert_to_js(state, value);
	} catch (const std::exception &error) {
		const std::string message = std::string("cannot convert the value: ") + error.what();
		napi_throw_range_error(state.env(), nullptr, message.c_str());
		return nullptr;
	}
}

void *from_js(LoaderState &state, napi_value js) {
	try {
		return convert_from_js(state, js, false);
	} catch (const std::exception &error) {
		return metacall_error_throw("RangeError", 0, nullptr, "cannot convert the JS value: %s",
		                            error.what());
	}
}

void *argument_from_js(LoaderState &state, napi_value js) {
	try {
		return convert_from_js(state, js, true);
	} catch (const std::exception &error) {
		return metacall_error_throw("RangeError", 0, nullptr, "cannot convert the JS value: %s",
		                            error.what());
	}
}

bool crosses_by_reference(LoaderState &state, napi_value js) {
	napi_env env = state.env();
	napi_valuetype type = napi_undefined;
	napi_typeof(env, js, &type);
	if (type != napi_object && type != napi_function)
		return false;
	if (WrappedValue *wrapped = wrapped_in(env, js)) {
		const auto id = metacall_value_id(wrapped->value);
		return id == METACALL_CLASS || id == METACALL_OBJECT;
	}
	if (type == napi_function)
		return is_js_class(state, js);
	bool is = false;
	if ((napi_is_array(env, js, &is) == napi_ok && is) || is_bytes(env, js) ||
	    (napi_is_promise(env, js, &is) == napi_ok && is) || (napi_is_error(env, js, &is) == napi_ok && is))
		return false;
	napi_value prototype = nullptr;
	return prototype_of(state, js, &prototype) == Prototype::other;
}

} // namespace node_loader
