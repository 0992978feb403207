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

namespace {

// "libfoo.so.1" -> "foo"
std::string library_stem(const std::filesystem::path &library) {
	std::string stem = library.filename().string();
	if (stem.rfind("lib", 0) == 0)
		stem.erase(0, 3);
	if (const std::size_t so = stem.find(".so"); so != std::string::npos)
		stem.erase(so);
	return stem;
}

std::string list(const std::vector<std::filesystem::path> &paths) {
	std::string text;
	for (std::size_t i = 0; i < paths.size(); ++i)
		text += (i == 0 ? "" : i + 1 == paths.size() ? " and " : ", ") + paths[i].string();
	return text;
}

} // namespace

std::filesystem::path header_beside(const std::filesystem::path &library) {
	const std::string stem = library_stem(library);
	const std::filesystem::path folder = library.parent_path();
	const std::filesystem::path candidates[] = {folder / (stem + ".h"), folder / ("lib" + stem + ".h")};
	for (const std::filesystem::path &candidate : candidates)
		if (is_file(candidate))
			return candidate;
	throw LoadError("no header describes the library '" + library.string() + "': tried " +
	                candidates[0].string() + " and " + candidates[1].string() +
	                " (or pass the headers to metacall_load_from_file beside the library)");
}

bool is_source_name(const std::filesystem::path &path) {
	return path.extension() == ".c";
}

std::filesystem::path resolve_package(const std::string &name,
                                      const std::vector<std::filesystem::path> &folders) {
	if (is_library_name(name))
		return resolve_file(name, folders, "library");
	const std::filesystem::path given(name);
	const std::filesystem::path base = given.filename();
	if (base.empty() || name.find('\0') != std::string::npos)
		throw LoadError("'" + name +
		                "' does not name a package (expected a name such as 'foo', for libfoo.so)");
	const std::filesystem::path relatives[] = {given.parent_path() / ("lib" + base.string() + ".so"),
	                                           given.parent_path() / (base.string() + ".so")};
	std::vector<std::filesystem::path> tried;
	if (given.is_absolute()) {
		tried.assign(std::begin(relatives), std::end(relatives));
	} else {
		std::vector<std::filesystem::path> roots = folders;
		std::error_code ignored;
		roots.push_back(std::filesystem::current_path(ignored));
		for (const std::filesystem::path &root : roots)
			for (const std::filesystem::path &relative : relatives)
				tried.push_back(root / relative);
	}
	for (const std::filesystem::path &candidate : tried)
		if (is_file(candidate))
			return candidate;
	throw LoadError("cannot find the library of the package '" + name + "': tried " + list(tried) +
	                (given.is_absolute() ? "" : " (the execution paths, then the working directory)"));
}

std::filesystem::path package_header(const std::filesystem::path &library,
                                     const std::vector<std::filesystem::path> &folders) {
	const std::string stem = library_stem(library);
	std::vector<std::filesystem::path> tried{library.parent_path() / (stem + ".h"),
	                                         library.parent_path() / ("lib" + stem + ".h")};
	for (const std::filesystem::path &folder : folders) {
		tried.push_back(folder / (stem + ".h"));
		tried.push_back(folder / ("lib" + stem + ".h"));
	}
	for (const std::filesystem::path &candidate : tried)
		if (is_file(candidate))
			return candidate;
	throw LoadError("no header describes the library '" + library.string() + "': tried " + list(tried) +
	                " (or load the library and its headers with metacall_load_from_file)");
}

} // namespace c_loader
