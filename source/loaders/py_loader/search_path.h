// Where scripts and modules are found: the execution paths (metacall_execution_path) and the
// folders of loaded scripts, all put at the front of sys.path. Everything added is taken out again
// by remove_all (destroy), so a later start begins from the interpreter's own sys.path.
// Used under the GIL.
#ifndef PY_LOADER_SEARCH_PATH_H
#define PY_LOADER_SEARCH_PATH_H

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace py_loader {

class SearchPath {
public:
	// An execution path: searched by resolve() and put on sys.path. False with a Python error set.
	bool add_execution_path(const std::filesystem::path &folder);
	// Puts `folder` at the front of sys.path unless it is there already. False with a Python error set.
	bool add_to_sys_path(const std::filesystem::path &folder);

	// The script `path`: as given when absolute; else the first execution path holding it, else the
	// working directory. nullopt when none has it, with a Python FileNotFoundError set.
	std::optional<std::filesystem::path> resolve(const std::string &path) const;

	// `file` lies below one of the folders this loader put on sys.path.
	bool is_below_added_folder(const std::string &file) const;

	// Takes every folder added back out of sys.path and sys.path_importer_cache.
	void remove_all();

private:
	std::vector<std::filesystem::path> execution_paths_;
	std::vector<std::string> added_; // the sys.path entries this loader inserted
};

} // namespace py_loader

#endif
