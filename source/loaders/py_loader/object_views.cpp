#include "object_views.h"

#include "call_values.h"
#include "exceptions.h"
#include "foreign_object.h"
#include "from_python.h"
#include "gil.h"
#include "loader_state.h"
#include "py_ref.h"
#include "to_python.h"

#include <metacall/metacall.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <string>

namespace py_loader {
namespace {

PyTypeObject *array_type = nullptr; // made once per process, never freed
PyTypeObject *mapping_type = nullptr;
PyTypeObject *map_type = nullptr;

bool is_view(PyObject *object) {
	return Py_IS_TYPE(object, array_type) || Py_IS_TYPE(object, mapping_type) || Py_IS_TYPE(object, map_type);
}

void *object_of(PyObject *self) {
	return metacall_value_to_object(reinterpret_cast<ForeignObject *>(self)->value);
}

// The Python object for a read's result (taken). The attribute is not there (the core's
// AttributeError): `missing` is raised with `key` instead.
PyObject *read_result(void *result, PyObject *missing, PyObject *key) {
	PyObject *object = result_to_python(result); // nullptr: the runtime stopped, ...
	if (object == nullptr && PyErr_ExceptionMatches(PyExc_AttributeError)) {
		PyErr_Clear();
		PyErr_SetObject(missing, key);
	}
	return object;
}

// self[key] in JS: a view when it is an array or plain object.
PyObject *read(PyObject *self, const char *key, PyObject *missing, PyObject *key_object) {
	void *result = nullptr;
	{
		GilReleased released; // the owner may run on its own thread and call back into Python
		WantViews views;
		result = metacall_object_get(object_of(self), key);
	}
	return read_result(result, missing, key_object);
}

// The eager copy: valueOf() is the object itself in JS, and a result asked for without views is
// copied (deep) into an array or map value.
PyObject *eager_copy(PyObject *self) {
	void *result = nullptr;
	{
		GilReleased released;
		result = metacallv_object(object_of(self), "valueOf", nullptr, 0);
	}
	PyObject *object = result_to_python(result);
	// A JS array becomes a list, a plain object and a Map a dict.
	const bool expected =
	    object == nullptr || (Py_IS_TYPE(self, array_type) ? PyList_Check(object) : PyDict_Check(object));
	if (!expected) {
		Py_DECREF(object);
		PyErr_Format(PyExc_TypeError, "cannot copy this %s: its valueOf() does not return it",
		             Py_TYPE(self)->tp_name);
		return nullptr;
	}
	return object;
}

// The whole number the JS value's property `name` holds (an array's length, a Map's size).
Py_ssize_t count_of(PyObject *self, const char *name) {
	void *result = nullptr;
	{
		GilReleased released;
		result = metacall_object_get(object_of(self), name);
	}
	if (result == nullptr) {
		raise_last_error();
		return -1;
	}
	const Py_ssize_t count = metacall_value_id(result) == METACALL_LONG
	                             ? static_cast<Py_ssize_t>(metacall_value_to_long(result))
	                         : metacall_value_id(result) == METACALL_INT ? metacall_value_to_int(result)
	                                                                     : -1;
	metacall_value_destroy(result);
	if (count < 0)
		PyErr_Format(PyExc_TypeError, "the JS value's %s is no whole number", name);
	return count;
}

// ---- ArrayView ----

Py_ssize_t array_length(PyObject *self) {
	return count_of(self, "length");
}

PyObject *array_item(PyObject *self, Py_ssize_t index) {
	const Py_ssize_t length = array_length(self);
	if (length < 0)
		return nullptr;
	if (index < 0)
		index += length;
	if (index < 0 || index >= length) {
		PyErr_SetString(PyExc_IndexError, "metacall.ArrayView index out of range");
		return nullptr;
	}
	const std::string key = std::to_string(index);
	PyRef key_object = PyRef::steal(PyLong_FromSsize_t(index));
	return read(self, key.c_str(), PyExc_IndexError, key_object.get());
}

PyObject *array_subscript(PyObject *self, PyObject *key) {
	if (PySlice_Check(key)) {
		PyRef copy = PyRef::steal(eager_copy(self));
		return copy ? PyObject_GetItem(copy.get(), key) : nullptr;
	}
	const Py_ssize_t index = PyNumber_AsSsize_t(key, PyExc_IndexError);
	if (index == -1 && PyErr_Occurred())
		return nullptr;
	if (index < 0) { // from the end: array_item adds the length once
		const Py_ssize_t length = array_length(self);
		if (length < 0)
			return nullptr;
		if (index + length < 0) {
			PyErr_SetString(PyExc_IndexError, "metacall.ArrayView index out of range");
			return nullptr;
		}
		return array_item(self, index + length);
	}
	return array_item(self, index);
}

// ---- ObjectView ----

PyObject *keys_list(PyObject *self) {
	void *keys = nullptr;
	{
		GilReleased released;
		keys = metacall_object_keys(object_of(self));
	}
	if (keys == nullptr)
		return raise_last_error();
	PyObject *list = to_python(keys, nullptr);
	metacall_value_destroy(keys);
	return list;
}

Py_ssize_t mapping_length(PyObject *self) {
	PyRef keys = PyRef::steal(keys_list(self));
	return keys ? PyList_GET_SIZE(keys.get()) : -1;
}

PyObject *mapping_subscript(PyObject *self, PyObject *key) {
	const char *name = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : nullptr;
	if (name == nullptr) {
		if (!PyErr_Occurred())
			PyErr_SetObject(PyExc_KeyError, key); // JS keys are strings
		return nullptr;
	}
	return read(self, name, PyExc_KeyError, key);
}

int mapping_assign(PyObject *self, PyObject *key, PyObject *value) {
	if (value == nullptr) {
		PyErr_SetString(PyExc_TypeError, "metacall.ObjectView cannot delete keys");
		return -1;
	}
	if (!PyUnicode_Check(key)) {
		PyErr_SetString(PyExc_TypeError, "metacall.ObjectView keys are str");
		return -1;
	}
	return PyObject_SetAttr(self, key, value); // metacall.Object's: metacall_object_set
}

int mapping_contains(PyObject *self, PyObject *key) {
	PyRef keys = PyRef::steal(keys_list(self));
	return keys ? PySequence_Contains(keys.get(), key) : -1;
}

// ---- MapView ----

// self.method(key[, value]) in JS, the key and value from Python: its result (a view when it is one).
PyObject *map_call(PyObject *self, const char *method, PyObject *key, PyObject *value) {
	LoaderState *state = LoaderState::current();
	if (state == nullptr) {
		PyErr_SetString(PyExc_RuntimeError, "metacall.MapView used after the py loader was destroyed");
		return nullptr;
	}
	CallValues args;
	for (PyObject *arg : {key, value}) {
		if (arg == nullptr)
			break;
		void *converted = from_python(arg, *state);
		if (converted == nullptr)
			return nullptr;
		args.push(converted);
	}
	void *result = nullptr;
	{
		GilReleased released;
		WantViews views;
		result = metacallv_object(object_of(self), method, args.data(), args.size());
	}
	return result_to_python(result);
}

// m.get(key), told from a missing key by m.has(key) only when it is undefined (or null).
PyObject *map_subscript(PyObject *self, PyObject *key) {
	PyRef found = PyRef::steal(map_call(self, "get", key, nullptr));
	if (!found || found.get() != Py_None)
		return found.release();
	PyRef has = PyRef::steal(map_call(self, "has", key, nullptr));
	if (!has)
		return nullptr;
	if (PyObject_IsTrue(has.get()) == 1)
		return found.release();
	PyErr_SetObject(PyExc_KeyError, key);
	return nullptr;
}

int map_assign(PyObject *self, PyObject *key, PyObject *value) {
	PyRef done = PyRef::steal(map_call(self, value != nullptr ? "set" : "delete", key, value));
	if (!done)
		return -1;
	if (value == nullptr && PyObject_IsTrue(done.get()) != 1) {
		PyErr_SetObject(PyExc_KeyError, key);
		return -1;
	}
	return 0;
}

int map_contains(PyObject *self, PyObject *key) {
	PyRef has = PyRef::steal(map_call(self, "has", key, nullptr));
	return has ? PyObject_IsTrue(has.get()) : -1;
}

// The keys, of a copy (in the Map's order).
PyObject *map_keys(PyObject *self) {
	PyRef copy = PyRef::steal(eager_copy(self));
	return copy ? PyDict_Keys(copy.get()) : nullptr;
}

// ---- all three ----

PyObject *iterate(PyObject *self) {
	PyRef all = PyRef::steal(Py_IS_TYPE(self, array_type) ? eager_copy(self)
	                         : Py_IS_TYPE(self, map_type) ? map_keys(self)
	                                                      : keys_list(self));
	return all ? PyObject_GetIter(all.get()) : nullptr;
}

PyObject *compare(PyObject *self, PyObject *other, int op) {
	if (op != Py_EQ && op != Py_NE)
		Py_RETURN_NOTIMPLEMENTED;
	PyRef mine = PyRef::steal(eager_copy(self));
	if (!mine)
		return nullptr;
	PyRef theirs = PyRef::borrow(other);
	if (is_view(other))
		theirs = PyRef::steal(eager_copy(other));
	else if (Py_IS_TYPE(self, array_type) && PyTuple_Check(other))
		theirs = PyRef::steal(PySequence_List(other));
	return theirs ? PyObject_RichCompare(mine.get(), theirs.get(), op) : nullptr;
}

PyObject *repr(PyObject *self) {
	PyRef copy = PyRef::steal(eager_copy(self));
	if (!copy) {
		PyErr_Clear();
		return PyUnicode_FromFormat("<%s (unreadable)>", Py_TYPE(self)->tp_name);
	}
	return PyUnicode_FromFormat("%s(%R)", Py_TYPE(self)->tp_name, copy.get());
}

template <typename Body, typename Result>
Result guarded(Body body, Result failure) {
	try {
		return body();
	} catch (const std::bad_alloc &) {
		PyErr_NoMemory();
	} catch (const std::exception &error) {
		PyErr_SetString(PyExc_RuntimeError, error.what());
	}
	return failure;
}

// The slots, each guarded: CPython calls them, nothing may unwind through its frames.
Py_ssize_t length_slot(PyObject *self) {
	return guarded(
	    [&] {
		    return Py_IS_TYPE(self, array_type) ? array_length(self)
		           : Py_IS_TYPE(self, map_type) ? count_of(self, "size")
		                                        : mapping_length(self);
	    },
	    static_cast<Py_ssize_t>(-1));
}
PyObject *item_slot(PyObject *self, Py_ssize_t index) {
	return guarded([&] { return array_item(self, index); }, static_cast<PyObject *>(nullptr));
}
PyObject *subscript_slot(PyObject *self, PyObject *key) {
	return guarded(
	    [&] {
		    return Py_IS_TYPE(self, array_type) ? array_subscript(self, key)
		           : Py_IS_TYPE(self, map_type) ? map_subscript(self, key)
		                                        : mapping_subscript(self, key);
	    },
	    static_cast<PyObject *>(nullptr));
}
int assign_slot(PyObject *self, PyObject *key, PyObject *value) {
	return guarded(
	    [&] {
		    return Py_IS_TYPE(self, map_type) ? map_assign(self, key, value)
		                                      : mapping_assign(self, key, value);
	    },
	    -1);
}
int contains_slot(PyObject *self, PyObject *key) {
	return guarded(
	    [&] { return Py_IS_TYPE(self, map_type) ? map_contains(self, key) : mapping_contains(self, key); },
	    -1);
}
PyObject *iter_slot(PyObject *self) {
	return guarded([&] { return iterate(self); }, static_cast<PyObject *>(nullptr));
}
PyObject *compare_slot(PyObject *self, PyObject *other, int op) {
	return guarded([&] { return compare(self, other, op); }, static_cast<PyObject *>(nullptr));
}
PyObject *repr_slot(PyObject *self) {
	return guarded([&] { return repr(self); }, static_cast<PyObject *>(nullptr));
}
PyObject *copy_method(PyObject *self, PyObject *) {
	return guarded([&] { return eager_copy(self); }, static_cast<PyObject *>(nullptr));
}
PyObject *keys_method(PyObject *self, PyObject *) {
	return guarded([&] { return Py_IS_TYPE(self, map_type) ? map_keys(self) : keys_list(self); },
	               static_cast<PyObject *>(nullptr));
}
// values() and items(): from one copy.
PyObject *values_method(PyObject *self, PyObject *) {
	PyRef copy = PyRef::steal(copy_method(self, nullptr));
	return copy ? PyDict_Values(copy.get()) : nullptr;
}
PyObject *items_method(PyObject *self, PyObject *) {
	PyRef copy = PyRef::steal(copy_method(self, nullptr));
	return copy ? PyDict_Items(copy.get()) : nullptr;
}
PyObject *get_method(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	if (nargs < 1 || nargs > 2) {
		PyErr_SetString(PyExc_TypeError, "get(key, default=None)");
		return nullptr;
	}
	PyObject *found = subscript_slot(self, args[0]);
	if (found != nullptr || !PyErr_ExceptionMatches(PyExc_KeyError))
		return found;
	PyErr_Clear();
	return Py_NewRef(nargs == 2 ? args[1] : Py_None);
}

// The view's own methods (copy, keys, ...) first; every other name is the JS object's (a
// metacall.Object's attribute: arr.push, obj.name).
PyObject *getattro_slot(PyObject *self, PyObject *name) {
	if (_PyType_Lookup(Py_TYPE(self), name) != nullptr)
		return PyObject_GenericGetAttr(self, name);
	return foreign_object_type()->tp_getattro(self, name);
}

PyMethodDef array_methods[] = {
    {"copy", copy_method, METH_NOARGS, "A list of the elements now (deep: nested views copied too)."},
    {nullptr, nullptr, 0, nullptr},
};

PyMethodDef mapping_methods[] = {
    {"copy", copy_method, METH_NOARGS, "A dict of the entries now (deep: nested views copied too)."},
    {"keys", keys_method, METH_NOARGS, "The keys (a list)."},
    {"values", values_method, METH_NOARGS, "The values, of a copy."},
    {"items", items_method, METH_NOARGS, "The (key, value) pairs, of a copy."},
    {"get", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(get_method)), METH_FASTCALL,
     "get(key, default=None)"},
    {nullptr, nullptr, 0, nullptr},
};

PyType_Slot array_slots[] = {
    {Py_tp_getattro, reinterpret_cast<void *>(getattro_slot)},
    {Py_sq_length, reinterpret_cast<void *>(length_slot)},
    {Py_sq_item, reinterpret_cast<void *>(item_slot)},
    {Py_mp_length, reinterpret_cast<void *>(length_slot)},
    {Py_mp_subscript, reinterpret_cast<void *>(subscript_slot)},
    {Py_tp_iter, reinterpret_cast<void *>(iter_slot)},
    {Py_tp_richcompare, reinterpret_cast<void *>(compare_slot)},
    {Py_tp_hash, reinterpret_cast<void *>(PyObject_HashNotImplemented)},
    {Py_tp_repr, reinterpret_cast<void *>(repr_slot)},
    {Py_tp_methods, array_methods},
    {Py_tp_doc, const_cast<char *>("A JS array, read where it lives (a sequence).")},
    {0, nullptr},
};

PyType_Slot mapping_slots[] = {
    {Py_tp_getattro, reinterpret_cast<void *>(getattro_slot)},
    {Py_mp_length, reinterpret_cast<void *>(length_slot)},
    {Py_mp_subscript, reinterpret_cast<void *>(subscript_slot)},
    {Py_mp_ass_subscript, reinterpret_cast<void *>(assign_slot)},
    {Py_sq_contains, reinterpret_cast<void *>(contains_slot)},
    {Py_tp_iter, reinterpret_cast<void *>(iter_slot)},
    {Py_tp_richcompare, reinterpret_cast<void *>(compare_slot)},
    {Py_tp_hash, reinterpret_cast<void *>(PyObject_HashNotImplemented)},
    {Py_tp_repr, reinterpret_cast<void *>(repr_slot)},
    {Py_tp_methods, mapping_methods},
    {Py_tp_doc, const_cast<char *>("A plain JS object or Map, read where it lives (a mapping).")},
    {0, nullptr},
};

constexpr unsigned int kFlags =
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE;

PyType_Spec array_spec = {"metacall.ArrayView", sizeof(ForeignObject), 0, kFlags | Py_TPFLAGS_SEQUENCE,
                          array_slots};
PyType_Spec mapping_spec = {"metacall.ObjectView", sizeof(ForeignObject), 0, kFlags | Py_TPFLAGS_MAPPING,
                            mapping_slots};
// A Map's view has the same slots: each dispatches on the type.
PyType_Spec map_spec = {"metacall.MapView", sizeof(ForeignObject), 0, kFlags | Py_TPFLAGS_MAPPING,
                        mapping_slots};

} // namespace

int WantViews::enabled() {
	static const int enabled = [] {
		const char *text = std::getenv("METACALL_VIEWS");
		return text != nullptr && std::strcmp(text, "0") == 0 ? 0 : 1;
	}();
	return enabled;
}

bool ready_view_types() {
	PyObject *base = reinterpret_cast<PyObject *>(foreign_object_type());
	if (array_type == nullptr)
		array_type = reinterpret_cast<PyTypeObject *>(PyType_FromSpecWithBases(&array_spec, base));
	if (array_type != nullptr && mapping_type == nullptr)
		mapping_type = reinterpret_cast<PyTypeObject *>(PyType_FromSpecWithBases(&mapping_spec, base));
	if (mapping_type != nullptr && map_type == nullptr)
		map_type = reinterpret_cast<PyTypeObject *>(PyType_FromSpecWithBases(&map_spec, base));
	return map_type != nullptr;
}

PyTypeObject *view_type_for(void *value) {
	// Only the node loader's plain arrays, objects and Maps: another owner's class may bear the name.
	void *object = metacall_value_to_object(value);
	const char *tag = metacall_object_loader_tag(object);
	const char *name =
	    tag != nullptr && std::strcmp(tag, "node") == 0 ? metacall_object_class_name(object) : nullptr;
	if (name == nullptr)
		return nullptr;
	if (std::strcmp(name, "Array") == 0)
		return array_type;
	if (std::strcmp(name, "Object") == 0)
		return mapping_type;
	if (std::strcmp(name, "Map") == 0)
		return map_type;
	return nullptr;
}

PyObject *view_types() {
	return PyTuple_Pack(3, reinterpret_cast<PyObject *>(array_type),
	                    reinterpret_cast<PyObject *>(mapping_type), reinterpret_cast<PyObject *>(map_type));
}

// A memoryview over a copy of `view`'s bytes (a bytearray), with its format and shape.
PyObject *bytes_copy(PyObject *view) {
	PyRef bytes = PyRef::steal(PyByteArray_FromObject(view)); // C order
	PyRef copy = bytes ? PyRef::steal(PyMemoryView_FromObject(bytes.get())) : PyRef();
	if (!copy)
		return nullptr;
	const Py_buffer *info = PyMemoryView_GET_BUFFER(view);
	if (info->ndim == 1 && std::strcmp(info->format != nullptr ? info->format : "B", "B") == 0)
		return copy.release();
	PyRef shape = PyRef::steal(PyObject_GetAttrString(view, "shape"));
	return shape ? PyObject_CallMethod(copy.get(), "cast", "sO", info->format, shape.get()) : nullptr;
}

PyObject *copy_of(PyObject *object) {
	if (is_view(object))
		return copy_method(object, nullptr);
	if (PyMemoryView_Check(object)) // a view of another runtime's bytes (a JS Buffer, typed array)
		return bytes_copy(object);
	return Py_NewRef(object);
}

} // namespace py_loader
