#include "to_python.h"

#include "buffer_loans.h"
#include "exceptions.h"
#include "foreign_object.h"
#include "function_object.h"
#include "future_object.h"
#include "nesting.h"
#include "py_ref.h"
#include "python_objects.h"
#include "typed_buffers.h"

#include <metacall/metacall.h>
#include <metacall/metacall_buffer.h>
#include <metacall/metacall_loader.h>

#include <cstdint>

namespace py_loader {
namespace {

PyObject *list_of(void *value, BufferLoans *loans) {
	Nesting nesting;
	if (!nesting)
		return nullptr;
	const std::size_t count = metacall_value_count(value);
	void **items = metacall_value_to_array(value);
	PyRef list = PyRef::steal(PyList_New(static_cast<Py_ssize_t>(count)));
	if (!list)
		return nullptr;
	for (std::size_t i = 0; i < count; ++i) {
		PyObject *item = to_python(items[i], loans);
		if (item == nullptr)
			return nullptr;
		PyList_SET_ITEM(list.get(), static_cast<Py_ssize_t>(i), item); // steals
	}
	return list.release();
}

PyObject *dict_of(void *value, BufferLoans *loans) {
	Nesting nesting;
	if (!nesting)
		return nullptr;
	const std::size_t count = metacall_value_count(value);
	void **entries = metacall_value_to_map(value);
	PyRef dict = PyRef::steal(PyDict_New());
	if (!dict)
		return nullptr;
	for (std::size_t i = 0; i < count; ++i) {
		void **pair = entries[i] != nullptr && metacall_value_id(entries[i]) == METACALL_ARRAY &&
		                      metacall_value_count(entries[i]) == 2
		                  ? metacall_value_to_array(entries[i])
		                  : nullptr;
		if (pair == nullptr) {
			PyErr_Format(PyExc_TypeError, "map entry %zu is not a [key, value] array", i);
			return nullptr;
		}
		PyRef key = PyRef::steal(to_python(pair[0], loans));
		PyRef item = PyRef::steal(key ? to_python(pair[1], loans) : nullptr);
		if (!item || PyDict_SetItem(dict.get(), key.get(), item.get()) != 0)
			return nullptr;
	}
	return dict.release();
}

PyObject *bytes_of(void *value, BufferLoans *loans) {
	if (is_typed_buffer(value)) // a typed array: a memoryview NumPy wraps with its dtype and shape
		return loans != nullptr ? loans->lend_typed(value) : owning_typed_view(metacall_value_copy(value));
	void *data = metacall_value_to_buffer(value);
	const std::size_t size = metacall_value_size(value);
	if (loans != nullptr)
		return loans->lend(data, size);
	return PyBytes_FromStringAndSize(static_cast<const char *>(data), static_cast<Py_ssize_t>(size));
}

PyObject *bigint_of(void *value) {
	int negative = 0;
	std::size_t count = 0;
	const std::uint64_t *words = metacall_value_to_bigint(value, &negative, &count);
	PyRef magnitude = PyRef::steal(_PyLong_FromByteArray(reinterpret_cast<const unsigned char *>(words),
	                                                     count * sizeof(std::uint64_t), 1, 0));
	if (!magnitude || !negative)
		return magnitude.release();
	return PyNumber_Negative(magnitude.get());
}

PyObject *pointer_of(void *value) {
	void *address = metacall_value_to_ptr(value);
	if (address == nullptr)
		Py_RETURN_NONE;
	return PyCapsule_New(address, kPointerCapsule, nullptr);
}

// A class or object of this loader is the very Python object it was made for; others get a proxy.
// `adopt`: `value` is the caller's to give (a result): the proxy takes it, or it goes here.
PyObject *class_or_object(void *value, bool adopt = false) {
	PyObject *own = python_object_of(value);
	if (own == nullptr && !PyErr_Occurred())
		return new_foreign_object(value, adopt);
	PyObject *object = own != nullptr ? Py_NewRef(own) : nullptr;
	if (adopt)
		metacall_value_destroy(value);
	return object;
}

PyObject *unsupported(void *value) {
	PyErr_Format(PyExc_TypeError, "a metacall %s cannot be passed to Python",
	             metacall_value_type_name(value));
	return nullptr;
}

// Everything but the scalars: kept out of line so that the call path's to_python stays small.
[[gnu::noinline]] PyObject *compound_to_python(void *value, enum metacall_value_id id, BufferLoans *loans) {
	switch (id) {
	case METACALL_STRING:
		return PyUnicode_DecodeUTF8(metacall_value_to_string(value),
		                            static_cast<Py_ssize_t>(metacall_value_size(value) - 1), nullptr);
	case METACALL_BUFFER:
		return bytes_of(value, loans);
	case METACALL_BIGINT:
		return bigint_of(value);
	case METACALL_ARRAY:
		return list_of(value, loans);
	case METACALL_MAP:
		return dict_of(value, loans);
	case METACALL_PTR:
		return pointer_of(value);
	case METACALL_FUNCTION:
		return new_function_object(value);
	case METACALL_EXCEPTION:
	case METACALL_THROWABLE:
		return exception_object(value);
	case METACALL_FUTURE:
		return new_future_object(value);
	case METACALL_CLASS:
	case METACALL_OBJECT:
		return class_or_object(value);
	default:
		return unsupported(value);
	}
}

} // namespace

PyObject *to_python(void *value, BufferLoans *loans) {
	if (value == nullptr)
		Py_RETURN_NONE;
	enum metacall_value_id id;
	const void *scalar = metacall_value_scalar(value, &id); // one call: the type and the number
	switch (id) {
	case METACALL_LONG:
		return PyLong_FromLong(*static_cast<const long *>(scalar));
	case METACALL_DOUBLE:
		return PyFloat_FromDouble(*static_cast<const double *>(scalar));
	case METACALL_INT:
		return PyLong_FromLong(*static_cast<const int *>(scalar));
	case METACALL_BOOL:
		return PyBool_FromLong(*static_cast<const boolean *>(scalar));
	case METACALL_CHAR:
		return PyLong_FromLong(*static_cast<const char *>(scalar));
	case METACALL_SHORT:
		return PyLong_FromLong(*static_cast<const short *>(scalar));
	case METACALL_FLOAT:
		return PyFloat_FromDouble(*static_cast<const float *>(scalar));
	case METACALL_NULL:
		Py_RETURN_NONE;
	default:
		return compound_to_python(value, id, loans);
	}
}

PyObject *result_to_python(void *result) {
	if (result == nullptr)
		return raise_last_error();
	const enum metacall_value_id id = metacall_value_id(result);
	if (id == METACALL_BUFFER && metacall_value_buffer_is_borrowed(result) == 1)
		return owning_view(result);
	if (id == METACALL_OBJECT || id == METACALL_CLASS)
		return class_or_object(result, true); // no copy of the value for the proxy
	PyObject *object = id == METACALL_THROWABLE ? raise_from_value(result) : to_python(result, nullptr);
	metacall_value_destroy(result);
	return object;
}

} // namespace py_loader
