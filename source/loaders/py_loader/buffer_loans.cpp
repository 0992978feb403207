#include "buffer_loans.h"

#include <metacall/metacall_loader.h>

namespace py_loader {

PyObject *BufferLoans::lend(void *data, std::size_t size) {
	static char empty = 0; // memoryviews need an address even for no bytes
	PyObject *view = PyMemoryView_FromMemory(data != nullptr ? static_cast<char *>(data) : &empty,
	                                         static_cast<Py_ssize_t>(size), PyBUF_READ);
	if (view == nullptr)
		return nullptr;
	views_.push_back(PyRef::borrow(view));
	return view;
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
	views_.clear();
	PyErr_Restore(type, value, traceback);
}

} // namespace py_loader
