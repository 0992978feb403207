// The private handshake between the two halves of the py loader: libpy_loader.so (the bootstrap
// the core opens, free of CPython symbols) and libpy_loader_runtime.so (the implementation, whose
// CPython symbols resolve against the libpython the bootstrap made global).
#ifndef PY_LOADER_RUNTIME_ENTRY_H
#define PY_LOADER_RUNTIME_ENTRY_H

#include <metacall/metacall_loader.h>

// The implementation exports this function. `host_mode` is non-zero when the process already ran
// an initialized CPython before the loader started (the loader must never start or stop it).
#define PY_LOADER_RUNTIME_ENTRY_NAME "py_loader_runtime_interface"
typedef const struct metacall_loader_interface *(*py_loader_runtime_entry)(int host_mode);

// The implementation's file name, looked up in the bootstrap's own folder.
#define PY_LOADER_RUNTIME_FILE "libpy_loader_runtime.so"

#endif
