// The builtins: what a mock function does when it is called.
#include "mock_builtins.h"

#include <metacall/metacall.h>

#include <string>

namespace mock {
namespace {

// Array elements may be NULL, which loaders read as null.
enum metacall_value_id type_of(void *value) {
	return value == nullptr ? METACALL_NULL : metacall_value_id(value);
}

bool is_integer_kind(enum metacall_value_id id) {
	return id >= METACALL_BOOL && id <= METACALL_LONG;
}
bool is_number(enum metacall_value_id id) {
	return id >= METACALL_BOOL && id <= METACALL_DOUBLE;
}

long to_long(void *value) {
	switch (metacall_value_id(value)) {
	case METACALL_BOOL:
		return metacall_value_to_bool(value);
	case METACALL_CHAR:
		return metacall_value_to_char(value);
	case METACALL_SHORT:
		return metacall_value_to_short(value);
	case METACALL_INT:
		return metacall_value_to_int(value);
	default:
		return metacall_value_to_long(value);
	}
}

double to_double(void *value) {
	switch (metacall_value_id(value)) {
	case METACALL_FLOAT:
		return metacall_value_to_float(value);
	case METACALL_DOUBLE:
		return metacall_value_to_double(value);
	default:
		return static_cast<double>(to_long(value));
	}
}

void *type_error(const Declaration &declaration, std::size_t index, void *value, const char *expected) {
	return metacall_error_throw("TypeError", 0, nullptr, "%s: argument %zu is %s, expected %s",
	                            declaration.name.c_str(), index + 1, metacall_value_id_name(type_of(value)),
	                            expected);
}

void *missing_argument(const Declaration &declaration, std::size_t needed, std::size_t given) {
	return metacall_error_throw("TypeError", 0, nullptr, "%s: the builtin needs %zu arguments, got %zu",
	                            declaration.name.c_str(), needed, given);
}

void *add(const Declaration &declaration, void *args[], std::size_t size) {
	if (size < 2)
		return missing_argument(declaration, 2, size);
	for (std::size_t i = 0; i < 2; ++i) {
		if (!is_number(type_of(args[i])))
			return type_error(declaration, i, args[i], "a number");
	}
	if (is_integer_kind(metacall_value_id(args[0])) && is_integer_kind(metacall_value_id(args[1]))) {
		long sum = 0;
		if (__builtin_add_overflow(to_long(args[0]), to_long(args[1]), &sum))
			return metacall_error_throw("RangeError", 0, nullptr, "%s: the sum overflows a Long",
			                            declaration.name.c_str());
		return metacall_value_create_long(sum);
	}
	return metacall_value_create_double(to_double(args[0]) + to_double(args[1]));
}

void *echo(void *args[], std::size_t size) {
	if (size == 0 || args[0] == nullptr)
		return metacall_value_create_null();
	if (void *copy = metacall_value_copy(args[0]))
		return copy;
	return metacall_error_throw("TypeError", 0, nullptr,
	                            "echo: the argument is not a value that can be copied");
}

void *throw_error(const Declaration &declaration, void *args[], std::size_t size) {
	std::string message;
	if (size > 0 && type_of(args[0]) == METACALL_STRING)
		message = metacall_value_to_string(args[0]);
	else if (size > 0)
		message = metacall_value_id_name(type_of(args[0]));
	const std::string stacktrace =
	    "at " + declaration.name + " (" + declaration.origin + ":" + std::to_string(declaration.line) + ")";
	return metacall_error_throw("MockError", 1, stacktrace.c_str(), "%s", message.c_str());
}

// Calls back into the core: exercises host callbacks and re-entrancy.
void *call(const Declaration &declaration, void *args[], std::size_t size) {
	if (size == 0)
		return missing_argument(declaration, 1, size);
	if (type_of(args[0]) != METACALL_FUNCTION)
		return type_error(declaration, 0, args[0], "a Function");
	if (void *result = metacallfv_s(metacall_value_to_function(args[0]), args + 1, size - 1))
		return result;
	// The callee could not be called at all: turn the core's reason into something to throw.
	metacall_exception_type error{};
	if (metacall_error_last(&error) != 0)
		return metacall_error_throw("LoaderError", 0, nullptr, "%s: the callback could not be called",
		                            declaration.name.c_str());
	return metacall_error_throw(error.label, error.code, error.stacktrace, "%s", error.message);
}

} // namespace

void *run_builtin(const Declaration &declaration, void *args[], std::size_t size) {
	switch (declaration.builtin) {
	case Builtin::add:
		return add(declaration, args, size);
	case Builtin::echo:
		return echo(args, size);
	case Builtin::throw_error:
		return throw_error(declaration, args, size);
	case Builtin::call:
		return call(declaration, args, size);
	case Builtin::null:
		break;
	}
	return metacall_value_create_null();
}

} // namespace mock
