#include "from_python.h"

#include "dict_proxies.h"

#include "async_loop.h"
#include "exceptions.h"
#include "foreign_object.h"
#include "function_object.h"
#include "future_object.h"
#include "loader_state.h"
#include "nesting.h"
#include "py_ref.h"
#include "python_objects.h"
#include "signature.h"
#include "to_python.h"
#include "typed_buffers.h"

#include <metacall/metacall.h>

#include <cstdint>
#include <vector>

namespace py_loader {
namespace {

// Values made so far for a container; destroyed unless handed over.
class Elements {
public:
	~Elements() {
		for (const void *value : values_)
			metacall_value_destroy(const_cast<void *>(value));
	}
	void push(void *value) { values_.push_back(value); }
	// The container takes the elements.
	const void **hand_over() { return values_.data(); }
	void handed_over() { values_.clear(); }
	std::size_t size() const { return values_.size(); }

private:
	std::vector<const void *> values_;
};

// Beyond 64 bits: a big integer, its magnitude as little-endian words (docs/NUMBERS.md).
[[gnu::noinline]] void *bigint_of(PyObject *object) {
	PyRef magnitude = PyRef::steal(PyNumber_Absolute(object));
	if (!magnitude)
		return nullptr;
	const std::size_t bits = _PyLong_NumBits(magnitude.get());
	std::vector<std::uint64_t> words((bits + 63) / 64);
	// CPython's own exact conversion (exported by 3.11, which this loader is built against);
	// words are little-endian on every platform this loader supports.
	if (_PyLong_AsByteArray(reinterpret_cast<PyLongObject *>(magnitude.get()),
	                        reinterpret_cast<unsigned char *>(words.data()),
	                        words.size() * sizeof(std::uint64_t), 1, 0) < 0)
		return nullptr;
	const int negative = PyObject_RichCompareBool(object, magnitude.get(), Py_NE);
	return metacall_value_create_bigint(negative, words.data(), words.size());
}

void *long_of(PyObject *object) {
	int overflow = 0;
	const long number = PyLong_AsLongAndOverflow(object, &overflow);
	if (overflow != 0)
		return bigint_of(object);
	if (number == -1 && PyErr_Occurred())
		return nullptr;
	return metacall_value_create_long(number);
}

void *string_of(PyObject *object) {
	Py_ssize_t size = 0;
	const char *bytes = PyUnicode_AsUTF8AndSize(object, &size);
	return bytes != nullptr ? metacall_value_create_string(bytes, static_cast<std::size_t>(size)) : nullptr;
}

void *buffer_of(PyObject *object) {
	// Bound for JS, which copies them into a Buffer, big bytes are not copied first: the value
	// borrows them (immutable, held until it goes). Small ones cost less to copy than to hold.
	constexpr Py_ssize_t kBorrowFrom = 16 * 1024;
	if (PyBytes_CheckExact(object) && ForJs::on() && PyBytes_GET_SIZE(object) >= kBorrowFrom)
		return borrowed_bytes(object);
	if (PyBytes_Check(object))
		return metacall_value_create_buffer(PyBytes_AS_STRING(object), PyBytes_GET_SIZE(object));
	return buffer_value_of(object); // typed (NumPy arrays) or plain bytes: typed_buffers.h
}

void *array_of(PyObject *object, LoaderState &state) {
	Nesting nesting;
	if (!nesting)
		return nullptr;
	PyRef sequence = PyRef::steal(PySequence_Fast(object, "not a sequence"));
	if (!sequence)
		return nullptr;
	Elements elements;
	for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(sequence.get()); ++i) {
		void *item = from_python(PySequence_Fast_GET_ITEM(sequence.get(), i), state);
		if (item == nullptr)
			return nullptr;
		elements.push(item);
	}
	void *array = metacall_value_create_array(elements.hand_over(), elements.size());
	if (array != nullptr)
		elements.handed_over();
	return array;
}

// A dict key as a map key: always a string, as MetaCall's hosts read every key
// (metacall_value_to_string). Other keys are named as Python's json module names them: an int or a
// float by its text (3244 -> "3244", 1.5 -> "1.5"), True, False and None as "true", "false" and
// "null"; any other key (a tuple, an object) is a TypeError naming its type.
void *map_key(PyObject *key, LoaderState &state) {
	if (PyUnicode_Check(key))
		return from_python(key, state);
	PyRef text;
	if (key == Py_True || key == Py_False || key == Py_None)
		text = PyRef::steal(PyUnicode_FromString(key == Py_True    ? "true"
		                                         : key == Py_False ? "false"
		                                                           : "null"));
	else if (PyLong_Check(key)) // an IntEnum member is named by its number, as json does
		text = PyRef::steal(PyLong_Type.tp_repr(key));
	else if (PyFloat_Check(key))
		text = PyRef::steal(PyFloat_Type.tp_repr(key));
	if (!text) {
		if (!PyErr_Occurred())
			PyErr_Format(PyExc_TypeError,
			             "a dict key of type %s cannot cross: map keys are strings (int, float, bool and "
			             "None keys cross as their text, as in JSON)",
			             Py_TYPE(key)->tp_name);
		return nullptr;
	}
	return from_python(text.get(), state);
}

void *map_of(PyObject *object, LoaderState &state) {
	Nesting nesting;
	if (!nesting)
		return nullptr;
	Elements entries;
	PyObject *key = nullptr, *item = nullptr;
	Py_ssize_t position = 0;
	while (PyDict_Next(object, &position, &key, &item)) {
		PyRef held_key = PyRef::borrow(key),
		      held_item = PyRef::borrow(item); // conversions may run Python code
		Elements pair;
		void *converted_key = map_key(held_key.get(), state);
		if (converted_key == nullptr)
			return nullptr;
		pair.push(converted_key);
		void *converted_item = from_python(held_item.get(), state);
		if (converted_item == nullptr)
			return nullptr;
		pair.push(converted_item);
		void *tuple = metacall_value_create_array(pair.hand_over(), 2);
		if (tuple == nullptr)
			return nullptr;
		pair.handed_over();
		entries.push(tuple);
	}
	void *map = metacall_value_create_map(entries.hand_over(), entries.size());
	if (map != nullptr)
		entries.handed_over();
	return map;
}

// The coroutine runs on the loader's event loop; the future settles when it finishes.
void *future_of(PyObject *coroutine, LoaderState &state) {
	void *future = metacall_future_create();
	void *pending = future != nullptr ? metacall_value_copy(future) : nullptr;
	if (pending == nullptr) {
		metacall_value_destroy(future);
		return raise_last_error();
	}
	state.async_loop().submit(coroutine, pending);
	return future;
}

std::string name_of(PyObject *callable) {
	for (const char *attribute : {"__qualname__", "__name__"}) {
		PyRef name = PyRef::steal(PyObject_GetAttrString(callable, attribute));
		const char *text = name && PyUnicode_Check(name.get()) ? PyUnicode_AsUTF8(name.get()) : nullptr;
		if (text != nullptr)
			return text;
		PyErr_Clear();
	}
	return "";
}

void *unsupported(PyObject *object) {
	PyErr_Format(
	    PyExc_TypeError,
	    "cannot convert a Python '%s' to a metacall value (supported: bool, int, float, str, bytes-like, "
	    "list, tuple, dict, None, callables, coroutines, exceptions, classes defined in Python and their "
	    "instances)",
	    Py_TYPE(object)->tp_name);
	return nullptr;
}

// Everything but exact ints, floats and None: kept out of line so that the call path's
// from_python stays small.
[[gnu::noinline]] void *other_from_python(PyObject *object, LoaderState &state) {
	if (PyUnicode_CheckExact(object))
		return string_of(object);
	if (PyBool_Check(object)) // before int: bool is a subclass of int
		return metacall_value_create_bool(object == Py_True ? 1 : 0);
	if (PyLong_Check(object))
		return long_of(object);
	if (PyFloat_Check(object))
		return metacall_value_create_double(PyFloat_AsDouble(object));
	if (PyUnicode_Check(object))
		return string_of(object);
	if (PyList_Check(object) || PyTuple_Check(object))
		return array_of(object, state);
	if (PyDict_Check(object)) {
		if (ForJs::on())
			if (void *proxy = dict_proxy_value(object, state); proxy != nullptr || PyErr_Occurred())
				return proxy;
		return map_of(object, state);
	}
	if (PyObject_CheckBuffer(object))
		return buffer_of(object);
	if (PyCapsule_IsValid(object, kPointerCapsule))
		return metacall_value_create_ptr(PyCapsule_GetPointer(object, kPointerCapsule));
	if (void *function = function_value_of(object))
		return metacall_value_copy(function);
	if (PyExceptionInstance_Check(object))
		return exception_value(object);
	if (PyCoro_CheckExact(object))
		return future_of(object, state);
	if (void *future = future_value_of(object))
		return future;
	if (void *foreign = foreign_value_of(object)) { // a proxy goes back as the value it stands for
		void *copy = metacall_value_copy(foreign);
		return copy != nullptr ? copy : raise_last_error();
	}
	// Classes Python code defined, and their instances (also callable ones: objects, not functions).
	if (PyType_Check(object) && is_python_class(reinterpret_cast<PyTypeObject *>(object)))
		return python_object_value(object, METACALL_CLASS, state);
	if (is_python_class(Py_TYPE(object)))
		return python_object_value(object, METACALL_OBJECT, state);
	if (PyCallable_Check(object))
		return function_value(object, name_of(object), state);
	return unsupported(object);
}

} // namespace

void *from_python(PyObject *object, LoaderState &state) {
	// The common results by exact type, inline; the rest out of line.
	if (PyLong_CheckExact(object))
		return long_of(object);
	if (PyFloat_CheckExact(object))
		return metacall_value_create_double(PyFloat_AS_DOUBLE(object));
	if (object == Py_None)
		return metacall_value_create_null();
	return other_from_python(object, state);
}

void *function_value(PyObject *callable, const std::string &name, LoaderState &state) {
	const Signature signature = signature_of(callable, name);
	FunctionRef *ref = state.functions().add(callable);
	std::vector<const char *> names;
	const metacall_loader_function description = describe(signature, ref, names);
	void *value = metacall_loader_function_value(state.tag().c_str(), &description);
	if (value == nullptr) {
		state.functions().release(ref);
		return raise_last_error();
	}
	return value;
}

} // namespace py_loader
