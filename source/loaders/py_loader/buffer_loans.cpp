#include "buffer_loans.h"

#include "typed_buffers.h"

#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

namespace py_loader {

namespace {

// The bytes lent by the live BufferLoans of this thread, innermost call last.
struct LentBytes {
	const char *begin;
	const char *end;
};
thread_local std::vector<LentBytes> lent_bytes;

} // namespace

PyObject *BufferLoans::lend(void *data, std::size_t size) {
	static char empty = 0; // memoryviews need an address even for no bytes
	return hold(PyMemoryView_FromMemory(data != nullptr ? static_cast<char *>(data) : &empty,
	                                    static_cast<Py_ssize_t>(size), PyBUF_READ),
	            data, size);
}

PyObject *BufferLoans::lend_typed(void *value) {
	return hold(typed_view_over(value), metacall_value_to_buffer(value), metacall_value_size(value));
}

PyObject *BufferLoans::hold(PyObject *view, const void *data, std::size_t size) {
	if (view == nullptr)
		return nullptr;
	views_.push_back(PyRef::borrow(view));
	const char *begin = static_cast<const char *>(data);
	lent_bytes.push_back({begin, begin != nullptr ? begin + size : nullptr});
	return view;
}

bool BufferLoans::lent(const void *address) {
	const char *at = static_cast<const char *>(address);
	for (const LentBytes &bytes : lent_bytes)
		if (at >= bytes.begin && at < bytes.end)
			return true;
	return false;
}

void BufferLoans::release_all() {
	PyObject *type, *value, *traceback; // an exception of the call may be pending: keep it
	PyErr_Fetch(&type, &value, &traceback);
	for (PyRef &view : views_) {
		// The managed buffer is shared by every view derived from this one; once they are all
		// gone, its export count drops to zero.
		auto *managed = reinterpret_cast<PyMemoryViewObject *>(view.get())->mbuf;
		if (Py_REFCNT(view.get()) == 1 && managed->exports == 1)
			continue; // nothing else can reach the bytes: dropping the view is enough
		PyRef keep = PyRef::borrow(reinterpret_cast<PyObject *>(managed));
		PyRef released = PyRef::steal(PyObject_CallMethod(view.get(), "release", nullptr));
		if (!released)
			PyErr_Clear(); // BufferError: something still holds an export of the view itself
		if (!released || managed->exports > 0)
			metacall_loader_log("warn", "py loader: a Python function kept a view of a buffer argument past "
			                            "the call (a slice, cast or export of the memoryview); copy it with "
			                            "bytes(view) instead, the caller may free the bytes");
	}
	lent_bytes.resize(lent_bytes.size() - views_.size()); // loans end innermost first
	views_.clear();
	PyErr_Restore(type, value, traceback);
}

} // namespace py_loader
