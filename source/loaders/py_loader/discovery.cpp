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

// The folder of the module's file, or empty (a module from memory, a builtin).
std::string folder_of(PyObject *module) {
	PyRef file = PyRef::steal(PyObject_GetAttrString(module, "__file__"));
	const char *path = file && PyUnicode_Check(file.get()) ? PyUnicode_AsUTF8(file.get()) : nullptr;
	PyErr_Clear();
	if (path == nullptr)
		return {};
	const std::string text(path);
	const size_t slash = text.rfind('/');
	return slash == std::string::npos ? std::string() : text.substr(0, slash);
}

// The module was loaded from a file named __init__.py.
bool is_package_init(PyObject *module) {
	PyRef file = PyRef::steal(PyObject_GetAttrString(module, "__file__"));
	const char *path = file && PyUnicode_Check(file.get()) ? PyUnicode_AsUTF8(file.get()) : nullptr;
	PyErr_Clear();
	const std::string_view text = path != nullptr ? path : "";
	return text.size() >= 12 && text.substr(text.size() - 12) == "/__init__.py";
}

// `function` comes from a script in the folder `folder` (a sibling the package's __init__.py
// imported: `from auth import encrypt` re-exports auth.py's encrypt).
bool from_folder(PyObject *function, const std::string &folder) {
	if (folder.empty())
		return false;
	PyRef owner = PyRef::steal(PyObject_GetAttrString(function, "__module__"));
	PyObject *module = owner && PyUnicode_Check(owner.get())
	                       ? PyDict_GetItemWithError(PyImport_GetModuleDict(), owner.get())
	                       : nullptr; // borrowed
	PyErr_Clear();
	return module != nullptr && folder_of(module) == folder;
}

// The names in the module's `__all__` (its declared public names), or none.
std::vector<std::string> public_names(PyObject *module) {
	std::vector<std::string> names;
	PyRef all = PyRef::steal(PyObject_GetAttrString(module, "__all__"));
	PyRef list = PyRef::steal(all ? PySequence_List(all.get()) : nullptr);
	PyErr_Clear();
	for (Py_ssize_t i = 0; list && i < PyList_GET_SIZE(list.get()); ++i)
		if (const char *name = PyUnicode_Check(PyList_GET_ITEM(list.get(), i))
		                           ? PyUnicode_AsUTF8(PyList_GET_ITEM(list.get(), i))
		                           : nullptr)
			names.emplace_back(name);
	PyErr_Clear();
	return names;
}

// What the module exports beyond what it defines: the names of its `__all__`, and for a package's
// __init__.py loaded as a script, the functions of the scripts in its folder that it imported (the
// package's API, by Python's convention).
struct Reexports {
	std::vector<std::string> listed;
	std::string folder;

	bool has(PyObject *function, const char *name) const {
		for (const std::string &entry : listed)
			if (entry == name)
				return true;
		return from_folder(function, folder);
	}
};

// What the module gives for `value`: a function, a class or an object (see discovery.h);
// METACALL_INVALID for what it leaves out.
enum metacall_value_id kind_of(PyObject *value, const char *name, const LoadedModule &part,
                               const Reexports &reexports) {
	if (PyFunction_Check(value) || PyCFunction_Check(value))
		return defined_in(value, part.name, part.package) || reexports.has(value, name) ? METACALL_FUNCTION
		                                                                                : METACALL_INVALID;
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
	// Not for other scripts: main.py's `from helpers import f` would give f twice when helpers.py is
	// loaded too; nor for modules imported by name (os imports from posixpath what it does not export).
	const std::string folder = folder_of(part.module.get());
	const bool init = !part.package && is_package_init(part.module.get());
	const Reexports reexports{public_names(part.module.get()), init ? folder : std::string()};
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
		const enum metacall_value_id kind = kind_of(value, name, part, reexports);
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
