#include "callback.h"

#include "load_error.h"
#include "scalar_conversion.h"

#include <metacall/metacall.h>

#include <cstring>
#include <new>

namespace c_loader {
namespace {

ffi_type *ffi_type_for(const CType &type) {
	return type.is_pointer() ? &ffi_type_pointer : ffi_type_of(type.base);
}

// A value for one C argument of a callback.
void *value_of_argument(const CType &type, void *arg) {
	if (type.is_scalar())
		return value_of_scalar(type.base, arg);
	void *pointer = *static_cast<void **>(arg);
	if (pointer == nullptr)
		return metacall_value_create_null();
	if (type.is_string()) {
		const char *text = static_cast<const char *>(pointer);
		return metacall_value_create_string(text, std::strlen(text));
	}
	return metacall_value_create_ptr(pointer);
}

} // namespace

CallbackSignature::CallbackSignature(const Prototype &prototype, const Location &where)
    : prototype_(prototype) {
	auto refuse = [&](const std::string &why) {
		throw LoadError(where.describe() + ": the function pointer type '" + prototype.result.spelling +
		                " (*)(...)' is not supported: " + why);
	};
	for (const Parameter &param : prototype.params) {
		if (param.type.is_struct_value())
			refuse("parameter '" + param.name + "' is a struct by value");
		types_.push_back(ffi_type_for(param.type));
	}
	const CType &result = prototype.result;
	if (result.is_struct_value())
		refuse("it returns a struct by value");
	if (result.is_string())
		refuse("it returns a string, whose memory nobody would own");
	if (ffi_prep_cif(&cif_, FFI_DEFAULT_ABI, static_cast<unsigned>(types_.size()), ffi_type_for(result),
	                 types_.data()) != FFI_OK)
		refuse("libffi cannot prepare it");
}

CallbackFailure::~CallbackFailure() {
	metacall_value_destroy(take());
}

void CallbackFailure::record(void *throwable) {
	void *expected = nullptr;
	if (!throwable_.compare_exchange_strong(expected, throwable))
		metacall_value_destroy(throwable);
}

Closure::Closure(const CallbackSignature &signature, void *function, CallbackFailure &failure)
    : signature_(signature), function_(function), failure_(failure) {
	closure_ = static_cast<ffi_closure *>(ffi_closure_alloc(sizeof(ffi_closure), &code_));
	if (closure_ == nullptr)
		throw std::bad_alloc();
	if (ffi_prep_closure_loc(closure_, signature.cif(), trampoline, this, code_) != FFI_OK) {
		ffi_closure_free(closure_);
		throw std::bad_alloc();
	}
}

Closure::~Closure() {
	ffi_closure_free(closure_);
}

void Closure::trampoline(ffi_cif *, void *result, void **args, void *self) {
	const auto *closure = static_cast<const Closure *>(self);
	try {
		closure->run(result, args);
	} catch (...) { // nothing may unwind through libffi and the C caller
		closure->failure_.record(
		    metacall_error_throw("MemoryError", 0, nullptr, "the callback ran out of memory"));
		std::memset(result, 0, sizeof(ffi_arg));
	}
}

// C cannot be told that a callback failed: it gets zero, and the failure becomes the call's result.
void Closure::run(void *result, void **args) const {
	const Prototype &prototype = signature_.prototype();
	const CType &result_type = prototype.result;
	Slot out{};
	const std::size_t count = prototype.params.size();
	void *inline_values[8];
	std::vector<void *> more_values(count > 8 ? count : 0); // only for callbacks of many parameters
	void **values = count > 8 ? more_values.data() : inline_values;
	std::size_t unfit = count; // the first argument that has no value (a uint64 above LONG_MAX)
	for (std::size_t i = 0; i < count; ++i)
		if ((values[i] = value_of_argument(prototype.params[i].type, args[i])) == nullptr && unfit == count)
			unfit = i;
	void *returned = unfit == count ? metacallfv_s(function_, values, count) : nullptr;
	for (std::size_t i = 0; i < count; ++i)
		metacall_value_destroy(values[i]);

	if (unfit != count) {
		failure_.record(metacall_error_throw("RangeError", 0, nullptr,
		                                     "the callback's argument %zu ('%s') does not fit in a Long",
		                                     unfit, prototype.params[unfit].name.c_str()));
	} else if (returned == nullptr) {
		metacall_exception_type error{};
		const bool known = metacall_error_last(&error) == 0;
		failure_.record(metacall_error_throw(known ? error.label : "CallbackError", 0, nullptr,
		                                     "the callback could not be called: %s",
		                                     known ? error.message : "no reason given"));
	} else if (metacall_value_id(returned) == METACALL_THROWABLE) {
		failure_.record(returned);
		returned = nullptr;
	} else if (result_type.is_scalar()) {
		Mismatch why;
		if (to_scalar(returned, result_type.base, &out, result_type.spelling, why))
			widen_integer(result_type.base, out);
		else
			failure_.record(metacall_error_throw(why.label, 0, nullptr, "the callback's result: %s",
			                                     why.message.c_str()));
	} else if (result_type.is_pointer()) {
		const enum metacall_value_id id = metacall_value_id(returned);
		if (id == METACALL_PTR)
			out.p = metacall_value_to_ptr(returned);
		else if (id != METACALL_NULL)
			failure_.record(metacall_error_throw("TypeError", 0, nullptr,
			                                     "the callback's result: expected a Pointer (%s), got %s",
			                                     result_type.spelling.c_str(), metacall_value_id_name(id)));
	}
	metacall_value_destroy(returned);
	if (!result_type.is_void())
		std::memcpy(result, &out,
		            result_type.is_scalar() && !is_integer(result_type.base) ? size_of(result_type.base)
		                                                                     : sizeof(ffi_arg));
}

} // namespace c_loader
