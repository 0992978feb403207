// Where metacall_load_from_file finds a relative script: the working directory, then the loader's
// execution paths in the order they were given (the start-up configuration's, LOADER_SCRIPT_PATH's,
// then metacall_execution_path's), as MetaCall's loaders look them up.
#pragma once

#include <string>

namespace metacall_core {

class Loader;

// The file `name` names for `loader`: `name` itself when it is absolute; else the first regular file
// found in the working directory and then in each execution path, as an absolute path. `name`
// unchanged when none has it (a module name such as "json" or "path": the loader decides).
std::string find_script(const Loader &loader, const std::string &name);

} // namespace metacall_core
