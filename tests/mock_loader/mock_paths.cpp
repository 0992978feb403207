// Resolution of script and package names against the execution paths.
#include "mock_paths.h"

#include "mock_script.h"

namespace mock {
namespace {

bool exists_as(const std::filesystem::path &path, Entry entry) {
	std::error_code ignored;
	return entry == Entry::file ? std::filesystem::is_regular_file(path, ignored)
	                            : std::filesystem::is_directory(path, ignored);
}

} // namespace

std::filesystem::path resolve(const std::string &name, const std::vector<std::filesystem::path> &folders,
                              Entry entry) {
	const char *what = entry == Entry::file ? "script" : "package";
	const std::filesystem::path given(name);
	if (given.is_absolute()) {
		if (exists_as(given, entry))
			return given;
		throw Error(std::string("cannot find ") + what + " '" + name + "' (absolute path)");
	}
	std::vector<std::filesystem::path> tried = folders;
	std::error_code ignored;
	tried.push_back(std::filesystem::current_path(ignored));
	for (const std::filesystem::path &folder : tried) {
		if (exists_as(folder / given, entry))
			return folder / given;
	}
	std::string message = std::string("cannot find ") + what + " '" + name + "'; folders tried:";
	for (std::size_t i = 0; i < tried.size(); ++i)
		message += (i == 0 ? " " : ", ") + tried[i].string();
	throw Error(message + " (the last is the working directory)");
}

} // namespace mock
