// Where a script or package named by the host is on disk.
#ifndef MOCK_PATHS_H
#define MOCK_PATHS_H

#include <filesystem>
#include <string>
#include <vector>

namespace mock {

enum class Entry { file, directory };

// Resolves `name`: an absolute path as it is; a relative one against each of `folders` in order,
// then the working directory. Throws mock::Error naming `name` and every folder tried.
std::filesystem::path resolve(const std::string &name, const std::vector<std::filesystem::path> &folders,
                              Entry entry);

} // namespace mock

#endif
