// Which CPython the py loader runs on: the one the process already has, or libpython loaded now.
// Decided once per process. The relink module will generalise this detection; until then it lives
// here, in one place.
#ifndef PY_LOADER_PYTHON_RUNTIME_H
#define PY_LOADER_PYTHON_RUNTIME_H

namespace py_loader {

struct PythonRuntime {
	// The process had an initialized CPython before the loader started ("host mode"): the loader
	// uses it and never initializes or finalizes it. Otherwise the loader owns the interpreter.
	bool host = false;
};

// Finds the process's CPython (a Py_IsInitialized visible to dlsym(RTLD_DEFAULT)), or loads
// libpython with RTLD_NOW | RTLD_GLOBAL (METACALL_PYTHON_LIBRARY overrides the build's path), and
// checks that its version is the one the loader was built for. Logs the choice. The first answer
// is kept for the life of the process. Returns false after metacall_loader_error.
bool find_python_runtime(PythonRuntime &runtime);

} // namespace py_loader

#endif
