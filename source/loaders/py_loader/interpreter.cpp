#include "interpreter.h"

#include "gil.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstdlib>

#ifndef METACALL_PY_EXECUTABLE
#  error "METACALL_PY_EXECUTABLE (the Python the build used) must be defined by the build"
#endif

namespace py_loader {
namespace {

bool failed(PyStatus status, const char *step, std::string &error) {
	if (!PyStatus_Exception(status))
		return false;
	error = std::string("cannot start CPython (") + step +
	        "): " + (status.err_msg != nullptr ? status.err_msg : "no reason given");
	return true;
}

bool initialize_own(std::string &error) {
	PyPreConfig preconfig;
	PyPreConfig_InitPythonConfig(&preconfig);
	preconfig.configure_locale = 0; // the locale is the host's business
	preconfig.utf8_mode = 1;        // file names and text are UTF-8 regardless of the host's locale
	if (failed(Py_PreInitialize(&preconfig), "pre-initialization", error))
		return false;

	PyConfig config;
	PyConfig_InitPythonConfig(&config); // honours PYTHONPATH, PYTHONHOME, ... like `python3`
	config.install_signal_handlers = 0; // signals belong to the host
	config.parse_argv = 0;
	// The program name decides sys.prefix: without it CPython searches PATH for "python3" and may
	// find another installation (pyenv) whose standard library does not match this libpython.
	const char *executable = std::getenv("METACALL_PYTHON_EXECUTABLE");
	if (executable == nullptr || executable[0] == '\0')
		executable = METACALL_PY_EXECUTABLE;
	char *argv[] = {const_cast<char *>("")}; // sys.argv == [""], as in an interactive session
	const bool ok =
	    !failed(PyConfig_SetBytesString(&config, &config.program_name, executable), "program name", error) &&
	    !failed(PyConfig_SetBytesArgv(&config, 1, argv), "argv", error) &&
	    !failed(Py_InitializeFromConfig(&config), "initialization", error);
	PyConfig_Clear(&config);
	if (!ok)
		return false;
	keep_thread_state(PyEval_SaveThread()); // callers take the GIL per call (gil.h)
	return true;
}

} // namespace

bool start_interpreter(bool host_mode, std::string &error) {
	if (Py_IsInitialized())
		return true; // the host's, or ours from an earlier start (parked by destroy)
	if (host_mode) {
		error = "the process's CPython is no longer initialized (the host finalized it)";
		return false;
	}
	return initialize_own(error);
}

} // namespace py_loader
