// Finding what a load names: relative paths against the execution paths, and the header that
// describes a library when only the library is given.
#ifndef C_LOADER_LIBRARY_PATHS_H
#define C_LOADER_LIBRARY_PATHS_H

#include <filesystem>
#include <string>
#include <vector>

namespace c_loader {

// `name` as a file: an absolute path as it is; a relative one in the first of `folders`, then the
// working directory, that has it. Throws LoadError naming `name` (a `what`: "library", "header")
// and every folder tried.
std::filesystem::path resolve_file(const std::string &name, const std::vector<std::filesystem::path> &folders,
                                   const char *what);

// Names a shared library: "libfoo.so", "libfoo.so.1".
bool is_library_name(const std::filesystem::path &path);

// The header beside `library`: "<stem>.h" or "lib<stem>.h" in its folder, where the stem is the
// file name without a "lib" prefix and the ".so" suffix. Throws LoadError naming both paths.
std::filesystem::path header_beside(const std::filesystem::path &library);

} // namespace c_loader

#endif
