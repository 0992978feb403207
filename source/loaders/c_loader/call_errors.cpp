#include "call_errors.h"

#include "argument_conversion.h"

#include <metacall/metacall.h>

namespace c_loader {

void *count_error(const FunctionBinding &function, std::size_t size) {
	return metacall_error_throw("TypeError", 0, nullptr, "function '%s' expects %zu arguments, got %zu",
	                            function.name().c_str(), function.parameters().size(), size);
}

void *argument_error(const FunctionBinding &function, std::size_t index, const Mismatch &why) {
	const ParameterPlan &param = function.parameters()[index];
	return metacall_error_throw(why.label, 0, nullptr, "function '%s' parameter %zu ('%s'): %s",
	                            function.name().c_str(), index, param.name.c_str(), why.message.c_str());
}

// The common case never builds a Mismatch: only values of another type come here.
void *convert_or_error(const FunctionBinding &function, std::size_t index, void *arg, Slot &slot) {
	Mismatch why;
	return convert_simple_argument(function.parameters()[index], arg, slot, why)
	           ? nullptr
	           : argument_error(function, index, why);
}

} // namespace c_loader
