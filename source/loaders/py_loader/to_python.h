// metacall values -> Python objects.
//
//   Boolean -> bool          Char, Short, Int, Long -> int      Float, Double -> float
//   String -> str (UTF-8)    Buffer -> memoryview (lent, see buffer_loans.h) or bytes (copied);
//   a typed Buffer -> a memoryview with its format and shape (typed_buffers.h)
//   Array -> list            Map -> dict                        Null (or a NULL value) -> None
//   Pointer -> a capsule named "metacall.pointer" (None for a NULL address; comes back as a Pointer)
//   Function -> metacall.Function (function_object.h)
//   Exception, Throwable -> an exception object (exceptions.h), not raised
//   Future -> metacall.Future, an awaitable (future_object.h)
//   Class, Object -> the Python class or object itself when this loader made the value (the same
//   object: identity holds), else a proxy, metacall.Class or metacall.Object (foreign_object.h)
// The GIL must be held.
#ifndef PY_LOADER_TO_PYTHON_H
#define PY_LOADER_TO_PYTHON_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace py_loader {

class BufferLoans;

// The capsule name of pointers.
inline constexpr const char *kPointerCapsule = "metacall.pointer";

// A new reference for `value` (borrowed; NULL reads as None), or nullptr with a Python error set.
// With `loans`, buffers are lent without copying for as long as `loans` lives; without, copied.
PyObject *to_python(void *value, BufferLoans *loans);

// The Python object for a call's `result`, TAKEN (the ports' calls, a proxy's reads and calls):
// nullptr raises metacall_error_last (the call failed: a cleared handle, a stopped loader); a
// throwable is raised. A buffer that borrows another runtime's bytes (a JS Buffer or typed array
// returned as a view, object_views.h) becomes a writable memoryview over those very bytes, with
// its layout; the view keeps the value, which holds the bytes.
PyObject *result_to_python(void *result);

} // namespace py_loader

#endif
