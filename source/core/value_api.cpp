// The C value API: create, read, assign, inspect, copy and destroy (casts are in value_cast.cpp).
#include "error.h"
#include "function.h"
#include "future.h"
#include "object.h"
#include "value.h"

#include <cfloat>
#include <cmath>
#include <cstring>

using namespace metacall_core;

namespace {

const char *const kIdNames[METACALL_SIZE] = {
    "Boolean", "Char",    "Short",  "Integer",  "Long", "Float", "Double", "String",    "Buffer",    "Array",
    "Map",     "Pointer", "Future", "Function", "Null", "Class", "Object", "Exception", "Throwable",
};

// Reads the scalar of a value of type `id`, or returns 0 after recording why not.
template <typename T, typename Get>
T read(void *v, ValueId id, const char *api, Get get) {
	Value *value = Value::from(v, id, api);
	return value != nullptr ? get(value) : T{};
}

// Reads a number of type `id`; another number is read when it is exactly representable as `id`
// (an integer as a double, a whole double or a wider integer that fits as an integer): a JS
// integer arrives as a Long (docs/NUMBERS.md) where MetaCall hosts read a Double.
template <typename T, typename Get>
T read_number(void *v, ValueId id, const char *api, Get get) {
	auto *value = static_cast<Value *>(v);
	if (value != nullptr && value->magic == Value::kMagic && value->id == id)
		return get(value);
	Value converted;
	if (value != nullptr && value->magic == Value::kMagic && number_as(value, id, converted))
		return get(&converted);
	Value::from(v, id, api); // records why not
	return T{};
}

// Assigns through `set` when `v` is a value of type `id`.
template <typename Set>
void *assign(void *v, ValueId id, const char *api, Set set) {
	Value *value = Value::from(v, id, api);
	if (value == nullptr)
		return nullptr;
	set(value);
	return value;
}

// Assigns a number of type `id` (`set` stores it in a scalar of that type). A value of another
// number type (not a boolean) keeps its type and gets the number converted when it is exactly
// representable there, as number_as decides: MetaCall writes the bytes into the value whatever its
// type, and hosts rely on it to reuse a Long with metacall_value_from_int. A number that does not
// fit is a RangeError, not the mixed bytes MetaCall would leave.
template <typename Set>
void *assign_number(void *v, ValueId id, const char *api, Set set) {
	auto *value = static_cast<Value *>(v);
	if (value == nullptr || value->magic != Value::kMagic || value->id == id || !is_number(value->id) ||
	    value->id == METACALL_BOOL)
		return assign(v, id, api, set);
	Value given;
	given.id = id;
	set(&given);
	// Beyond a float's range: rounding would be undefined behaviour, not infinity.
	const bool beyond_float = value->id == METACALL_FLOAT && id == METACALL_DOUBLE &&
	                          std::isfinite(given.scalar.d) && std::fabs(given.scalar.d) > FLT_MAX;
	Value converted;
	if (beyond_float || !number_as(&given, value->id, converted)) {
		set_errorf("RangeError", "%s: the number does not fit in the value's type (%s)", api,
		           metacall_value_id_name(value->id));
		return nullptr;
	}
	value->scalar = converted.scalar;
	return value;
}

std::shared_ptr<Function> function_ref(void *f, const char *api) {
	Function *function = Function::from(f, api);
	return function != nullptr ? function->shared_from_this() : nullptr;
}

std::shared_ptr<Future> future_ref(void *f, const char *api) {
	Future *future = Future::from(f, api);
	return future != nullptr ? future->shared_from_this() : nullptr;
}

// The object `o` shared, or nullptr after an error. An object whose last value is being destroyed
// on another thread (its owner is releasing it) can no longer be shared: loaders that look their
// objects up by identity then make a new one.
std::shared_ptr<Object> object_ref(void *o, ValueId kind, const char *api) {
	Object *object = Object::from(o, kind, api);
	if (object == nullptr)
		return nullptr;
	std::shared_ptr<Object> shared = object->weak_from_this().lock();
	if (shared == nullptr)
		set_errorf("ReferenceError", "%s: the %s is being released", api,
		           kind == METACALL_CLASS ? "class" : "object");
	return shared;
}

ExceptionData exception_data(void *ex) {
	ExceptionData data;
	if (const auto *in = static_cast<const metacall_exception_type *>(ex)) {
		data.message = in->message != nullptr ? in->message : "";
		data.label = in->label != nullptr ? in->label : "";
		data.stacktrace = in->stacktrace != nullptr ? in->stacktrace : "";
		data.code = in->code;
	}
	return data;
}

} // namespace

extern "C" {

/* ---- Create ---- */

void *metacall_value_create_bool(boolean b) {
	Value *value = Value::create(METACALL_BOOL);
	value->scalar.b = b != 0 ? 1 : 0;
	return value;
}

void *metacall_value_create_char(char c) {
	Value *value = Value::create(METACALL_CHAR);
	value->scalar.c = c;
	return value;
}

void *metacall_value_create_short(short s) {
	Value *value = Value::create(METACALL_SHORT);
	value->scalar.s = s;
	return value;
}

void *metacall_value_create_int(int i) {
	Value *value = Value::create(METACALL_INT);
	value->scalar.i = i;
	return value;
}

void *metacall_value_create_long(long l) {
	Value *value = Value::create(METACALL_LONG);
	value->scalar.l = l;
	return value;
}

void *metacall_value_create_float(float f) {
	Value *value = Value::create(METACALL_FLOAT);
	value->scalar.f = f;
	return value;
}

void *metacall_value_create_double(double d) {
	Value *value = Value::create(METACALL_DOUBLE);
	value->scalar.d = d;
	return value;
}

void *metacall_value_create_string(const char *str, size_t length) {
	if (str == nullptr && length != 0) {
		set_error("TypeError", "metacall_value_create_string: the string is NULL but its length is not 0");
		return nullptr;
	}
	return Value::create_bytes(METACALL_STRING, str != nullptr ? str : "", length);
}

void *metacall_value_create_buffer(const void *buffer, size_t size) {
	return Value::create_bytes(METACALL_BUFFER, static_cast<const char *>(buffer), size);
}

void *metacall_value_create_array(const void *values[], size_t size) {
	return Value::create_slots(METACALL_ARRAY, values, size);
}

void *metacall_value_create_map(const void *tuples[], size_t size) {
	return Value::create_slots(METACALL_MAP, tuples, size);
}

void *metacall_value_create_ptr(const void *ptr) {
	Value *value = Value::create(METACALL_PTR);
	value->scalar.p = ptr;
	return value;
}

void *metacall_value_create_future(void *f) {
	auto future = future_ref(f, "metacall_value_create_future");
	return future != nullptr ? Value::create_future(std::move(future)) : nullptr;
}

void *metacall_value_create_function(void *f) {
	auto function = function_ref(f, "metacall_value_create_function");
	return function != nullptr ? Value::create_function(std::move(function)) : nullptr;
}

void *metacall_value_create_class(void *c) {
	auto object = object_ref(c, METACALL_CLASS, "metacall_value_create_class");
	return object != nullptr ? Value::create_object(METACALL_CLASS, std::move(object)) : nullptr;
}

void *metacall_value_create_object(void *o) {
	auto object = object_ref(o, METACALL_OBJECT, "metacall_value_create_object");
	return object != nullptr ? Value::create_object(METACALL_OBJECT, std::move(object)) : nullptr;
}

void *metacall_value_create_function_closure(void *f, void *c) {
	auto function = function_ref(f, "metacall_value_create_function_closure");
	return function != nullptr ? Value::create_function(Function::bind(std::move(function), c)) : nullptr;
}

void *metacall_value_create_null(void) {
	return Value::create(METACALL_NULL);
}

void *metacall_value_create_exception(void *ex) {
	return Value::create_exception(exception_data(ex));
}

void *metacall_value_create_throwable(void *th) {
	if (th != nullptr && Value::from(th, "metacall_value_create_throwable") == nullptr)
		return nullptr;
	return Value::create_throwable(th);
}

/* ---- Inspect ---- */

size_t metacall_value_size(void *v) {
	Value *value = Value::from(v, "metacall_value_size");
	if (value == nullptr)
		return 0;
	switch (value->id) {
	case METACALL_BOOL:
		return sizeof(boolean);
	case METACALL_CHAR:
		return sizeof(char);
	case METACALL_SHORT:
		return sizeof(short);
	case METACALL_INT:
		return sizeof(int);
	case METACALL_LONG:
		return sizeof(long);
	case METACALL_FLOAT:
		return sizeof(float);
	case METACALL_DOUBLE:
		return sizeof(double);
	case METACALL_STRING:
		return value->bytes().size() + 1;
	case METACALL_BUFFER:
		return buffer_size(value);
	case METACALL_BIGINT:
		return value->bytes().size();
	case METACALL_ARRAY:
	case METACALL_MAP:
		return value->slots().size() * sizeof(void *);
	case METACALL_NULL:
		return 0;
	default:
		return sizeof(void *);
	}
}

size_t metacall_value_count(void *v) {
	Value *value = Value::from(v, "metacall_value_count");
	if (value == nullptr)
		return 0;
	switch (value->id) {
	case METACALL_STRING:
		return value->bytes().size() + 1;
	case METACALL_BUFFER:
		return buffer_size(value);
	case METACALL_BIGINT:
		return value->bytes().size() / sizeof(std::uint64_t);
	case METACALL_ARRAY:
	case METACALL_MAP:
		return value->slots().size();
	default:
		return 1;
	}
}

enum metacall_value_id metacall_value_id(void *v) {
	Value *value = Value::from(v, "metacall_value_id");
	return value != nullptr ? value->id : METACALL_INVALID;
}

const char *metacall_value_id_name(enum metacall_value_id id) {
	if (id == METACALL_BIGINT)
		return "BigInt";
	return id >= 0 && id < METACALL_SIZE ? kIdNames[id] : "Invalid";
}

const char *metacall_value_type_name(void *v) {
	return metacall_value_id_name(metacall_value_id(v));
}

/* ---- Copy, destroy ---- */

void *metacall_value_copy(void *v) {
	Value *value = Value::from(v, "metacall_value_copy");
	return value != nullptr ? value->copy() : nullptr;
}

void metacall_value_destroy(void *v) {
	destroy_value(v);
}

/* ---- Read ---- */

boolean metacall_value_to_bool(void *v) {
	return read<boolean>(v, METACALL_BOOL, "metacall_value_to_bool", [](Value *x) { return x->scalar.b; });
}
char metacall_value_to_char(void *v) {
	return read_number<char>(v, METACALL_CHAR, "metacall_value_to_char",
	                         [](Value *x) { return x->scalar.c; });
}
short metacall_value_to_short(void *v) {
	return read_number<short>(v, METACALL_SHORT, "metacall_value_to_short",
	                          [](Value *x) { return x->scalar.s; });
}
int metacall_value_to_int(void *v) {
	return read_number<int>(v, METACALL_INT, "metacall_value_to_int", [](Value *x) { return x->scalar.i; });
}
long metacall_value_to_long(void *v) {
	return read_number<long>(v, METACALL_LONG, "metacall_value_to_long",
	                         [](Value *x) { return x->scalar.l; });
}
float metacall_value_to_float(void *v) {
	return read_number<float>(v, METACALL_FLOAT, "metacall_value_to_float",
	                          [](Value *x) { return x->scalar.f; });
}
double metacall_value_to_double(void *v) {
	return read_number<double>(v, METACALL_DOUBLE, "metacall_value_to_double",
	                           [](Value *x) { return x->scalar.d; });
}
char *metacall_value_to_string(void *v) {
	return read<char *>(v, METACALL_STRING, "metacall_value_to_string",
	                    [](Value *x) { return x->bytes().data(); });
}
void *metacall_value_to_buffer(void *v) {
	return read<void *>(v, METACALL_BUFFER, "metacall_value_to_buffer",
	                    [](Value *x) -> void * { return buffer_data(x); });
}
void **metacall_value_to_array(void *v) {
	return read<void **>(v, METACALL_ARRAY, "metacall_value_to_array",
	                     [](Value *x) { return x->slots().data(); });
}
void **metacall_value_to_map(void *v) {
	return read<void **>(v, METACALL_MAP, "metacall_value_to_map",
	                     [](Value *x) { return x->slots().data(); });
}
void *metacall_value_to_ptr(void *v) {
	return read<void *>(v, METACALL_PTR, "metacall_value_to_ptr",
	                    [](Value *x) { return const_cast<void *>(x->scalar.p); });
}
void *metacall_value_to_future(void *v) {
	return read<void *>(v, METACALL_FUTURE, "metacall_value_to_future",
	                    [](Value *x) -> void * { return x->future().get(); });
}
void *metacall_value_to_function(void *v) {
	return read<void *>(v, METACALL_FUNCTION, "metacall_value_to_function",
	                    [](Value *x) -> void * { return x->function().get(); });
}
void *metacall_value_to_class(void *v) {
	return read<void *>(v, METACALL_CLASS, "metacall_value_to_class",
	                    [](Value *x) -> void * { return x->object().get(); });
}
void *metacall_value_to_object(void *v) {
	return read<void *>(v, METACALL_OBJECT, "metacall_value_to_object",
	                    [](Value *x) -> void * { return x->object().get(); });
}
void *metacall_value_to_null(void *v) {
	Value::from(v, METACALL_NULL, "metacall_value_to_null");
	return nullptr;
}
void *metacall_value_to_exception(void *v) {
	return read<void *>(v, METACALL_EXCEPTION, "metacall_value_to_exception",
	                    [](Value *x) -> void * { return x->exception_view(); });
}
void *metacall_value_to_throwable(void *v) {
	return read<void *>(v, METACALL_THROWABLE, "metacall_value_to_throwable",
	                    [](Value *x) -> void * { return x->thrown(); });
}

/* ---- Assign ---- */

void *metacall_value_from_bool(void *v, boolean b) {
	return assign(v, METACALL_BOOL, "metacall_value_from_bool",
	              [b](Value *x) { x->scalar.b = b != 0 ? 1 : 0; });
}
void *metacall_value_from_char(void *v, char c) {
	return assign_number(v, METACALL_CHAR, "metacall_value_from_char", [c](Value *x) { x->scalar.c = c; });
}
void *metacall_value_from_short(void *v, short s) {
	return assign_number(v, METACALL_SHORT, "metacall_value_from_short", [s](Value *x) { x->scalar.s = s; });
}
void *metacall_value_from_int(void *v, int i) {
	return assign_number(v, METACALL_INT, "metacall_value_from_int", [i](Value *x) { x->scalar.i = i; });
}
void *metacall_value_from_long(void *v, long l) {
	return assign_number(v, METACALL_LONG, "metacall_value_from_long", [l](Value *x) { x->scalar.l = l; });
}
void *metacall_value_from_float(void *v, float f) {
	return assign_number(v, METACALL_FLOAT, "metacall_value_from_float", [f](Value *x) { x->scalar.f = f; });
}
void *metacall_value_from_double(void *v, double d) {
	return assign_number(v, METACALL_DOUBLE, "metacall_value_from_double",
	                     [d](Value *x) { x->scalar.d = d; });
}
void *metacall_value_from_string(void *v, const char *str, size_t length) {
	if (str == nullptr && length != 0) {
		set_error("TypeError", "metacall_value_from_string: the string is NULL but its length is not 0");
		return nullptr;
	}
	return assign(v, METACALL_STRING, "metacall_value_from_string",
	              [&](Value *x) { x->bytes().assign(str != nullptr ? str : "", length); });
}
void *metacall_value_from_buffer(void *v, const void *buffer, size_t size) {
	return assign(v, METACALL_BUFFER, "metacall_value_from_buffer", [&](Value *x) {
		if (!std::holds_alternative<std::string>(*x->payload)) // typed or borrowed: plain bytes from now
			x->emplace<std::string>();
		if (buffer != nullptr)
			x->bytes().assign(static_cast<const char *>(buffer), size);
		else
			x->bytes().assign(size, '\0');
	});
}
void *metacall_value_from_array(void *v, const void *values[], size_t size) {
	return assign(v, METACALL_ARRAY, "metacall_value_from_array",
	              [&](Value *x) { x->assign_slots(values, size); });
}
void *metacall_value_from_map(void *v, const void *tuples[], size_t size) {
	return assign(v, METACALL_MAP, "metacall_value_from_map",
	              [&](Value *x) { x->assign_slots(tuples, size); });
}
void *metacall_value_from_ptr(void *v, const void *ptr) {
	return assign(v, METACALL_PTR, "metacall_value_from_ptr", [ptr](Value *x) { x->scalar.p = ptr; });
}
void *metacall_value_from_future(void *v, void *f) {
	auto future = future_ref(f, "metacall_value_from_future");
	if (future == nullptr)
		return nullptr;
	return assign(v, METACALL_FUTURE, "metacall_value_from_future",
	              [&](Value *x) { x->emplace<std::shared_ptr<Future>>(std::move(future)); });
}
void *metacall_value_from_function(void *v, void *f) {
	auto function = function_ref(f, "metacall_value_from_function");
	if (function == nullptr)
		return nullptr;
	return assign(v, METACALL_FUNCTION, "metacall_value_from_function",
	              [&](Value *x) { x->emplace<std::shared_ptr<Function>>(std::move(function)); });
}
void *metacall_value_from_class(void *v, void *c) {
	auto object = object_ref(c, METACALL_CLASS, "metacall_value_from_class");
	if (object == nullptr)
		return nullptr;
	return assign(v, METACALL_CLASS, "metacall_value_from_class",
	              [&](Value *x) { x->emplace<std::shared_ptr<Object>>(std::move(object)); });
}
void *metacall_value_from_object(void *v, void *o) {
	auto object = object_ref(o, METACALL_OBJECT, "metacall_value_from_object");
	if (object == nullptr)
		return nullptr;
	return assign(v, METACALL_OBJECT, "metacall_value_from_object",
	              [&](Value *x) { x->emplace<std::shared_ptr<Object>>(std::move(object)); });
}
void *metacall_value_from_null(void *v) {
	return assign(v, METACALL_NULL, "metacall_value_from_null", [](Value *) {});
}
void *metacall_value_from_exception(void *v, void *ex) {
	return assign(v, METACALL_EXCEPTION, "metacall_value_from_exception",
	              [&](Value *x) { x->emplace<Exception>(exception_data(ex)); });
}
void *metacall_value_from_throwable(void *v, void *th) {
	if (th != nullptr && Value::from(th, "metacall_value_from_throwable") == nullptr)
		return nullptr;
	return assign(v, METACALL_THROWABLE, "metacall_value_from_throwable", [&](Value *x) {
		x->emplace<ValuePtr>(th != nullptr ? static_cast<Value *>(th) : Value::create(METACALL_NULL));
	});
}

} // extern "C"
