// The one exception type of the loader: a message for metacall_loader_error, complete as it is
// (what failed, on which file, line or name, and what was expected).
#ifndef C_LOADER_LOAD_ERROR_H
#define C_LOADER_LOAD_ERROR_H

#include <stdexcept>
#include <string>

namespace c_loader {

class LoadError : public std::runtime_error {
public:
	explicit LoadError(const std::string &message) : std::runtime_error(message) {}
};

} // namespace c_loader

#endif
