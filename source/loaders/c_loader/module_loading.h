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
// the process. Relative paths are looked up in `folders`, then the working directory.
std::unique_ptr<Module> load_files(const std::vector<std::string> &paths,
                                   const std::vector<std::filesystem::path> &folders);

// `source` holds declarations only; `name` stands for the file in messages.
std::unique_ptr<Module> load_memory(std::string_view source, const std::string &name);

// `path` names a shared library; its header is the one beside it.
std::unique_ptr<Module> load_package(const std::string &path,
                                     const std::vector<std::filesystem::path> &folders);

} // namespace c_loader

#endif
