#include "foreign_object.h"

#include "call_values.h"
#include "exceptions.h"
#include "from_python.h"
#include "gil.h"
#include "loader_state.h"
#include "object_views.h"
#include "to_python.h"

#include <metacall/metacall.h>

#include <cstddef>
#include <cstring>
#include <exception>
#include <new>
#include <structmember.h>
#include <vector>

namespace py_loader {
namespace {

PyTypeObject *object_type = nullptr; // made once per process, never freed
PyTypeObject *class_type = nullptr;

bool is_class(PyObject *self) {
	return Py_IS_TYPE(self, class_type);
}

void *value_of(PyObject *self) {
	return reinterpret_cast<ForeignObject *>(self)->value;
}

// What the class and object calls take: the class or object the value refers to.
void *target_of(PyObject *self) {
	return is_class(self) ? metacall_value_to_class(value_of(self))
	                      : metacall_value_to_object(value_of(self));
}

const char *class_name_of(PyObject *self) {
	const char *name = metacall_object_class_name(target_of(self));
	return name != nullptr ? name : "";
}

bool is_dunder(const char *name) {
	const std::size_t size = std::strlen(name);
	return size > 4 && name[0] == '_' && name[1] == '_' && name[size - 2] == '_' && name[size - 1] == '_';
}

LoaderState *require_state() {
	LoaderState *state = LoaderState::current();
	if (state == nullptr)
		PyErr_SetString(PyExc_RuntimeError, "metacall object used after the py loader was destroyed");
	return state;
}

PyObject *getattro_unguarded(PyObject *self, PyObject *name) {
	const char *key = PyUnicode_Check(name) ? PyUnicode_AsUTF8(name) : nullptr;
	if (key == nullptr || is_dunder(key)) {
		if (key != nullptr && is_class(self) &&
		    (std::strcmp(key, "__name__") == 0 || std::strcmp(key, "__qualname__") == 0))
			return PyUnicode_FromString(class_name_of(self));
		PyErr_Clear();
		return PyObject_GenericGetAttr(self, name); // the proxy's own
	}
	void *target = target_of(self);
	const bool cls = is_class(self);
	void *result = nullptr;
	{
		GilReleased released; // the owner may run on its own thread and call back into Python
		WantViews views;      // an array or plain object read comes as a view (object_views.h)
		result = cls ? metacall_class_static_get(target, key) : metacall_object_get(target, key);
	}
	return result_to_python(result);
}

int setattro_unguarded(PyObject *self, PyObject *name, PyObject *value) {
	const char *key = PyUnicode_Check(name) ? PyUnicode_AsUTF8(name) : nullptr;
	if (key == nullptr || is_dunder(key)) {
		PyErr_Clear();
		return PyObject_GenericSetAttr(self, name, value);
	}
	if (value == nullptr) {
		PyErr_Format(PyExc_TypeError, "cannot delete '%s' of a %s: metacall objects cannot delete attributes",
		             key, Py_TYPE(self)->tp_name);
		return -1;
	}
	LoaderState *state = require_state();
	void *converted = state != nullptr ? from_python(value, *state) : nullptr;
	if (converted == nullptr)
		return -1;
	void *target = target_of(self);
	const bool cls = is_class(self);
	int status = 0;
	{
		GilReleased released;
		status = cls ? metacall_class_static_set(target, key, converted)
		             : metacall_object_set(target, key, converted);
	}
	metacall_value_destroy(converted);
	if (status != 0) {
		raise_last_error();
		return -1;
	}
	return 0;
}

// Class(*args): a new instance.
PyObject *construct_unguarded(PyObject *self, PyObject *args, PyObject *kwargs) {
	if (kwargs != nullptr && PyDict_GET_SIZE(kwargs) > 0) {
		PyErr_Format(PyExc_TypeError, "metacall class '%s' takes positional arguments only",
		             class_name_of(self));
		return nullptr;
	}
	LoaderState *state = require_state();
	if (state == nullptr)
		return nullptr;
	CallValues values;
	for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); ++i) {
		void *value = from_python(PyTuple_GET_ITEM(args, i), *state);
		if (value == nullptr)
			return nullptr;
		values.push(value);
	}
	void *target = target_of(self);
	void *result = nullptr;
	{
		GilReleased released;
		result = metacall_class_new(target, nullptr, values.data(), values.size());
	}
	return result_to_python(result);
}

PyObject *dir_unguarded(PyObject *self, PyObject *) {
	void *target = target_of(self);
	void *keys = nullptr;
	{
		GilReleased released;
		keys = metacall_object_keys(target);
	}
	return result_to_python(keys);
}

PyObject *repr(PyObject *self) {
	const char *name = class_name_of(self);
	if (is_class(self))
		return PyUnicode_FromFormat("<metacall.Class '%s'>", name);
	return name[0] != '\0' ? PyUnicode_FromFormat("<metacall.Object of class '%s'>", name)
	                       : PyUnicode_FromFormat("<metacall.Object at %p>", self);
}

// CPython calls these: nothing may unwind through its frames.
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

PyObject *getattro(PyObject *self, PyObject *name) {
	return guarded([&] { return getattro_unguarded(self, name); }, static_cast<PyObject *>(nullptr));
}
int setattro(PyObject *self, PyObject *name, PyObject *value) {
	return guarded([&] { return setattro_unguarded(self, name, value); }, -1);
}
PyObject *construct(PyObject *self, PyObject *args, PyObject *kwargs) {
	return guarded([&] { return construct_unguarded(self, args, kwargs); }, static_cast<PyObject *>(nullptr));
}
PyObject *dir(PyObject *self, PyObject *unused) {
	return guarded([&] { return dir_unguarded(self, unused); }, static_cast<PyObject *>(nullptr));
}

void dealloc(PyObject *self) {
	PyTypeObject *type = Py_TYPE(self);
	auto *proxy = reinterpret_cast<ForeignObject *>(self);
	if (proxy->weakrefs != nullptr)
		PyObject_ClearWeakRefs(self);
	metacall_value_destroy(proxy->value); // the owner learns that Python let go
	type->tp_free(self);
	Py_DECREF(type); // instances of heap types own a reference to their type
}

PyMethodDef methods[] = {
    {"__dir__", dir, METH_NOARGS, "The attribute names (metacall_object_keys)."},
    {nullptr, nullptr, 0, nullptr},
};

PyMemberDef members[] = {
    {"__weaklistoffset__", T_PYSSIZET, offsetof(ForeignObject, weakrefs), READONLY, nullptr},
    {nullptr, 0, 0, 0, nullptr},
};

PyType_Slot object_slots[] = {
    {Py_tp_dealloc, reinterpret_cast<void *>(dealloc)},
    {Py_tp_getattro, reinterpret_cast<void *>(getattro)},
    {Py_tp_setattro, reinterpret_cast<void *>(setattro)},
    {Py_tp_repr, reinterpret_cast<void *>(repr)},
    {Py_tp_methods, methods},
    {Py_tp_members, members},
    {Py_tp_doc, const_cast<char *>("An object of another language or of the host.")},
    {0, nullptr},
};

PyType_Slot class_slots[] = {
    {Py_tp_dealloc, reinterpret_cast<void *>(dealloc)},
    {Py_tp_getattro, reinterpret_cast<void *>(getattro)},
    {Py_tp_setattro, reinterpret_cast<void *>(setattro)},
    {Py_tp_repr, reinterpret_cast<void *>(repr)},
    {Py_tp_call, reinterpret_cast<void *>(construct)},
    {Py_tp_methods, methods},
    {Py_tp_members, members},
    {Py_tp_doc, const_cast<char *>("A class of another language or of the host: call it for an instance.")},
    {0, nullptr},
};

constexpr unsigned int kFlags =
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE;

// The views subclass metacall.Object (object_views.h).
PyType_Spec object_spec = {"metacall.Object", sizeof(ForeignObject), 0, kFlags | Py_TPFLAGS_BASETYPE,
                           object_slots};
PyType_Spec class_spec = {"metacall.Class", sizeof(ForeignObject), 0, kFlags, class_slots};

} // namespace

bool ready_foreign_types() {
	if (object_type == nullptr)
		object_type = reinterpret_cast<PyTypeObject *>(PyType_FromSpec(&object_spec));
	if (object_type != nullptr && class_type == nullptr)
		class_type = reinterpret_cast<PyTypeObject *>(PyType_FromSpec(&class_spec));
	return class_type != nullptr && ready_view_types();
}

PyTypeObject *foreign_object_type() {
	return object_type;
}

PyObject *new_foreign_object(void *value, bool adopt) {
	const bool cls = metacall_value_id(value) == METACALL_CLASS;
	if (!cls)
		if (PyTypeObject *view = view_type_for(value))
			return new_proxy(view, value, adopt);
	return new_proxy(cls ? class_type : object_type, value, adopt);
}

PyObject *new_proxy(PyTypeObject *type, void *value, bool adopt) {
	void *held = adopt ? value : metacall_value_copy(value);
	if (held == nullptr)
		return raise_last_error();
	auto *proxy = PyObject_New(ForeignObject, type);
	if (proxy == nullptr) {
		metacall_value_destroy(held);
		return nullptr;
	}
	proxy->value = held;
	proxy->weakrefs = nullptr;
	return reinterpret_cast<PyObject *>(proxy);
}

void *foreign_value_of(PyObject *object) {
	// The views are subtypes of metacall.Object (object_views.h).
	return PyObject_TypeCheck(object, object_type) || Py_IS_TYPE(object, class_type) ? value_of(object)
	                                                                                 : nullptr;
}

} // namespace py_loader
