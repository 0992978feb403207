// Casts in place, references and the value of a throwable (include/metacall/metacall_value_extra.h).
#include "error.h"
#include "value.h"
#include "value_buffer.h"

#include <metacall/metacall.h>

#include <cstring>

using namespace metacall_core;

namespace {

// Converts *v to `id` in place, then reads it with `to`.
template <typename R>
R cast_in_place(void **v, ValueId id, R (*to)(void *)) {
	if (v == nullptr) {
		set_errorf("TypeError",
		           "metacall_value_cast_*: the pointer to the value is NULL (pass &value, cast to %s)",
		           metacall_value_id_name(id));
		return R{};
	}
	void *cast = metacall_value_cast(*v, id);
	if (cast == nullptr)
		return R{}; // metacall_value_cast said why
	*v = cast;
	return to(cast);
}

// A reference's PTR value carries the address of its referent's data in its scalar, as MetaCall's
// does, and a Mark in a payload of its bytes: the data of a string or an array does not lead back
// to its value. The address is kept too, to tell when C code has since pointed the PTR elsewhere.
struct Mark {
	Value *referent;
	const void *address;
};

void mark_referent(Value *reference, Value *referent) {
	const Mark mark{referent, reference->scalar.p};
	reference->emplace<std::string>(reinterpret_cast<const char *>(&mark), sizeof mark);
}

// The data `reference` points to when made for `value`.
const void *data_of(Value *value) {
	switch (value->id) {
	case METACALL_BOOL:
	case METACALL_CHAR:
	case METACALL_SHORT:
	case METACALL_INT:
	case METACALL_LONG:
	case METACALL_FLOAT:
	case METACALL_DOUBLE:
	case METACALL_PTR:
		return &value->scalar; // every member of the union starts there
	case METACALL_STRING:
	case METACALL_BIGINT:
		return value->bytes().data();
	case METACALL_BUFFER:
		return buffer_data(value);
	case METACALL_ARRAY:
	case METACALL_MAP:
		return value->slots().data();
	default:
		return value;
	}
}

} // namespace

extern "C" {

boolean metacall_value_cast_bool(void **v) {
	return cast_in_place(v, METACALL_BOOL, metacall_value_to_bool);
}
char metacall_value_cast_char(void **v) {
	return cast_in_place(v, METACALL_CHAR, metacall_value_to_char);
}
short metacall_value_cast_short(void **v) {
	return cast_in_place(v, METACALL_SHORT, metacall_value_to_short);
}
int metacall_value_cast_int(void **v) {
	return cast_in_place(v, METACALL_INT, metacall_value_to_int);
}
long metacall_value_cast_long(void **v) {
	return cast_in_place(v, METACALL_LONG, metacall_value_to_long);
}
float metacall_value_cast_float(void **v) {
	return cast_in_place(v, METACALL_FLOAT, metacall_value_to_float);
}
double metacall_value_cast_double(void **v) {
	return cast_in_place(v, METACALL_DOUBLE, metacall_value_to_double);
}
char *metacall_value_cast_string(void **v) {
	return cast_in_place(v, METACALL_STRING, metacall_value_to_string);
}
void *metacall_value_cast_buffer(void **v) {
	return cast_in_place(v, METACALL_BUFFER, metacall_value_to_buffer);
}
void **metacall_value_cast_array(void **v) {
	return cast_in_place(v, METACALL_ARRAY, metacall_value_to_array);
}
void *metacall_value_cast_map(void **v) {
	return cast_in_place(v, METACALL_MAP, metacall_value_to_map);
}
void *metacall_value_cast_ptr(void **v) {
	return cast_in_place(v, METACALL_PTR, metacall_value_to_ptr);
}
void *metacall_value_cast_future(void **v) {
	return cast_in_place(v, METACALL_FUTURE, metacall_value_to_future);
}
void *metacall_value_cast_function(void **v) {
	return cast_in_place(v, METACALL_FUNCTION, metacall_value_to_function);
}
void *metacall_value_cast_null(void **v) {
	return cast_in_place(v, METACALL_NULL, metacall_value_to_null);
}
void *metacall_value_cast_class(void **v) {
	return cast_in_place(v, METACALL_CLASS, metacall_value_to_class);
}
void *metacall_value_cast_object(void **v) {
	return cast_in_place(v, METACALL_OBJECT, metacall_value_to_object);
}
void *metacall_value_cast_exception(void **v) {
	return cast_in_place(v, METACALL_EXCEPTION, metacall_value_to_exception);
}
void *metacall_value_cast_throwable(void **v) {
	return cast_in_place(v, METACALL_THROWABLE, metacall_value_to_throwable);
}

void *metacall_value_reference(void *v) {
	Value *referent = Value::from(v, "metacall_value_reference");
	if (referent == nullptr)
		return nullptr;
	Value *reference = Value::create(METACALL_PTR);
	reference->scalar.p = data_of(referent);
	mark_referent(reference, referent);
	return reference;
}

void *metacall_value_dereference(void *v) {
	const char *api = "metacall_value_dereference";
	Value *reference = Value::from(v, METACALL_PTR, api);
	if (reference == nullptr)
		return nullptr;
	if (reference->payload != nullptr && std::holds_alternative<std::string>(*reference->payload) &&
	    reference->bytes().size() == sizeof(Mark)) {
		Mark mark{};
		std::memcpy(&mark, reference->bytes().data(), sizeof mark);
		if (reference->scalar.p == mark.address)
			return mark.referent;
		set_errorf("ValueError",
		           "%s: the reference no longer points into the value it was made from (its address was "
		           "changed from %p to %p)",
		           api, mark.address, reference->scalar.p);
		return nullptr;
	}
	// A pointer value made by metacall_value_create_ptr of a value.
	Value *target = Value::from(const_cast<void *>(reference->scalar.p), api);
	if (target == nullptr)
		set_errorf("ValueError",
		           "%s: the pointer value does not refer to a value (use metacall_value_reference)", api);
	return target;
}

void *metacall_throwable_value(void *th) {
	Value *value = Value::from(th, "metacall_throwable_value");
	if (value == nullptr)
		return nullptr;
	// MetaCall's hosts pass what metacall_value_to_throwable gave them, which here is already the
	// thrown value: that value is its own answer.
	return value->id == METACALL_THROWABLE ? value->thrown() : value;
}

} // extern "C"
