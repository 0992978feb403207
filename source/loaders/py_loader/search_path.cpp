#include "search_path.h"

#include "py_ref.h"

#include <algorithm>

namespace py_loader {
namespace {

std::filesystem::path absolute_folder(const std::filesystem::path &folder) {
	std::error_code error;
	std::filesystem::path absolute = std::filesystem::absolute(folder, error);
	if (error)
		absolute = folder;
	absolute = absolute.lexically_normal();
	// "dir/" and "dir" are the same folder: keep sys.path entries without the trailing slash.
	if (!absolute.has_filename() && absolute.has_parent_path() && absolute != absolute.root_path())
		absolute = absolute.parent_path();
	return absolute;
}

bool is_file(const std::filesystem::path &path) {
	std::error_code error;
	return std::filesystem::is_regular_file(path, error);
}

} // namespace

bool SearchPath::add_execution_path(const std::filesystem::path &folder) {
	const std::filesystem::path absolute = absolute_folder(folder);
	if (std::find(execution_paths_.begin(), execution_paths_.end(), absolute) == execution_paths_.end())
		execution_paths_.push_back(absolute);
	return add_to_sys_path(absolute);
}

bool SearchPath::add_to_sys_path(const std::filesystem::path &folder) {
	const std::string entry = absolute_folder(folder).string();
	PyObject *sys_path = PySys_GetObject("path"); // borrowed
	if (sys_path == nullptr || !PyList_Check(sys_path)) {
		PyErr_SetString(PyExc_RuntimeError, "sys.path is missing or not a list");
		return false;
	}
	PyRef text = PyRef::steal(PyUnicode_DecodeFSDefaultAndSize(entry.data(), entry.size()));
	if (!text)
		return false;
	const int present = PySequence_Contains(sys_path, text.get());
	if (present < 0)
		return false;
	if (present == 1)
		return true;
	if (PyList_Insert(sys_path, 0, text.get()) != 0)
		return false;
	added_.push_back(entry);
	return true;
}

std::optional<std::filesystem::path> SearchPath::resolve(const std::string &path) const {
	const std::filesystem::path given(path);
	std::vector<std::filesystem::path> candidates;
	if (given.is_absolute()) {
		candidates.push_back(given);
	} else {
		for (const std::filesystem::path &folder : execution_paths_)
			candidates.push_back(folder / given);
		candidates.push_back(absolute_folder(".") / given);
	}
	for (const std::filesystem::path &candidate : candidates) {
		if (is_file(candidate))
			return candidate.lexically_normal();
	}
	std::string searched;
	for (const std::filesystem::path &candidate : candidates)
		searched += (searched.empty() ? "" : ", ") + candidate.string();
	PyErr_Format(PyExc_FileNotFoundError, "cannot find the script '%s' (looked for %s)", path.c_str(),
	             searched.c_str());
	return std::nullopt;
}

bool SearchPath::is_below_added_folder(const std::string &file) const {
	return std::any_of(added_.begin(), added_.end(), [&](const std::string &folder) {
		return file.size() > folder.size() && file.compare(0, folder.size(), folder) == 0 &&
		       file[folder.size()] == '/';
	});
}

void SearchPath::remove_all() {
	PyObject *sys_path = PySys_GetObject("path");
	PyObject *importer_cache = PySys_GetObject("path_importer_cache");
	for (const std::string &entry : added_) {
		PyRef text = PyRef::steal(PyUnicode_DecodeFSDefaultAndSize(entry.data(), entry.size()));
		if (!text)
			break;
		if (sys_path != nullptr && PyList_Check(sys_path)) {
			for (Py_ssize_t i = PyList_GET_SIZE(sys_path) - 1; i >= 0; --i) {
				if (PyUnicode_Check(PyList_GET_ITEM(sys_path, i)) &&
				    PyUnicode_Compare(PyList_GET_ITEM(sys_path, i), text.get()) == 0)
					PyList_SetSlice(sys_path, i, i + 1, nullptr);
			}
		}
		if (importer_cache != nullptr && PyDict_Check(importer_cache) &&
		    PyDict_DelItem(importer_cache, text.get()) != 0)
			PyErr_Clear(); // not cached: nothing to forget
	}
	PyErr_Clear();
	added_.clear();
	execution_paths_.clear();
}

} // namespace py_loader
