// Views: a JS array, plain object or Map that a call from Python returned, read where it lives
// instead of copied (issue #19). The py loader's calls from Python (the port's metacall(),
// metacall.Function, an attribute of a metacall.Object) ask the callee's loader for views
// (WantViews); the node loader then passes such a result by reference, as an object value of class
// "Array", "Object" or "Map", which becomes one of these subtypes of metacall.Object:
//
//   metacall.ArrayView   a sequence: len(v), v[i] (negative too), v[a:b] (a list), iter(v),
//                        list(v), v == [..], `x in v`; the JS methods as attributes (v.push(4))
//   metacall.ObjectView  a mapping: len(v), v[k] (KeyError when missing), v[k] = x, iter(v),
//                        keys(), values(), items(), get(k, default), dict(v), v == {..}
//   metacall.MapView     the same for a Map, whose keys may be of any type: v[k] is get(k) (has(k)
//                        tells a missing key), v[k] = x set, del v[k] delete, len is its size
//
// Each read goes to the JS value as it is now (a JS change shows). Elements that are arrays or
// plain objects are views too. Iterating (list(), for, ==, dict()) copies once, all at once:
// `v.copy()` (and metacall.copy(v)) gives that copy, a list or dict, deep. A view keeps the JS
// value alive until Python frees it; once its runtime stopped (metacall_destroy), a use raises
// RuntimeError saying so.
//
// Bytes (a Buffer, a typed array, a DataView, an ArrayBuffer) come as a writable memoryview over
// the JS memory itself, with the typed array's element format and `shape` (to_python.h,
// result_to_python): no copy, and a write shows in JS. The memoryview holds those bytes (V8's
// backing store) until Python frees it, even when JS detaches the buffer; metacall.copy(m) gives
// a memoryview of a copy with the same layout. Inside a process that runs Node (the node port),
// bytes are copied.
//
// METACALL_VIEWS=0 turns views off (calls return lists, dicts and copies of bytes again).
#ifndef PY_LOADER_OBJECT_VIEWS_H
#define PY_LOADER_OBJECT_VIEWS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <metacall/metacall_loader.h>

namespace py_loader {

// Asks for views of the result of the one call made in its scope (metacall_loader_set_views).
class WantViews {
public:
	WantViews() { metacall_loader_set_views(enabled()); }
	~WantViews() { metacall_loader_set_views(0); }
	WantViews(const WantViews &) = delete;
	WantViews &operator=(const WantViews &) = delete;
	// METACALL_VIEWS, read once: views unless it is "0".
	static int enabled();
};

// Makes the two view types, subtypes of metacall.Object (from ready_foreign_types).
bool ready_view_types();

// The view type for an object value (borrowed) of the node loader: ArrayView for class "Array",
// ObjectView for class "Object", MapView for class "Map"; nullptr for any other object, and for
// every other owner's.
PyTypeObject *view_type_for(void *value);

// (ArrayView, ObjectView, MapView), a new tuple.
PyObject *view_types();

// metacall.copy(x): a view's eager copy (a list or dict, deep), a memoryview's copy (its own bytes,
// the same format and shape); anything else as it is (new ref).
PyObject *copy_of(PyObject *object);

} // namespace py_loader

#endif
