// MetaCall's module hooks: a loaded module's own `__metacall_initialize__()` runs right after the
// load, and its `__metacall_finalize__()` when the handle is cleared or the loader stops. Each is a
// module-level callable taking no arguments; a module without one is left alone. Used under the GIL.
#ifndef PY_LOADER_MODULE_HOOKS_H
#define PY_LOADER_MODULE_HOOKS_H

#include "modules.h"

namespace py_loader {

// Calls each part's initialize hook. False, with the Python error set, when one raises or returns
// a non-zero int (MetaCall's failure value): the caller then unloads `module`.
bool run_initialize_hooks(const Module &module);

// Calls each part's finalize hook. An exception or a non-zero int is logged ("warn") and cleared:
// the module goes away whatever the hook says.
void run_finalize_hooks(const Module &module);

} // namespace py_loader

#endif
