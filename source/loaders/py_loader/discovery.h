// Which functions a module gives the core: the module's functions (`def` and `async def`, and
// builtins of C extension modules) defined by the module itself, i.e. whose __module__ is the
// module (or, for a package, one of its submodules), in the module's order, under the names the
// module binds them to. Imported functions, classes, and dunder names are left out.
#ifndef PY_LOADER_DISCOVERY_H
#define PY_LOADER_DISCOVERY_H

#include <metacall/metacall_loader.h>

namespace py_loader {

class LoaderState;
struct Module;

// Calls define(scope, ...) for each function of `module`. Returns 0, or 1 after the core refused a
// definition or with a Python error set. Needs the GIL.
int discover_functions(LoaderState &state, const Module &module, metacall_loader_define define, void *scope);

} // namespace py_loader

#endif
