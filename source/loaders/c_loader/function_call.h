// Calls a bound C function with values: the loader's invoke.
#ifndef C_LOADER_FUNCTION_CALL_H
#define C_LOADER_FUNCTION_CALL_H

#include "function_binding.h"

#include <cstddef>

namespace c_loader {

// Converts `args` (borrowed, `size` of them), calls the function through libffi and returns a
// new value: the result, null for void, or a throwable when an argument did not fit ("TypeError"
// or "RangeError" naming the parameter), when the result cannot be represented, or when a
// callback failed during the call. Takes no lock; allocates only the result for scalar calls.
void *call_function(const FunctionBinding &function, void *args[], std::size_t size);

} // namespace c_loader

#endif
