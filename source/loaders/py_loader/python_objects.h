// Python classes and their instances as class and object values (METACALL_CLASS, METACALL_OBJECT).
//
// Which ones: classes that Python code defines — mutable heap types, as `class` statements,
// type(), enum and namedtuple make them — and their instances, also those that define __call__
// (an object, callable from C as its method "__call__"). C extension types are immutable since
// CPython 3.10: functools.partial, operator.itemgetter, lru_cache wrappers stay functions, as
// every other callable does. Each value refers to the object through an ObjectRef (a strong
// reference) and reaches it through the loader's object_interface.h entries; a value made here and
// converted back to Python gives the very same object. The GIL must be held.
#ifndef PY_LOADER_PYTHON_OBJECTS_H
#define PY_LOADER_PYTHON_OBJECTS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <metacall/metacall_object.h>
#include <metacall/metacall_value.h>

namespace py_loader {

class LoaderState;

// Whether `type` is a class Python code defined (see above).
inline bool is_python_class(PyTypeObject *type) {
	return PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE) && !PyType_HasFeature(type, Py_TPFLAGS_IMMUTABLETYPE);
}

// Whether `object` is an instance that crosses as an Object: its class is one Python defined, and
// it is not data that converts as a value (a subclass of int, float, str, list, tuple, dict, a
// bytes-like object) nor an exception. from_python checks those first.
inline bool is_python_instance(PyObject *object) {
	return is_python_class(Py_TYPE(object)) && !PyLong_Check(object) && !PyFloat_Check(object) &&
	       !PyUnicode_Check(object) && !PyList_Check(object) && !PyTuple_Check(object) &&
	       !PyDict_Check(object) && !PyObject_CheckBuffer(object) && !PyExceptionInstance_Check(object);
}

// A new value of `kind` (METACALL_CLASS for a class, METACALL_OBJECT for an instance) for
// `object`, or nullptr with a Python error set. `iface`: python_object_interface, or
// dict_interface for a dict handed to JS as a proxy (dict_proxies.h).
void *python_object_value(PyObject *object, enum metacall_value_id kind, LoaderState &state,
                          const metacall_object_interface *iface = nullptr);

// The Python object (borrowed) behind a class or object value this loader made; nullptr when
// another made it (no error set), or with a ReferenceError set when its loader was destroyed
// since (the reference was dropped then).
PyObject *python_object_of(void *value);

} // namespace py_loader

#endif
