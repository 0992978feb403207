// An owned reference to a Python object. Destroy or reset it only while holding the GIL.
#ifndef PY_LOADER_PY_REF_H
#define PY_LOADER_PY_REF_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <utility>

namespace py_loader {

class PyRef {
public:
	PyRef() = default;
	// Takes over a new reference (the result of most C API calls); nullptr stays empty.
	static PyRef steal(PyObject *object) { return PyRef(object); }
	// Adds a reference to a borrowed object.
	static PyRef borrow(PyObject *object) {
		Py_XINCREF(object);
		return PyRef(object);
	}

	PyRef(const PyRef &) = delete;
	PyRef &operator=(const PyRef &) = delete;
	PyRef(PyRef &&other) noexcept : object_(other.release()) {}
	PyRef &operator=(PyRef &&other) noexcept {
		reset(other.release());
		return *this;
	}
	~PyRef() { Py_XDECREF(object_); }

	PyObject *get() const { return object_; }
	explicit operator bool() const { return object_ != nullptr; }
	// Gives the reference away.
	PyObject *release() { return std::exchange(object_, nullptr); }
	void reset(PyObject *object = nullptr) { Py_XDECREF(std::exchange(object_, object)); }

private:
	explicit PyRef(PyObject *object) : object_(object) {}

	PyObject *object_ = nullptr;
};

} // namespace py_loader

#endif
