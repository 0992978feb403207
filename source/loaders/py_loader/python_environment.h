// Which Python installation the loader's own CPython starts as: the virtualenv or interpreter the
// user chose, found the way a shell finds `python3`, and why. CPython takes sys.prefix,
// sys.exec_prefix, sys.executable and site-packages from the program name it starts with (its
// getpath and site modules read the venv's pyvenv.cfg), so naming the venv's interpreter makes the
// embedded CPython set them exactly as that interpreter does. Own mode only: a host's interpreter
// is in its own environment already.
//
// In order, the first that is set decides:
//   1. METACALL_PYTHON: a venv folder, or an interpreter (a venv's or not);
//   2. METACALL_PYTHON_EXECUTABLE: an interpreter (the older name, kept);
//   3. VIRTUAL_ENV: the activated venv;
//   4. PATH: the first `python3` on it, when it belongs to a venv (activated without VIRTUAL_ENV);
//   5. otherwise the build's Python (Debian's /usr/bin/python3), whatever `python3` PATH has.
// A venv or interpreter of another minor version than the loader's libpython is refused: its
// standard library and extension modules do not match the ABI. PYTHONPATH and PYTHONHOME are
// not read here: CPython applies them as `python3` does.
// No CPython call: usable before the interpreter exists.
#ifndef PY_LOADER_PYTHON_ENVIRONMENT_H
#define PY_LOADER_PYTHON_ENVIRONMENT_H

#include <functional>
#include <optional>
#include <string>

namespace py_loader {

struct PythonEnvironment {
	std::string executable; // absolute path: CPython's program name
	std::string venv;       // the venv's folder, "" when the interpreter is not in one
	std::string source;     // what chose it: "METACALL_PYTHON=...", "VIRTUAL_ENV=...", ...
	std::string version;    // the venv's Python version from pyvenv.cfg, "" when unknown
};

struct EnvironmentInputs {
	// Reads an environment variable: nullopt when unset (an empty value counts as unset).
	std::function<std::optional<std::string>(const char *name)> variable;
	std::string default_executable; // the build's Python
	std::string runtime_version;    // the libpython's version, "3.11.2"
};

// The environment to start (the caller owns the returned value; nothing is kept), or nullopt with
// the reason in `error` (a chosen path that is missing or not a venv, or of another minor version:
// both versions named). Reads `inputs` only during the call.
std::optional<PythonEnvironment> choose_python_environment(const EnvironmentInputs &inputs,
                                                           std::string &error);

// One line for the log: which interpreter, which venv, and why.
std::string describe(const PythonEnvironment &environment);

// EnvironmentInputs::variable over the process's environment (std::getenv).
std::optional<std::string> process_variable(const char *name);

} // namespace py_loader

#endif
