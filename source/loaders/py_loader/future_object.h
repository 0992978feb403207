// Metacall futures in Python: a future value becomes a metacall.Future, an awaitable that any
// asyncio loop may await (several, from several threads, before or after it settles).
//
// The class is plain Python, made once per loader start (LoaderState::future_class). Awaiting
// makes an asyncio future on the running loop; the metacall future's callbacks (on whatever
// thread settles it) take the GIL, convert the settled value (borrowed: the conversion copies),
// and settle every waiting asyncio future through its loop's call_soon_threadsafe: resolved with
// the value, rejected with the value as an exception. Awaited after it settled, it returns (or
// raises) at once. The object keeps a copy of the future value (so the future lives as long as
// Python holds it, and converts back to the same future); the callbacks hold it by a weak
// reference only, so an object nobody awaits is freed even if the future never settles.
// The GIL must be held.
#ifndef PY_LOADER_FUTURE_OBJECT_H
#define PY_LOADER_FUTURE_OBJECT_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace py_loader {

// A new metacall.Future for `future` (a future value, borrowed), or nullptr with a Python error set.
PyObject *new_future_object(void *future);

// A new copy of the future value of `object` when it is a metacall.Future, else nullptr (no error).
void *future_value_of(PyObject *object);

} // namespace py_loader

#endif
