#include "discovery.h"

#include "loader_state.h"
#include "py_ref.h"
#include "python_objects.h"
#include "signature.h"

#include <string_view>
#include <vector>

namespace py_loader {
namespace {

bool is_dunder(std::string_view name) {
	return name.size() > 4 && name.substr(0, 2) == "__" && name.substr(name.size() - 2) == "__";
}

// `function` was defined by the module `module_name` (or, for a package, inside it).
bool defined_in(PyObject *function, const std::string &module_name, bool package) {
	PyRef owner = PyRef::steal(PyObject_GetAttrString(function, "__module__"));
	const char *owner_name = owner && PyUnicode_Check(owner.get()) ? PyUnicode_AsUTF8(owner.get()) : nullptr;
	PyErr_Clear();
	if (owner_name == nullptr)
		return false;
	const std::string_view name(owner_name);
	return name == module_name ||
	       (package && name.size() > module_name.size() &&
	        name.substr(0, module_name.size()) == module_name && name[module_name.size()] == '.');
}

// What the module gives for `value`: a function, a class or an object (see discovery.h);
// METACALL_INVALID for what it leaves out.
enum metacall_value_id kind_of(PyObject *value, const LoadedModule &part) {
	if (PyFunction_Check(value) || PyCFunction_Check(value))
		return defined_in(value, part.name, part.package) ? METACALL_FUNCTION : METACALL_INVALID;
	if (PyType_Check(value) && is_python_class(reinterpret_cast<PyTypeObject *>(value)))
		return defined_in(value, part.name, part.package) ? METACALL_CLASS : METACALL_INVALID;
	if (is_python_instance(value) &&
	    defined_in(reinterpret_cast<PyObject *>(Py_TYPE(value)), part.name, part.package))
		return METACALL_OBJECT;
	return METACALL_INVALID;
}

int discover_part(LoaderState &state, const LoadedModule &part, metacall_loader_define define, void *scope) {
	PyRef namespace_dict = PyRef::steal(PyObject_GetAttrString(part.module.get(), "__dict__"));
	if (!namespace_dict || !PyDict_Check(namespace_dict.get())) {
		PyErr_Format(PyExc_TypeError, "module '%s' has no __dict__", part.name.c_str());
		return 1;
	}
	PyRef items = PyRef::steal(PyDict_Items(namespace_dict.get())); // a snapshot, in definition order
	if (!items)
		return 1;
	std::vector<const char *> names;
	for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items.get()); ++i) {
		PyObject *key = PyTuple_GET_ITEM(PyList_GET_ITEM(items.get(), i), 0);
		PyObject *value = PyTuple_GET_ITEM(PyList_GET_ITEM(items.get(), i), 1);
		const char *name = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : nullptr;
		if (name == nullptr) {
			PyErr_Clear();
			continue;
		}
		if (is_dunder(name))
			continue;
		const enum metacall_value_id kind = kind_of(value, part);
		if (kind == METACALL_CLASS || kind == METACALL_OBJECT) {
			void *defined = python_object_value(value, kind, state);
			// The core takes the value, also when it refuses it.
			if (defined == nullptr || metacall_loader_define_value(scope, name, defined) != 0)
				return 1;
			continue;
		}
		if (kind != METACALL_FUNCTION)
			continue;
		const Signature signature = signature_of(value, name);
		FunctionRef *ref = state.functions().add(value);
		const metacall_loader_function description = describe(signature, ref, names);
		// From here the core owns `ref`: it calls function_release for it, even when it refuses it.
		if (define(scope, &description) != 0)
			return 1;
	}
	return 0;
}

} // namespace

int discover_module(LoaderState &state, const Module &module, metacall_loader_define define, void *scope) {
	for (const LoadedModule &part : module.parts) {
		if (discover_part(state, part, define, scope) != 0)
			return 1;
	}
	return 0;
}

} // namespace py_loader
