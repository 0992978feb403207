// What one load brought in: the bound functions of one library (or of the process).
#ifndef C_LOADER_MODULE_H
#define C_LOADER_MODULE_H

#include "function_binding.h"

#include <memory>
#include <vector>

namespace c_loader {

struct Module {
	// Shared: the core's references keep a function (and so its library) alive after a clear.
	std::vector<std::shared_ptr<const FunctionBinding>> functions;
};

} // namespace c_loader

#endif
