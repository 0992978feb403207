// The three ways to load: files (a library and its headers), declarations in memory (resolved
// against the process), and a package (a library with its header beside it).
#ifndef C_LOADER_MODULE_LOADING_H
#define C_LOADER_MODULE_LOADING_H

#include "module.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace c_loader {

// `paths`: at most one shared library and any number of headers, in any order. Without a header,
// the one beside the library is read; without a library, the declarations are resolved against
// the process. Or: C sources (*.c, compiled together by TinyCC) and any headers, declaring the
// functions the sources define. Relative paths are looked up in `folders`, then the working
// directory; `folders` are also the compiler's include and library folders.
std::unique_ptr<Module> load_files(const std::vector<std::string> &paths,
                                   const std::vector<std::filesystem::path> &folders);

// `source` holds declarations, resolved against the process, or C source defining functions
// (compiled as a .c file would be); `name` stands for the file in messages. It ends at a NUL.
std::unique_ptr<Module> load_memory(std::string_view source, const std::string &name,
                                    const std::vector<std::filesystem::path> &folders);

// `path` names a shared library ("libfoo.so", "dir/libfoo.so") or a package ("foo": libfoo.so or
// foo.so in `folders`); its header is the one beside it, else one in `folders`.
std::unique_ptr<Module> load_package(const std::string &path,
                                     const std::vector<std::filesystem::path> &folders);

} // namespace c_loader

#endif
