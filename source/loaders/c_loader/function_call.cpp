#include "function_call.h"

#include <metacall/metacall_loader.h>

#include "argument_conversion.h"
#include "call_errors.h"
#include "call_frame.h"
#include "typed_call.h"

#include <metacall/metacall.h>

#include <cstdint>
#include <cstring>
#include <new>

namespace c_loader {
namespace {

void *result_value(const FunctionBinding &function, Slot &result) {
	switch (function.result_kind()) {
	case ResultKind::none:
		return metacall_value_create_null();
	case ResultKind::scalar: {
		narrow_return(function.result_scalar(), result);
		if (void *value = value_of_scalar(function.result_scalar(), &result))
			return value;
		return metacall_error_throw("RangeError", 0, nullptr,
		                            "function '%s' returned %llu (%s), above the largest Long; no metacall "
		                            "integer holds it",
		                            function.name().c_str(), static_cast<unsigned long long>(result.u64),
		                            function.result_spelling().c_str());
	}
	case ResultKind::string: // copied: the value never owns C memory
		if (result.p == nullptr)
			return metacall_value_create_null();
		return metacall_value_create_string(static_cast<const char *>(result.p),
		                                    std::strlen(static_cast<const char *>(result.p)));
	case ResultKind::pointer:
		return result.p != nullptr ? metacall_value_create_ptr(result.p) : metacall_value_create_null();
	}
	return metacall_value_create_null();
}

// Calls `address` as R(A...) with `count` arguments taken from `slots` (see CallPath).
template <typename R, typename A>
R call_direct(void *address, const A *a, std::size_t count) {
	switch (count) {
	case 0:
		return reinterpret_cast<R (*)()>(address)();
	case 1:
		return reinterpret_cast<R (*)(A)>(address)(a[0]);
	case 2:
		return reinterpret_cast<R (*)(A, A)>(address)(a[0], a[1]);
	case 3:
		return reinterpret_cast<R (*)(A, A, A)>(address)(a[0], a[1], a[2]);
	case 4:
		return reinterpret_cast<R (*)(A, A, A, A)>(address)(a[0], a[1], a[2], a[3]);
	case 5:
		return reinterpret_cast<R (*)(A, A, A, A, A)>(address)(a[0], a[1], a[2], a[3], a[4]);
	default:
		static_assert(kDirectArguments == 6, "call_direct covers every count up to kDirectArguments");
		return reinterpret_cast<R (*)(A, A, A, A, A, A)>(address)(a[0], a[1], a[2], a[3], a[4], a[5]);
	}
}

// The result register of the function's class: a whole integer register, a float or a double.
template <typename A>
void call_direct_into(const FunctionBinding &function, const A *args, std::size_t count, Slot &result) {
	void *address = function.address();
	if (function.result_kind() == ResultKind::scalar && function.result_scalar() == Scalar::double_)
		result.d = call_direct<double>(address, args, count);
	else if (function.result_kind() == ResultKind::scalar && function.result_scalar() == Scalar::float_)
		result.f = call_direct<float>(address, args, count);
	else
		result.raw = call_direct<std::uint64_t>(address, args, count); // narrowed as libffi's would be
}

void *call_with_frame(const FunctionBinding &function, void *args[], std::size_t size);

// Scalars, strings and pointers: fixed arrays on the stack, no frame.
void *call_simple(const FunctionBinding &function, void *args[], std::size_t size) {
	const auto &params = function.parameters();
	if (size != params.size()) [[unlikely]] // the core checks; this guards the arrays
		return count_error(function, size);
	Slot slots[kSimpleArguments];
	for (std::size_t i = 0; i < size; ++i) {
		const ParameterPlan &param = params[i];
		enum metacall_value_id id;
		const void *scalar = metacall_value_scalar(args[i], &id); // one call: type and data
		if (id == param.exact && scalar != nullptr) [[likely]]
			read_exact(id, scalar, slots[i]);
		else if (id == METACALL_ARRAY && param.elements) // copied into a C array: needs a frame
			return call_with_frame(function, args, size);
		else if (void *error = convert_or_error(function, i, args[i], slots[i])) [[unlikely]]
			return error;
	}
	Slot result{};
	switch (function.call_path()) {
	case CallPath::direct_integers: {
		std::uint64_t registers[kDirectArguments];
		for (std::size_t i = 0; i < size; ++i) {
			if (params[i].kind == ArgumentKind::scalar)
				widen_integer(params[i].scalar, slots[i]);
			registers[i] = slots[i].raw;
		}
		call_direct_into(function, registers, size, result);
		break;
	}
	case CallPath::direct_doubles: {
		double registers[kDirectArguments];
		for (std::size_t i = 0; i < size; ++i)
			registers[i] = slots[i].d;
		call_direct_into(function, registers, size, result);
		break;
	}
	case CallPath::ffi: {
		void *pointers[kSimpleArguments];
		for (std::size_t i = 0; i < size; ++i)
			pointers[i] = &slots[i];
		ffi_call(function.cif(), FFI_FN(function.address()), &result, pointers);
		break;
	}
	}
	return result_value(function, result);
}

// Pairs, structs and callbacks: a frame with temporary memory and closures.
void *call_with_frame(const FunctionBinding &function, void *args[], std::size_t size) {
	const auto &params = function.parameters();
	if (size != params.size()) [[unlikely]]
		return count_error(function, size);
	CallFrame frame(function.c_argument_count());
	Mismatch why;
	for (std::size_t i = 0; i < size; ++i) {
		if (!convert_argument(params[i], args[i], frame, why))
			return argument_error(function, i, why);
	}
	Slot result{};
	ffi_call(function.cif(), FFI_FN(function.address()), &result, frame.arguments());
	frame.write_back();
	if (void *failure = frame.callback_failure().take())
		return failure; // a callback threw: that is what the caller must see
	return result_value(function, result);
}

} // namespace

void *call_function(const FunctionBinding &function, void *args[], std::size_t size) {
	try { // every routine may build error messages or frames; nothing may throw into the core
		return function.invoker()(function, args, size);
	} catch (const std::bad_alloc &) {
		return metacall_error_throw("MemoryError", 0, nullptr, "function '%s': out of memory for the call",
		                            function.name().c_str());
	}
}

Invoker choose_invoker(const FunctionBinding &function) {
	if (Invoker typed = typed_invoker(function))
		return typed;
	return function.is_simple() ? call_simple : call_with_frame;
}

} // namespace c_loader
