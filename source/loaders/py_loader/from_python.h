// Python objects -> metacall values.
//
//   bool -> Boolean    int -> Long (OverflowError when it needs more than 64 bits: never truncated)
//   float -> Double    str -> String (UTF-8)    None -> Null
//   bytes, bytearray, memoryview and other buffer objects -> Buffer (copied); with a numeric
//   element format (numpy.ndarray, array.array) a typed Buffer, borrowed (typed_buffers.h)
//   list, tuple -> Array    dict -> Map with string keys (int, float, bool and None keys as their
//   JSON text: 1 -> "1"; other keys are a TypeError); in the arguments of a call into JS, an exact
//   dict with str keys -> Object standing for the dict itself (dict_proxies.h)
//   a "metacall.pointer" capsule -> Pointer      metacall.Function -> its function value (shared)
//   an exception object -> Exception (a returned exception, not a raised one)
//   metacall.Future (future_object.h) -> its future value (shared)
//   a coroutine -> Future, settled when it finishes on the loader's event loop (async_loop.h)
//   metacall.Object, metacall.Class (foreign_object.h) -> the class or object value they stand for
//   a class defined in Python -> Class; an instance of one -> Object (python_objects.h)
//   any other callable -> Function (metacall_loader_function_value), callable from any thread
//   anything else -> TypeError naming its type
// The GIL must be held.
#ifndef PY_LOADER_FROM_PYTHON_H
#define PY_LOADER_FROM_PYTHON_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <string>

namespace py_loader {

class LoaderState;

// A new value for `object`, or nullptr with a Python error set.
void *from_python(PyObject *object, LoaderState &state);

// A new function value for `callable`, described to the core under `name`; nullptr with a Python
// error set.
void *function_value(PyObject *callable, const std::string &name, LoaderState &state);

} // namespace py_loader

#endif
