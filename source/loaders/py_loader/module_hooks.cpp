#include "module_hooks.h"

#include "exceptions.h"

#include <metacall/metacall_loader.h>

#include <string>

namespace py_loader {
namespace {

constexpr const char kInitialize[] = "__metacall_initialize__";
constexpr const char kFinalize[] = "__metacall_finalize__";

// Calls `module.<name>()` when the module defines it. False with the Python error set when the
// call raises or returns a non-zero int; a hook returning None (or anything not an int) succeeded.
bool call_hook(PyObject *module, const char *name, const std::string &module_name) {
	PyObject *dict = PyModule_Check(module) ? PyModule_GetDict(module) : nullptr;  // borrowed
	PyObject *hook = dict != nullptr ? PyDict_GetItemString(dict, name) : nullptr; // borrowed
	if (hook == nullptr || !PyCallable_Check(hook))
		return true;
	PyRef result = PyRef::steal(PyObject_CallNoArgs(hook));
	if (!result)
		return false;
	if (PyLong_Check(result.get()) && !PyBool_Check(result.get())) {
		const long status = PyLong_AsLong(result.get());
		if (status == -1 && PyErr_Occurred())
			return false;
		if (status != 0) {
			PyErr_Format(PyExc_RuntimeError, "%s() of module '%s' returned %ld (0 means success)", name,
			             module_name.c_str(), status);
			return false;
		}
	}
	return true;
}

} // namespace

bool run_initialize_hooks(const Module &module) {
	for (const LoadedModule &part : module.parts)
		if (!call_hook(part.module.get(), kInitialize, part.name))
			return false;
	return true;
}

void run_finalize_hooks(const Module &module) {
	// In reverse: the last file loaded may depend on the ones before it.
	for (auto part = module.parts.rbegin(); part != module.parts.rend(); ++part)
		if (!call_hook(part->module.get(), kFinalize, part->name))
			metacall_loader_log("warn", "py loader: %s of module '%s' failed: %s", kFinalize,
			                    part->name.c_str(), describe_error().c_str());
}

} // namespace py_loader
