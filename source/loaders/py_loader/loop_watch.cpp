#include "loop_watch.h"

namespace py_loader {
namespace {

// Under the GIL. Strong references: the loop last told of is kept, so that a new loop made at
// its address later is never mistaken for it.
PyObject *hook_ = nullptr;
PyObject *get_running_loop_ = nullptr;
PyObject *last_loop_ = nullptr;

} // namespace

bool watch_loops(PyObject *hook) {
	if (hook != nullptr && get_running_loop_ == nullptr) {
		PyObject *asyncio = PyImport_ImportModule("asyncio");
		if (asyncio == nullptr)
			return false;
		get_running_loop_ = PyObject_GetAttrString(asyncio, "_get_running_loop");
		Py_DECREF(asyncio);
		if (get_running_loop_ == nullptr)
			return false;
	}
	Py_XINCREF(hook);
	Py_XSETREF(hook_, hook);
	Py_CLEAR(last_loop_);
	return true;
}

bool check_running_loop() {
	if (hook_ == nullptr)
		return true;
	PyObject *loop = PyObject_CallNoArgs(get_running_loop_);
	if (loop == nullptr)
		return false;
	if (loop == Py_None || loop == last_loop_) {
		Py_DECREF(loop);
		return true;
	}
	Py_XSETREF(last_loop_, loop); // takes the new reference
	PyObject *hook = hook_;
	Py_INCREF(hook); // the hook may replace itself
	PyObject *result = PyObject_CallOneArg(hook, loop);
	Py_DECREF(hook);
	Py_XDECREF(result);
	return result != nullptr;
}

} // namespace py_loader
