// What a module gives the core, in the module's order, under the names the module binds them to:
//  - functions (`def`, `async def`, and builtins of C extension modules) defined by the module
//    itself, i.e. whose __module__ is the module (or, for a package, one of its submodules);
//  - classes defined by the module (same rule; Python-defined classes, python_objects.h) as class
//    values, and module-level instances of those classes as object values (not those that
//    convert as data: an IntEnum member, a dict subclass; python_objects.h).
// Imported functions and classes, constants and dunder names are left out.
#ifndef PY_LOADER_DISCOVERY_H
#define PY_LOADER_DISCOVERY_H

#include <metacall/metacall_loader.h>

namespace py_loader {

class LoaderState;
struct Module;

// Calls define(scope, ...) for each function of `module`, metacall_loader_define_value for each
// class and object. Returns 0, or 1 after the core refused a definition or with a Python error
// set. Needs the GIL.
int discover_module(LoaderState &state, const Module &module, metacall_loader_define define, void *scope);

} // namespace py_loader

#endif
