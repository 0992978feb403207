#include "interpreter.h"

#include "gil.h"
#include "python_environment.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <metacall/metacall_loader.h>

#include <optional>

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

// "3.11.2" of Py_GetVersion() ("3.11.2 (main, ...) [GCC ...]"), callable before initialization.
std::string runtime_version() {
	const std::string text = Py_GetVersion();
	return text.substr(0, text.find(' '));
}

// sys.<name> as text ("?" when missing). Under the GIL.
std::string sys_text(const char *name) {
	PyObject *value = PySys_GetObject(name); // borrowed
	if (value == nullptr || !PyUnicode_Check(value))
		return "?";
	const char *text = PyUnicode_AsUTF8(value);
	if (text == nullptr) {
		PyErr_Clear(); // not encodable: the log line is all it was for
		return "?";
	}
	return text;
}

// What CPython itself takes from the environment besides the program name, for the log.
std::string python_variables() {
	std::string text;
	for (const char *name : {"PYTHONHOME", "PYTHONPATH"}) {
		if (std::optional<std::string> value = process_variable(name))
			text += std::string("; ") + name + "=" + *value + " applies";
	}
	return text;
}

bool initialize_own(std::string &error) {
	// Which installation and packages: the user's venv or interpreter (python_environment.h).
	EnvironmentInputs inputs{process_variable, METACALL_PY_EXECUTABLE, runtime_version()};
	std::optional<PythonEnvironment> environment = choose_python_environment(inputs, error);
	if (!environment)
		return false;

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
	// The program name decides sys.prefix, sys.executable and site-packages (getpath and site read
	// a venv's pyvenv.cfg beside it): never a bare "python3" searched on PATH, which may be another
	// installation (pyenv) whose standard library does not match this libpython.
	char *argv[] = {const_cast<char *>("")}; // sys.argv == [""], as in an interactive session
	const bool ok =
	    !failed(PyConfig_SetBytesString(&config, &config.program_name, environment->executable.c_str()),
	            "program name", error) &&
	    !failed(PyConfig_SetBytesArgv(&config, 1, argv), "argv", error) &&
	    !failed(Py_InitializeFromConfig(&config), "initialization", error);
	PyConfig_Clear(&config);
	if (!ok) {
		error += " (Python environment: " + describe(*environment) + python_variables() + ")";
		return false;
	}
	metacall_loader_log("info", "py loader: Python environment: %s%s; sys.prefix %s",
	                    describe(*environment).c_str(), python_variables().c_str(),
	                    sys_text("prefix").c_str());
	keep_thread_state(PyEval_SaveThread()); // callers take the GIL per call (gil.h)
	return true;
}

} // namespace

bool start_interpreter(bool host_mode, std::string &error) {
	if (Py_IsInitialized()) {
		// The host's, or ours from an earlier start (parked by destroy).
		if (host_mode) {
			GilScope gil;
			metacall_loader_log("info",
			                    "py loader: Python environment: the host's interpreter, as it started "
			                    "(sys.executable %s, sys.prefix %s); METACALL_PYTHON, VIRTUAL_ENV and PATH "
			                    "are not consulted",
			                    sys_text("executable").c_str(), sys_text("prefix").c_str());
		}
		return true;
	}
	if (host_mode) {
		error = "the process's CPython is no longer initialized (the host finalized it)";
		return false;
	}
	return initialize_own(error);
}

} // namespace py_loader
