// metacall.Function: the Python callable that stands for a metacall function value (a host
// function, a function of another loader, or a Python function that went through C). Calling it
// converts the arguments, releases the GIL, calls metacallfv_s and converts the result; a throwable
// result is raised (exceptions.h). Positional arguments only.
#ifndef PY_LOADER_FUNCTION_OBJECT_H
#define PY_LOADER_FUNCTION_OBJECT_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace py_loader {

// Creates the type (once per process). False with a Python error set.
bool ready_function_type();

// A new callable holding a copy of the function value `value`, or nullptr with a Python error set.
PyObject *new_function_object(void *value);

// The function value `object` holds (borrowed), or nullptr when it is not a metacall.Function.
void *function_value_of(PyObject *object);

} // namespace py_loader

#endif
