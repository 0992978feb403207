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

// Names a C source: "foo.c".
bool is_source_name(const std::filesystem::path &path);

// A package name as MetaCall resolves it: "foo" (or "dir/foo") is the first of "lib<foo>.so" and
// "<foo>.so" (in "dir") found in `folders`, then the working directory; an absolute "/dir/foo" is
// looked for in /dir. A name that is a library's file name ("libfoo.so") is resolve_file()'s.
// Throws LoadError naming every path tried.
std::filesystem::path resolve_package(const std::string &name,
                                      const std::vector<std::filesystem::path> &folders);

// The header of a package's library: the one beside it (header_beside), else "<stem>.h" or
// "lib<stem>.h" in one of `folders` (headers installed apart from libraries, as in /usr/local/include
// and /usr/local/lib). Throws LoadError naming every path tried.
std::filesystem::path package_header(const std::filesystem::path &library,
                                     const std::vector<std::filesystem::path> &folders);

} // namespace c_loader

#endif
