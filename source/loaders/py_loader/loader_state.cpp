#include "loader_state.h"

#include "module_hooks.h"
#include "module_loader.h"

namespace py_loader {
namespace {

LoaderState *current_state = nullptr; // changed under the GIL only

} // namespace

LoaderState *LoaderState::current() {
	return current_state;
}

LoaderState::~LoaderState() {
	if (current_state == this)
		stop();
}

bool LoaderState::start() {
	if (current_state != nullptr) {
		PyErr_Format(PyExc_RuntimeError, "a py loader is already started in this process (tag '%s')",
		             current_state->tag_.c_str());
		return false;
	}
	modules_at_start_ = PyRef::steal(PySet_New(PyImport_GetModuleDict()));
	if (!modules_at_start_)
		return false;
	current_state = this;
	return true;
}

void LoaderState::stop() {
	auto modules = modules_.take_all();
	for (const auto &module : modules) // while the loop still runs: a hook may use it
		run_finalize_hooks(*module);
	async_loop_.stop(); // then: settling pending futures may still convert values
	functions_.release_all();
	objects_.release_all();
	attribute_names_.clear();
	for (const auto &module : modules)
		unload(*module);
	forget_imported_modules();
	search_path_.remove_all();
	future_class_.reset(); // objects still alive keep it
	current_state = nullptr;
	PyErr_Clear();
}

void LoaderState::forget_imported_modules() {
	PyObject *modules = PyImport_GetModuleDict();
	PyRef items = PyRef::steal(PyDict_Items(modules));
	for (Py_ssize_t i = 0; items && modules_at_start_ && i < PyList_GET_SIZE(items.get()); ++i) {
		PyObject *name = PyTuple_GET_ITEM(PyList_GET_ITEM(items.get(), i), 0);
		PyObject *module = PyTuple_GET_ITEM(PyList_GET_ITEM(items.get(), i), 1);
		if (PySet_Contains(modules_at_start_.get(), name) != 0)
			continue;
		PyRef file = PyRef::steal(PyObject_GetAttrString(module, "__file__"));
		const char *path = file && PyUnicode_Check(file.get()) ? PyUnicode_AsUTF8(file.get()) : nullptr;
		PyErr_Clear();
		if (path != nullptr && search_path_.is_below_added_folder(path))
			PyDict_DelItem(modules, name);
	}
	PyErr_Clear();
}

} // namespace py_loader
