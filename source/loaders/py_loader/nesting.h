// How deep the value conversion under way on this thread has gone, in both directions: a value
// nested more than METACALL_VALUE_MAX_DEPTH levels (a list appended to itself, or a C value built
// that deep) raises RecursionError with the same limit and message as every loader, and CPython's
// own recursion check keeps the C stack safe below that. One guard per container level.
#ifndef PY_LOADER_NESTING_H
#define PY_LOADER_NESTING_H

#include <Python.h>

#include <metacall/metacall_value.h>

#include "../../core/fast_tls.h" // header only, shared with the core

namespace py_loader {

class Nesting {
public:
	Nesting() {
		if (++depth_ > METACALL_VALUE_MAX_DEPTH)
			PyErr_Format(PyExc_RecursionError,
			             "the value is nested more than %d levels deep (a value that contains itself?)",
			             METACALL_VALUE_MAX_DEPTH);
		else
			entered_ = Py_EnterRecursiveCall(" while converting a value") == 0;
	}
	~Nesting() {
		if (entered_)
			Py_LeaveRecursiveCall();
		--depth_;
	}
	Nesting(const Nesting &) = delete;
	Nesting &operator=(const Nesting &) = delete;
	// False with a Python exception set: the conversion must stop.
	explicit operator bool() const { return entered_; }

private:
	static inline METACALL_FAST_TLS thread_local int depth_ = 0;
	bool entered_ = false;
};

} // namespace py_loader

#endif
