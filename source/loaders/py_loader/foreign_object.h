// metacall.Object and metacall.Class: the Python proxies of classes and objects that another
// language or the host owns (a JS instance or class, a host object). Each holds a copy of the
// value, destroyed when Python frees the proxy: that is how the owner learns Python let go.
//
//   proxy.name          metacall_object_get (classes: metacall_class_static_get); a method comes as
//                       a metacall.Function bound to the object
//   proxy.name = v      metacall_object_set (classes: metacall_class_static_set); deleting is a TypeError
//   dir(proxy)          metacall_object_keys
//   Class(*args)        metacall_class_new: a metacall.Object (positional arguments only)
//   Class.__name__      the class name; repr() names the class too
// Dunder names are the proxy's own. A throwable result is raised as its exception (exceptions.h:
// AttributeError for a missing attribute, ...); a failed call raises metacall_error_last's reason.
// The other side is called with the GIL released. Converting a proxy back gives its value.
#ifndef PY_LOADER_FOREIGN_OBJECT_H
#define PY_LOADER_FOREIGN_OBJECT_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace py_loader {

// The layout of every proxy type: metacall.Object, metacall.Class, and the views of
// object_views.h (subtypes of metacall.Object).
struct ForeignObject {
	PyObject_HEAD;
	void *value;        // a class or object value, owned
	PyObject *weakrefs; // so that weakref.ref(proxy) works
};

// Creates the two types (once per process), and the views' (object_views.h). False with a Python
// error set.
bool ready_foreign_types();

// metacall.Object, the base of the views (after ready_foreign_types).
PyTypeObject *foreign_object_type();

// A new proxy of `type` (one of the proxy types) holding a copy of `value` (borrowed), or nullptr
// with a Python error set. `adopt`: the proxy holds `value` itself, which it owns from now on
// (destroyed here on failure).
PyObject *new_proxy(PyTypeObject *type, void *value, bool adopt = false);

// A new proxy holding a copy of `value` (a class or object value, borrowed), or nullptr with a
// Python error set. `adopt`: as for new_proxy.
PyObject *new_foreign_object(void *value, bool adopt = false);

// The value a proxy holds (borrowed), or nullptr when `object` is not one.
void *foreign_value_of(PyObject *object);

} // namespace py_loader

#endif
