// Opens libpy_loader_runtime.so, the half of the py loader that speaks CPython, from the folder of
// the bootstrap itself.
#ifndef PY_LOADER_IMPLEMENTATION_LIBRARY_H
#define PY_LOADER_IMPLEMENTATION_LIBRARY_H

#include <metacall/metacall_loader.h>

namespace py_loader {

// The implementation's table; opened once per process (never closed: CPython keeps pointers into
// it). Call only after find_python_runtime succeeded, so its CPython symbols can resolve.
// nullptr after metacall_loader_error.
const metacall_loader_interface *open_implementation(bool host_mode);

} // namespace py_loader

#endif
