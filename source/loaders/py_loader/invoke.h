// Calling Python from C: the call path of every metacall call into a Python function.
#ifndef PY_LOADER_INVOKE_H
#define PY_LOADER_INVOKE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstddef>

namespace py_loader {

class LoaderState;

// Calls `callable` with `size` values (borrowed) from any thread and returns a new value: the
// converted result, or a throwable for the exception it raised (or for an argument or result that
// does not convert). Takes and gives back the GIL itself. Buffer arguments are lent, not copied
// (buffer_loans.h). Builds nothing but the argument objects: they go to vectorcall from the stack.
void *invoke_python(LoaderState &state, PyObject *callable, void *args[], std::size_t size);

// Calls the method `name` (an interned str) of `self` as invoke_python calls a callable, without
// making a bound method (PyObject_VectorcallMethod).
void *invoke_method(LoaderState &state, PyObject *self, PyObject *name, void *args[], std::size_t size);

// Starts an async call: calls `callable` (an `async def`) and runs the coroutine on the loader's
// event loop, which settles `future` (a pending future value, taken). Raising before the first
// await rejects the future at once. Arguments are copied (the call outlives them).
void await_python(LoaderState &state, PyObject *callable, void *args[], std::size_t size, void *future);

} // namespace py_loader

#endif
