// What a Python class or instance shows the core: the names of its attributes and members
// (metacall_object_keys) and, for classes, their description (metacall_inspect).
//
// A class's members are read from the __dict__ of each class of its MRO (the class first,
// `object` left out), in definition order, each name once; names starting with "_" are not public
// and are left out (__init__ gives the constructor's parameters). Parameter names come from the
// code objects (signature.h), without `self` / `cls`. The GIL must be held.
#ifndef PY_LOADER_CLASS_MEMBERS_H
#define PY_LOADER_CLASS_MEMBERS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace py_loader {

// An array value of strings: for an instance, the keys of its __dict__ (dunders left out), then
// the public members of its class; for a class, its public members. nullptr with a Python error.
void *member_names(PyObject *object);

// A map value: "constructor" (array of __init__'s parameter names), "methods" and
// "static_methods" (maps of name to an array of parameter names; class methods are static ones),
// "attributes" (the class's __annotations__, and its properties), "static_attributes" (the public
// class attributes that are not callable). nullptr with a Python error set.
void *describe_class(PyTypeObject *type);

} // namespace py_loader

#endif
