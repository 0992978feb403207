// Loading Python code as real modules.
//
// Files: each is imported under its file stem (importlib's SourceFileLoader, registered in
// sys.modules while and after it runs), with its folder at the front of sys.path so that its
// sibling imports work. A file inside a package folder (one with __init__.py) is imported as part
// of that package ("pkg.mod"), with the package's parent folder on sys.path, so its relative
// imports (`from . import x`) work too. A name already in sys.modules that this loader did not put
// there (a standard module named like the script) is left alone: the script then runs unregistered.
// A name that is no file in the execution paths nor the working directory, and that reads as a
// module's name ("json", "os.path"), is imported as that module, as MetaCall does; when there is no
// such module either, the error names both tries.
// Memory: the code runs in a fresh module named after the handle ("memory-1").
// Packages: importlib's import of the name, found through sys.path (the execution paths first);
// a path ("dir/pkg") puts its folder on sys.path first.
// On failure the functions return nullptr with the Python error set, and nothing stays loaded.
// Used under the GIL.
#ifndef PY_LOADER_MODULE_LOADER_H
#define PY_LOADER_MODULE_LOADER_H

#include "modules.h"

#include <memory>
#include <string>
#include <string_view>

namespace py_loader {

class LoaderState;

std::unique_ptr<Module> load_files(LoaderState &state, const char *const paths[], std::size_t size);
std::unique_ptr<Module> load_memory(LoaderState &state, const std::string &name, std::string_view source);
std::unique_ptr<Module> load_package(LoaderState &state, const std::string &name);

// Takes what `module` registered out of sys.modules (a package with its submodules), when
// sys.modules still maps the name to it.
void unload(const Module &module);

} // namespace py_loader

#endif
