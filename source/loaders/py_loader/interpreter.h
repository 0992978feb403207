// The CPython interpreter the loader runs on, started at most once per process.
//
// Own mode: the first start initializes CPython (UTF-8 mode, no signal handlers, the locale left
// alone) as the interpreter of the user's environment (python_environment.h: METACALL_PYTHON, an
// activated venv, else the build's Python, whatever else is first on PATH), logs which and why,
// and releases the GIL. It is never finalized: finalizing and
// initializing again breaks C extension modules, so metacall_destroy parks it (see loader_state.h)
// and the next start reuses it. Host mode: the process's interpreter is used as it is.
#ifndef PY_LOADER_INTERPRETER_H
#define PY_LOADER_INTERPRETER_H

#include <string>

namespace py_loader {

// Makes sure an interpreter runs. Returns false with the reason in `error`.
bool start_interpreter(bool host_mode, std::string &error);

} // namespace py_loader

#endif
