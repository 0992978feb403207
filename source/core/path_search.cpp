#include "path_search.h"

#include "loader.h"

#include <filesystem>

namespace metacall_core {
namespace fs = std::filesystem;

std::string find_script(const Loader &loader, const std::string &name) {
	const fs::path given(name);
	if (name.empty() || given.is_absolute())
		return name;
	std::error_code error;
	const fs::path here = fs::current_path(error);
	if (!error && fs::is_regular_file(here / given, error))
		return (here / given).lexically_normal().string();
	for (const std::string &folder : loader.execution_paths()) {
		const fs::path candidate = fs::path(folder) / given;
		if (fs::is_regular_file(candidate, error))
			return candidate.lexically_normal().string();
	}
	return name;
}

} // namespace metacall_core
