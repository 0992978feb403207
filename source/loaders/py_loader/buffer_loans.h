// Buffers lent to Python for the length of one call, without copying.
//
// A buffer argument reaches the Python function as a read-only memoryview over the caller's bytes.
// When the call returns the view is released (memoryview.release()): a function that kept it gets
// "ValueError: operation forbidden on released memoryview object" instead of reading memory the
// caller may have freed. Views derived from it that are still alive then (a slice, a cast,
// np.frombuffer) cannot be revoked by CPython; that is logged as a warning. Copy what you keep:
// bytes(view). Used under the GIL.
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

private:
	void release_all();

	std::vector<PyRef> views_;
};

} // namespace py_loader

#endif
