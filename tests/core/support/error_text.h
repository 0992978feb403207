// core tests: reading errors as text, the last error of the thread and the exception inside a
// throwable, so assertions can check what a message names.
#pragma once

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

namespace core_test {

// The calling thread's last error message, or nothing when there is no error.
inline std::optional<std::string> last_error_message() {
	metacall_exception_type ex{};
	if (metacall_error_last(&ex) != 0) {
		return std::nullopt;
	}
	return std::string(ex.message != nullptr ? ex.message : "<message was NULL>");
}

// The fields of the exception held by a throwable or exception value.
struct ErrorFields {
	std::string message;
	std::string label;
	std::int64_t code = 0;
	std::string stacktrace;
};

inline std::optional<ErrorFields> error_fields(void *value) {
	metacall_exception_type ex{};
	if (metacall_error_from_value(value, &ex) != 0) {
		return std::nullopt;
	}
	auto text = [](const char *s) { return std::string(s != nullptr ? s : "<NULL>"); };
	return ErrorFields{text(ex.message), text(ex.label), ex.code, text(ex.stacktrace)};
}

// Assertion: `text` contains `part`.
inline ::testing::AssertionResult Contains(const std::string &text, const std::string &part) {
	if (text.find(part) != std::string::npos) {
		return ::testing::AssertionSuccess();
	}
	return ::testing::AssertionFailure() << "\"" << text << "\" does not contain \"" << part << "\"";
}

// Assertion: the thread has a last error and its message contains `part`.
inline ::testing::AssertionResult LastErrorContains(const std::string &part) {
	auto message = last_error_message();
	if (!message) {
		return ::testing::AssertionFailure() << "no last error (expected one containing \"" << part << "\")";
	}
	return Contains(*message, part);
}

} // namespace core_test
