// Typed buffers (metacall_buffer.h) and Python's buffer protocol.
//
//   a buffer with a layout -> a memoryview with its format and shape: np.asarray(view) keeps the
//     dtype and the shape and copies nothing (lent for a call by BufferLoans, or owning a value)
//   an object with the buffer protocol (numpy.ndarray, array.array, a memoryview of those) ->
//     a typed buffer when its format is numeric (b B h H i I l L q Q n N f d, native order):
//       borrowed, not copied, when it is C-contiguous and writable and not memory lent to the
//       call under way (the value holds the Py_buffer and releases it when destroyed); else a
//       C-contiguous copy with the same shape (a transposed or sliced array, a read-only one)
//     plain bytes (copied, as bytes and bytearray) for one dimension of 'B', 'c' or '?' bytes
//     a number for a 0-d buffer (a NumPy scalar: np.int64 -> Long, np.float32 -> Double)
//     a TypeError naming the format for anything else (float16, complex, objects, structs,
//     big-endian data)
// The GIL must be held, except for the release of a borrowed Py_buffer (below).
#ifndef PY_LOADER_TYPED_BUFFERS_H
#define PY_LOADER_TYPED_BUFFERS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace py_loader {

// Whether the buffer value `value` has a layout other than plain bytes.
bool is_typed_buffer(void *value);

// A new memoryview with the layout of the typed buffer `value` (borrowed) over its bytes, not
// copied and writable: the caller keeps the bytes alive while the view may be used (BufferLoans).
// nullptr with a Python error set.
PyObject *typed_view_over(void *value);

// A new writable memoryview with the layout of the typed buffer `value` (TAKEN: destroyed when the
// view and everything made from it are gone). nullptr with a Python error set (`value` destroyed).
PyObject *owning_typed_view(void *value);

// A new writable memoryview over the bytes of the buffer value `value` (TAKEN, as above), with
// its layout when it has one, else of bytes ('B').
PyObject *owning_view(void *value);

// A new value for `object`, which has the buffer protocol and is not `bytes` (see above);
// nullptr with a Python error set.
void *buffer_value_of(PyObject *object);

// A plain buffer value over the bytes of `bytes` (a bytes object) themselves, holding it until
// the value goes: for values the receiver copies anyway (arguments bound for JS: ForJs,
// dict_proxies.h). nullptr with a Python error set.
void *borrowed_bytes(PyObject *bytes);

// Releases the Py_buffers of borrowed values that were destroyed on a thread that did not hold
// the GIL then (a JS finalizer on Node's thread): they wait for the next time the loader holds it,
// so that such a thread never blocks on the GIL. Cheap when there are none. With the GIL.
void release_deferred_buffers();

} // namespace py_loader

#endif
