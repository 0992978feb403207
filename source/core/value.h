// The value model: one tagged datum behind every `void *` value of the C API.
#pragma once

#include <metacall/metacall_error.h>
#include <metacall/metacall_value.h>

#include "value_buffer.h"

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace metacall_core {

// The C enum's name is hidden in C++ by the function metacall_value_id().
using ValueId = enum metacall_value_id;

class Function;
class Future;
class Object;
struct Value;

struct ExceptionData {
	std::string message, label, stacktrace;
	std::int64_t code = 0;
};

// An exception, with the C view of it (pointers into the strings) that the API hands out.
struct Exception {
	explicit Exception(ExceptionData data);
	Exception(const Exception &other) : Exception(other.data) {}
	Exception &operator=(const Exception &) = delete;
	ExceptionData data;
	metacall_exception_type view; // points into `data`
};

struct ValueDeleter {
	void operator()(Value *value) const;
};
using ValuePtr = std::unique_ptr<Value, ValueDeleter>;

// Elements of arrays and maps are owned `Value *` kept as `void *`, because the C API exposes
// the slots themselves (metacall_value_to_array) for hosts to read and fill.
using Slots = std::vector<void *>;

// What does not fit in a scalar. Kept behind a pointer so that scalar values, the common case of
// every call, are small and cost one allocation.
using Payload = std::variant<std::string, Slots, std::shared_ptr<Function>, std::shared_ptr<Future>,
                             Exception, ValuePtr, std::shared_ptr<Object>, TypedBytes>;

struct Value {
	static constexpr std::uint32_t kMagic = 0x4d435631; // "MCV1": tells values from other pointers

	std::uint32_t magic = kMagic;
	ValueId id = METACALL_NULL;
	union {
		unsigned char b;
		char c;
		short s;
		int i;
		long l;
		float f;
		double d;
		const void *p;
	} scalar{};
	// string/buffer bytes | array/map slots | function | future | exception | thrown value |
	// class or object | typed or borrowed buffer bytes (value_buffer.h)
	std::unique_ptr<Payload> payload;

	Value() = default;
	Value(const Value &) = delete;
	Value &operator=(const Value &) = delete;
	~Value();

	// The value behind `v`, or nullptr after recording an error that names `api`.
	static Value *from(void *v, const char *api) {
		auto *value = static_cast<Value *>(v);
		return value != nullptr && value->magic == kMagic ? value : invalid(v, api);
	}
	// As from(), and the value must have type `id`.
	static Value *from(void *v, ValueId id, const char *api) {
		auto *value = static_cast<Value *>(v);
		return value != nullptr && value->magic == kMagic && value->id == id ? value : mismatch(v, id, api);
	}

	// Record why `v` is not a value (of type `id`); return nullptr. Off the fast path.
	[[gnu::cold, gnu::noinline]] static Value *invalid(void *v, const char *api);
	[[gnu::cold, gnu::noinline]] static Value *mismatch(void *v, ValueId id, const char *api);
	static Value *create(ValueId id);
	static Value *create_bytes(ValueId id, const char *bytes, std::size_t size);
	static Value *create_slots(ValueId id, const void *const items[], std::size_t size);
	static Value *create_function(std::shared_ptr<Function> function);
	static Value *create_future(std::shared_ptr<Future> future);
	// A class or object value (`id` METACALL_CLASS or METACALL_OBJECT).
	static Value *create_object(ValueId id, std::shared_ptr<Object> object);
	static Value *create_exception(ExceptionData data);
	static Value *create_throwable(void *thrown);

	// Replaces the payload (the old one, with any elements it owns, is released).
	template <typename T, typename... Args>
	T &emplace(Args &&...args) {
		release_payload();
		payload = std::make_unique<Payload>(std::in_place_type<T>, std::forward<Args>(args)...);
		return std::get<T>(*payload);
	}
	void release_payload();

	std::string &bytes() { return std::get<std::string>(*payload); }
	Slots &slots() { return std::get<Slots>(*payload); }
	const std::shared_ptr<Function> &function() { return std::get<std::shared_ptr<Function>>(*payload); }
	const std::shared_ptr<Future> &future() { return std::get<std::shared_ptr<Future>>(*payload); }
	const std::shared_ptr<Object> &object() { return std::get<std::shared_ptr<Object>>(*payload); }
	metacall_exception_type *exception_view() { return &std::get<Exception>(*payload).view; }
	Value *thrown() { return std::get<ValuePtr>(*payload).get(); }

	// A deep copy; functions, futures, classes and objects are shared. nullptr (with a RecursionError) for a
	// value nested more than METACALL_VALUE_MAX_DEPTH levels below `depth`.
	Value *copy(int depth = 0) const;
	// Replaces the slots with `items` (taking them), destroying old elements not among them.
	void assign_slots(const void *const items[], std::size_t size);
};

// Destroys a value given as `void *` (nullptr ignored).
void destroy_value(void *v);

inline bool is_number(ValueId id) {
	return id >= METACALL_BOOL && id <= METACALL_DOUBLE;
}
inline bool is_floating(ValueId id) {
	return id == METACALL_FLOAT || id == METACALL_DOUBLE;
}

// The number `value` holds (any integer or floating type, a big integer; not a boolean) stored in
// `out` as type `id` when it is exactly representable there (rounded for float and double; whole
// numbers only for the integer types); false when not. value_cast.cpp.
bool number_as(Value *value, ValueId id, Value &out);

} // namespace metacall_core
