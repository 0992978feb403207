// Buffers lent to Python for the length of one call, without copying.
//
// A buffer argument reaches the Python function as a read-only memoryview over the caller's bytes.
// When the call returns the view is released (memoryview.release()): a function that kept it gets
// "ValueError: operation forbidden on released memoryview object" instead of reading memory the
// caller may have freed. Views derived from it that are still alive then (a slice, a cast,
// np.frombuffer) cannot be revoked by CPython; that is logged as a warning. Copy what you keep:
// bytes(view). A typed buffer (metacall_buffer.h) is lent the same way, as a writable memoryview
// with its format and shape: what Python writes there, the caller sees. Used under the GIL.
#ifndef PY_LOADER_BUFFER_LOANS_H
#define PY_LOADER_BUFFER_LOANS_H

#include "py_ref.h"

#include <cstddef>
#include <vector>

namespace py_loader {

class BufferLoans {
public:
	BufferLoans() = default;
	BufferLoans(const BufferLoans &) = delete;
	BufferLoans &operator=(const BufferLoans &) = delete;
	~BufferLoans() {
		if (!views_.empty())
			release_all();
	}

	// A new memoryview over `size` bytes at `data`, valid until this object goes; nullptr with a
	// Python error set.
	PyObject *lend(void *data, std::size_t size);
	// A new writable memoryview with the layout of the typed buffer `value` (typed_buffers.h) over
	// its bytes, valid until this object goes; nullptr with a Python error set.
	PyObject *lend_typed(void *value);

	// Whether `address` lies in bytes lent by a BufferLoans of this thread that is still alive: a
	// Python buffer over them must be copied to outlive the call (typed_buffers.h).
	static bool lent(const void *address);

private:
	PyObject *hold(PyObject *view, const void *data, std::size_t size);
	void release_all();

	std::vector<PyRef> views_;
};

} // namespace py_loader

#endif
