#include "library_paths.h"

#include "load_error.h"

namespace c_loader {
namespace {

bool is_file(const std::filesystem::path &path) {
	std::error_code ignored;
	return std::filesystem::is_regular_file(path, ignored);
}

} // namespace

std::filesystem::path resolve_file(const std::string &name, const std::vector<std::filesystem::path> &folders,
                                   const char *what) {
	const std::filesystem::path given(name);
	if (given.is_absolute()) {
		if (is_file(given))
			return given;
		throw LoadError(std::string("cannot find the ") + what + " '" + name + "'");
	}
	std::vector<std::filesystem::path> tried = folders;
	std::error_code ignored;
	tried.push_back(std::filesystem::current_path(ignored));
	for (const std::filesystem::path &folder : tried)
		if (is_file(folder / given))
			return folder / given;
	std::string message = std::string("cannot find the ") + what + " '" + name + "'; folders tried:";
	for (std::size_t i = 0; i < tried.size(); ++i)
		message += (i == 0 ? " " : ", ") + tried[i].string();
	throw LoadError(message + " (the last is the working directory)");
}

bool is_library_name(const std::filesystem::path &path) {
	const std::string name = path.filename().string();
	const std::size_t so = name.rfind(".so");
	if (so == std::string::npos)
		return false;
	return so + 3 == name.size() || name.compare(so, 4, ".so.") == 0;
}

std::filesystem::path header_beside(const std::filesystem::path &library) {
	std::string stem = library.filename().string();
	if (stem.rfind("lib", 0) == 0)
		stem.erase(0, 3);
	if (const std::size_t so = stem.find(".so"); so != std::string::npos)
		stem.erase(so);
	const std::filesystem::path folder = library.parent_path();
	const std::filesystem::path candidates[] = {folder / (stem + ".h"), folder / ("lib" + stem + ".h")};
	for (const std::filesystem::path &candidate : candidates)
		if (is_file(candidate))
			return candidate;
	throw LoadError("no header describes the library '" + library.string() + "': tried " +
	                candidates[0].string() + " and " + candidates[1].string() +
	                " (or pass the headers to metacall_load_from_file beside the library)");
}

} // namespace c_loader
