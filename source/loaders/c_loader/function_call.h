// Calls a bound C function with values: the loader's invoke.
#ifndef C_LOADER_FUNCTION_CALL_H
#define C_LOADER_FUNCTION_CALL_H

#include "function_binding.h"

#include <cstddef>

namespace c_loader {

// Converts `args` (borrowed, `size` of them), calls the function and returns a new value: the
// result, null for void, or a throwable when an argument did not fit ("TypeError" or
// "RangeError" naming the parameter), when the result cannot be represented, or when a callback
// failed during the call. Takes no lock; allocates only the result for scalar calls. Runs the
// routine choose_invoker picked for the function.
void *call_function(const FunctionBinding &function, void *args[], std::size_t size);

// The call routine for `function`, by its signature: a typed one (typed_call.h) when there is
// one for it, else the generic routine for scalar, string and pointer parameters (fixed arrays on
// the stack, a direct call or libffi), else the one with a call frame (pairs, structs, callbacks).
Invoker choose_invoker(const FunctionBinding &function);

} // namespace c_loader

#endif
