// Call routines specialised, at compile time, for the commonest signatures: up to
// kTypedArguments parameters that are all `int`, all signed 64-bit integers or all `double`,
// returning one of those or void. A function of such a signature is called through a pointer of
// its exact C type (the platform's own calling convention, on every platform), and its call path
// has no loop over the signature and no switch on types: reading each value, the call, the result.
#ifndef C_LOADER_TYPED_CALL_H
#define C_LOADER_TYPED_CALL_H

#include "function_binding.h"

#include <cstddef>

namespace c_loader {

constexpr std::size_t kTypedArguments = 4;

// The routine for `function`'s signature, or nullptr when none is specialised for it. Chosen once,
// when the function is bound. The routine behaves exactly as the generic call path: the same
// argument checks and conversions (a value of another type goes through convert_or_error), the
// same errors and the same result values.
Invoker typed_invoker(const FunctionBinding &function);

} // namespace c_loader

#endif
