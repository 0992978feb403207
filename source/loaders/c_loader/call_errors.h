// The throwables a call returns instead of calling the function: a wrong argument count, an
// argument that does not fit its parameter. Shared by every call routine (function_call.cpp,
// typed_call.cpp) and kept out of line, so that the call paths only branch to them.
#ifndef C_LOADER_CALL_ERRORS_H
#define C_LOADER_CALL_ERRORS_H

#include "function_binding.h"
#include "scalar_conversion.h"

#include <cstddef>

namespace c_loader {

// A TypeError: `function` expects its parameter count, got `size` arguments.
[[gnu::cold]] void *count_error(const FunctionBinding &function, std::size_t size);

// The throwable `why` describes, naming the function and parameter `index`.
[[gnu::cold]] void *argument_error(const FunctionBinding &function, std::size_t index, const Mismatch &why);

// Converts argument `index` (`arg`), which is not of its parameter's exact type, into `slot`:
// nullptr when it fits, else the throwable to return (see argument_error). For scalar, string and
// pointer parameters.
[[gnu::noinline]] void *convert_or_error(const FunctionBinding &function, std::size_t index, void *arg,
                                         Slot &slot);

} // namespace c_loader

#endif
