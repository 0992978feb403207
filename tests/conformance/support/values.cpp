// Helpers shared by the conformance cases.
#include "values.h"

#include <cmath>

#include <sstream>

std::string last_error_message() {
	metacall_exception_type error{};
	if (metacall_error_last(&error) != 0)
		return "(no error recorded)";
	return std::string(error.label) + ": " + error.message;
}

std::optional<long double> number_in(void *value) {
	switch (value == nullptr ? METACALL_NULL : metacall_value_id(value)) {
	case METACALL_BOOL:
		return metacall_value_to_bool(value);
	case METACALL_CHAR:
		return metacall_value_to_char(value);
	case METACALL_SHORT:
		return metacall_value_to_short(value);
	case METACALL_INT:
		return metacall_value_to_int(value);
	case METACALL_LONG:
		return metacall_value_to_long(value);
	case METACALL_FLOAT:
		return metacall_value_to_float(value);
	case METACALL_DOUBLE:
		return metacall_value_to_double(value);
	default:
		return std::nullopt;
	}
}

std::string describe(void *value) {
	if (value == nullptr)
		return "NULL (no value)";
	std::ostringstream out;
	out << metacall_value_type_name(value);
	if (const auto number = number_in(value)) {
		out << ' ' << *number;
	} else if (metacall_value_id(value) == METACALL_STRING) {
		out << " \"" << metacall_value_to_string(value) << '"';
	} else {
		metacall_exception_type error{};
		if (metacall_error_from_value(value, &error) == 0)
			out << " (" << error.label << ": " << error.message << ')';
	}
	return out.str();
}

::testing::AssertionResult is_number(void *value, long double expected) {
	if (value == nullptr)
		return ::testing::AssertionFailure() << "got NULL; last error: " << last_error_message();
	const auto number = number_in(value);
	if (!number)
		return ::testing::AssertionFailure()
		       << "expected the number " << expected << ", got " << describe(value);
	if (*number != expected)
		return ::testing::AssertionFailure() << "expected " << expected << ", got " << describe(value);
	return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_throwable_with_label(void *value, const std::string &label) {
	if (value == nullptr)
		return ::testing::AssertionFailure() << "got NULL; last error: " << last_error_message();
	if (metacall_value_id(value) != METACALL_THROWABLE)
		return ::testing::AssertionFailure() << "expected a throwable, got " << describe(value);
	metacall_exception_type error{};
	if (metacall_error_from_value(value, &error) != 0)
		return ::testing::AssertionFailure() << "the throwable holds no exception";
	if (label != error.label)
		return ::testing::AssertionFailure()
		       << "expected label " << label << ", got " << error.label << " (" << error.message << ')';
	return ::testing::AssertionSuccess();
}

bool mentions_number(const std::string &text, long number) {
	const std::string digits = std::to_string(number);
	const auto is_digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
	for (std::size_t at = text.find(digits); at != std::string::npos; at = text.find(digits, at + 1)) {
		if ((at == 0 || !is_digit(at - 1)) && !is_digit(at + digits.size()))
			return true;
	}
	return false;
}

enum metacall_value_id echo_through_double(void *value) {
	switch (metacall_value_id(value)) {
	case METACALL_BOOL:
	case METACALL_CHAR:
	case METACALL_SHORT:
	case METACALL_INT:
	case METACALL_FLOAT:
	case METACALL_DOUBLE:
		return METACALL_DOUBLE;
	case METACALL_LONG: {
		const long number = metacall_value_to_long(value);
		const double converted = static_cast<double>(number);
		const bool exact = std::fabs(converted) < 0x1p63 && static_cast<long>(converted) == number;
		return exact || converted == -0x1p63 ? METACALL_DOUBLE : METACALL_INVALID;
	}
	default:
		return METACALL_INVALID;
	}
}
