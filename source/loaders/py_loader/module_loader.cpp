#include "module_loader.h"

#include "loader_state.h"

#include <metacall/metacall_loader.h>

#include <algorithm>
#include <filesystem>
#include <vector>

namespace py_loader {
namespace {

namespace fs = std::filesystem;

PyRef text(const std::string &value) {
	return PyRef::steal(PyUnicode_DecodeFSDefaultAndSize(value.data(), value.size()));
}

bool has_init(const fs::path &folder) {
	std::error_code error;
	return fs::is_regular_file(folder / "__init__.py", error);
}

// Whether `name` may be (re)bound in sys.modules: it is free, or held by a module of this loader.
// False with no error when another module holds it; false with an error when sys.modules fails.
bool may_register(LoaderState &state, const std::string &name, bool &failed) {
	failed = false;
	PyObject *modules = PyImport_GetModuleDict(); // borrowed
	PyObject *previous = PyDict_GetItemWithError(modules, text(name).get());
	if (previous == nullptr) {
		failed = PyErr_Occurred() != nullptr;
		return !failed;
	}
	if (state.modules().is_loaded(previous))
		return true;
	metacall_loader_log(
	    "warn",
	    "py loader: sys.modules already has a module '%s' the loader did not load; the new one "
	    "runs without replacing it",
	    name.c_str());
	return false;
}

// Runs `body` with `module` registered as sys.modules[name] when `registered`; on failure the
// previous entry comes back.
template <typename Body>
bool run_registered(const std::string &name, PyObject *module, bool registered, Body body) {
	PyObject *modules = PyImport_GetModuleDict();
	PyRef key = text(name);
	if (!key)
		return false;
	PyRef previous = PyRef::borrow(PyDict_GetItemWithError(modules, key.get()));
	if (registered && PyDict_SetItem(modules, key.get(), module) != 0)
		return false;
	if (body())
		return true;
	if (registered) {
		PyObject *type, *value, *traceback; // the failure is the one to report
		PyErr_Fetch(&type, &value, &traceback);
		if (previous)
			PyDict_SetItem(modules, key.get(), previous.get());
		else if (PyDict_DelItem(modules, key.get()) != 0)
			PyErr_Clear();
		PyErr_Restore(type, value, traceback);
	}
	return false;
}

// Imports the file `path` as the module `name` (importlib's SourceFileLoader, without importing
// importlib.util: the frozen bootstrap modules export the same functions).
bool import_file(LoaderState &state, const std::string &name, const fs::path &path, LoadedModule &out) {
	PyRef external = PyRef::steal(PyImport_ImportModule("_frozen_importlib_external"));
	PyRef bootstrap = PyRef::steal(PyImport_ImportModule("_frozen_importlib"));
	PyRef name_text = text(name);
	PyRef path_text = text(path.string());
	if (!external || !bootstrap || !name_text || !path_text)
		return false;
	PyRef loader = PyRef::steal(
	    PyObject_CallMethod(external.get(), "SourceFileLoader", "OO", name_text.get(), path_text.get()));
	PyRef spec_from_file = PyRef::steal(PyObject_GetAttrString(external.get(), "spec_from_file_location"));
	PyRef positional = PyRef::steal(PyTuple_Pack(2, name_text.get(), path_text.get()));
	PyRef keywords = PyRef::steal(loader ? Py_BuildValue("{sO}", "loader", loader.get()) : nullptr);
	PyRef spec = PyRef::steal(spec_from_file && positional && keywords
	                              ? PyObject_Call(spec_from_file.get(), positional.get(), keywords.get())
	                              : nullptr);
	PyRef module = PyRef::steal(
	    spec ? PyObject_CallMethod(bootstrap.get(), "module_from_spec", "O", spec.get()) : nullptr);
	if (!module)
		return false;
	bool failed = false;
	const bool registered = may_register(state, name, failed);
	if (failed)
		return false;
	const bool ran = run_registered(name, module.get(), registered, [&] {
		return PyRef::steal(PyObject_CallMethod(loader.get(), "exec_module", "O", module.get())).get() !=
		       nullptr;
	});
	if (!ran)
		return false;
	out = LoadedModule{std::move(module), name, registered, false};
	return true;
}

// Imports the module `name` (through sys.path: the execution paths first). Its functions are those
// defined under its own __name__ (os.path is posixpath); it leaves sys.modules on unload only when
// this import put it there.
bool import_module(const std::string &name, LoadedModule &out) {
	PyRef key = text(name);
	if (!key)
		return false;
	const int present = PyDict_Contains(PyImport_GetModuleDict(), key.get());
	if (present < 0)
		return false;
	PyRef module = PyRef::steal(PyImport_ImportModule(name.c_str()));
	if (!module)
		return false;
	std::string own_name = name;
	PyRef dunder = PyRef::steal(PyObject_GetAttrString(module.get(), "__name__"));
	const char *dunder_text =
	    dunder && PyUnicode_Check(dunder.get()) ? PyUnicode_AsUTF8(dunder.get()) : nullptr;
	if (dunder_text != nullptr)
		own_name = dunder_text;
	PyErr_Clear();
	out = LoadedModule{std::move(module), own_name, present == 0 && own_name == name, true};
	return true;
}

// A name that may be a module's ("json", "os.path"): dotted identifiers, and not a script's name.
bool is_module_name(const std::string &name) {
	if (name.empty() || (name.size() > 3 && name.compare(name.size() - 3, 3, ".py") == 0))
		return false;
	for (size_t start = 0; start <= name.size();) {
		const size_t end = std::min(name.find('.', start), name.size());
		PyRef part = text(name.substr(start, end - start));
		if (!part || !PyUnicode_IsIdentifier(part.get())) {
			PyErr_Clear();
			return false;
		}
		start = end + 1;
	}
	return true;
}

// `name` was found as no script (the FileNotFoundError of that search is set): MetaCall then loads
// the module of that name, and so do we. When there is none either, the error names both tries.
bool import_instead(const std::string &name, LoadedModule &out) {
	if (!is_module_name(name))
		return false;
	PyObject *type, *value, *traceback;
	PyErr_Fetch(&type, &value, &traceback);
	PyRef not_a_file = PyRef::steal(value);
	Py_XDECREF(type);
	Py_XDECREF(traceback);
	if (import_module(name, out))
		return true;
	if (!PyErr_ExceptionMatches(PyExc_ModuleNotFoundError))
		return false; // the module is there and failed: that is the error to report
	PyObject *import_type, *import_value, *import_traceback;
	PyErr_Fetch(&import_type, &import_value, &import_traceback);
	PyErr_NormalizeException(&import_type, &import_value, &import_traceback);
	PyRef import_error = PyRef::steal(import_value);
	Py_XDECREF(import_type);
	Py_XDECREF(import_traceback);
	PyRef missing = PyRef::steal(PyObject_GetAttrString(import_error.get(), "name"));
	const char *missing_name =
	    missing && PyUnicode_Check(missing.get()) ? PyUnicode_AsUTF8(missing.get()) : "";
	PyErr_Clear();
	const std::string absent = missing_name != nullptr ? missing_name : "";
	if (absent != name && name.rfind(absent + ".", 0) != 0) { // the module is there; an import of its failed
		PyErr_SetObject(reinterpret_cast<PyObject *>(Py_TYPE(import_error.get())), import_error.get());
		return false;
	}
	PyErr_Format(PyExc_ModuleNotFoundError, "%S; nor is '%s' a module to import (%S)", not_a_file.get(),
	             name.c_str(), import_error.get());
	return false;
}

// Loads one file: as "pkg.sub.stem" inside package folders, else as "stem"; a name that is no
// file, as the module of that name.
bool load_file(LoaderState &state, const std::string &given, LoadedModule &out) {
	const auto found = state.search_path().resolve(given);
	if (!found)
		return import_instead(given, out);
	const fs::path &path = *found;     // absolute: execution paths and the working directory are
	std::vector<std::string> packages; // outermost first
	fs::path root = path.parent_path();
	while (has_init(root) && root.has_parent_path() && root != root.root_path()) {
		packages.insert(packages.begin(), root.filename().string());
		root = root.parent_path();
	}
	if (!state.search_path().add_to_sys_path(root))
		return false;
	// As for a script Python runs: its own folder comes first, inside a package too, so that
	// `from sibling import name` finds the file next to it (MetaCall's loader does the same).
	if (!packages.empty() && !state.search_path().add_to_sys_path(path.parent_path()))
		return false;
	std::string package;
	for (const std::string &part : packages)
		package += (package.empty() ? "" : ".") + part;
	PyRef parent;
	if (!package.empty()) {
		parent = PyRef::steal(PyImport_ImportModule(package.c_str()));
		if (!parent)
			return false;
	}
	const std::string stem = path.stem().string();
	if (!import_file(state, package.empty() ? stem : package + "." + stem, path, out))
		return false;
	// As the import system does: a submodule is an attribute of its package.
	if (parent && PyObject_SetAttrString(parent.get(), stem.c_str(), out.module.get()) != 0)
		PyErr_Clear();
	return true;
}

} // namespace

std::unique_ptr<Module> load_files(LoaderState &state, const char *const paths[], std::size_t size) {
	auto module = std::make_unique<Module>();
	for (std::size_t i = 0; i < size; ++i) {
		LoadedModule part;
		if (!load_file(state, paths[i], part)) {
			PyObject *type, *value, *traceback;
			PyErr_Fetch(&type, &value, &traceback);
			unload(*module);
			PyErr_Restore(type, value, traceback);
			return nullptr;
		}
		module->parts.push_back(std::move(part));
	}
	return module;
}

std::unique_ptr<Module> load_memory(LoaderState &state, const std::string &name, std::string_view source) {
	PyRef module = PyRef::steal(PyModule_New(name.c_str()));
	if (!module)
		return nullptr;
	PyObject *globals = PyModule_GetDict(module.get()); // borrowed
	if (PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins()) != 0)
		return nullptr;
	// The compiler reads a NUL-terminated string: one inside the source would end it there, and
	// what follows would be missing without a word.
	if (const size_t nul = source.find('\0'); nul != std::string_view::npos) {
		PyErr_Format(PyExc_ValueError, "the source of %s contains a NUL byte at offset %zu", name.c_str(),
		             nul);
		return nullptr;
	}
	const std::string code_text(source);
	const std::string file = "<" + name + ">";
	PyRef code =
	    PyRef::steal(Py_CompileStringExFlags(code_text.c_str(), file.c_str(), Py_file_input, nullptr, -1));
	if (!code)
		return nullptr;
	bool failed = false;
	const bool registered = may_register(state, name, failed);
	if (failed)
		return nullptr;
	const bool ran = run_registered(name, module.get(), registered, [&] {
		return PyRef::steal(PyEval_EvalCode(code.get(), globals, globals)).get() != nullptr;
	});
	if (!ran)
		return nullptr;
	auto loaded = std::make_unique<Module>();
	loaded->parts.push_back(LoadedModule{std::move(module), name, registered, false});
	return loaded;
}

std::unique_ptr<Module> load_package(LoaderState &state, const std::string &given) {
	std::string name = given;
	if (given.find('/') != std::string::npos) { // a path: its folder goes on sys.path
		fs::path path = fs::path(given).lexically_normal();
		if (!path.has_filename())
			path = path.parent_path();
		std::error_code error;
		const fs::path absolute = fs::absolute(path, error);
		if (!state.search_path().add_to_sys_path((error ? path : absolute).parent_path()))
			return nullptr;
		name = path.filename().string();
	}
	LoadedModule part;
	if (!import_module(name, part))
		return nullptr;
	auto loaded = std::make_unique<Module>();
	loaded->parts.push_back(std::move(part));
	return loaded;
}

void unload(const Module &module) {
	PyObject *modules = PyImport_GetModuleDict();
	for (const LoadedModule &part : module.parts) {
		if (!part.registered)
			continue;
		PyRef key = text(part.name);
		if (key && PyDict_GetItemWithError(modules, key.get()) == part.module.get())
			PyDict_DelItem(modules, key.get());
		if (!part.package)
			continue;
		const std::string prefix = part.name + ".";
		PyRef keys = PyRef::steal(PyDict_Keys(modules));
		for (Py_ssize_t i = 0; keys && i < PyList_GET_SIZE(keys.get()); ++i) {
			PyObject *submodule = PyList_GET_ITEM(keys.get(), i);
			const char *name = PyUnicode_Check(submodule) ? PyUnicode_AsUTF8(submodule) : nullptr;
			if (name != nullptr && std::string_view(name).substr(0, prefix.size()) == prefix)
				PyDict_DelItem(modules, submodule);
		}
	}
	PyErr_Clear();
}

} // namespace py_loader
