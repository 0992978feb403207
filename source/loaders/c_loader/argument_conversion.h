// One value into the C argument(s) of one parameter, as its plan says.
#ifndef C_LOADER_ARGUMENT_CONVERSION_H
#define C_LOADER_ARGUMENT_CONVERSION_H

#include "call_frame.h"
#include "function_binding.h"

namespace c_loader {

// Fills the C argument(s) of `plan` in `frame` from `value` (borrowed: pointers into it are
// passed to C, so it must outlive the call). Returns false with `why` filled when the value does
// not fit the parameter.
bool convert_argument(const ParameterPlan &plan, void *value, CallFrame &frame, Mismatch &why);

// As convert_argument for the parameters of simple functions (scalar, string, pointer), which
// fill exactly one C argument and need no frame.
bool convert_simple_argument(const ParameterPlan &plan, void *value, Slot &slot, Mismatch &why);

} // namespace c_loader

#endif
