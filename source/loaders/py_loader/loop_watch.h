// The asyncio loop that runs on the calling thread, watched for the port: when Node runs on
// Python's main thread (the py port's default), the loop running there drives Node's event loop,
// and the port's Python side (metacall/_node_home.py) must hear of every new one, even when the
// script only calls (no load, no await) inside it. Checked before each call from Python: up to
// Python 3.11 a dict lookup while no loop started or stopped on the thread (about 10 ns), else one
// call of asyncio's C `_get_running_loop` (about 20 ns).
#ifndef PY_LOADER_LOOP_WATCH_H
#define PY_LOADER_LOOP_WATCH_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace py_loader {

// From now on, `hook(loop)` (a callable, kept) is called before a call from Python when an asyncio
// loop runs on the calling thread that is not the one last told of. nullptr: no more. GIL held.
bool watch_loops(PyObject *hook);

// Before a call from Python (GIL held). False with a Python error set when the hook raised.
bool check_running_loop();

} // namespace py_loader

#endif
