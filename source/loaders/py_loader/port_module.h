// `_metacall_port`: the CPython extension module behind the Python port (source/ports/py_port).
//
// The `metacall` package calls libmetacall through it instead of ctypes: its functions take
// Python objects (METH_FASTCALL), convert them with from_python.h, call the core with the GIL
// released (the callee may run on another thread, or call back into Python), and convert the
// result with to_python.h; a throwable is raised as the matching exception (exceptions.h).
// Registered in sys.modules whenever the loader starts, in host and own mode alike, so that
// `import metacall` in a script the loader runs finds the running libmetacall.
#ifndef PY_LOADER_PORT_MODULE_H
#define PY_LOADER_PORT_MODULE_H

namespace py_loader {

// Puts `_metacall_port` in sys.modules (kept when it is already there: it holds no state of
// its own, every call reads the current loader). False with a Python error set. Needs the GIL.
bool register_port_module();

} // namespace py_loader

#endif
