#include "messages.h"

#include "value_text.h"

#include <metacall/metacall.h>

#include <cstdio>

namespace metacall_cli {

namespace {

// Messages keep to one line: a Python SyntaxError or a JS stack-laden message may span several.
std::string one_line(std::string text) {
	for (char &c : text) {
		if (c == '\n' || c == '\r')
			c = ' ';
	}
	while (!text.empty() && text.back() == ' ')
		text.pop_back();
	return text;
}

} // namespace

void print_error(const std::string &message) {
	std::fflush(stdout);
	std::fprintf(stderr, "error: %s\n", one_line(message).c_str());
	std::fflush(stderr);
}

std::string last_error(const std::string &fallback) {
	metacall_exception_type ex{};
	if (metacall_error_last(&ex) != 0)
		return fallback;
	std::string label = ex.label != nullptr ? ex.label : "";
	std::string message = ex.message != nullptr ? ex.message : "";
	metacall_error_clear();
	return label.empty() ? message : label + ": " + message;
}

bool thrown_message(void *value, std::string &message, std::string *stack) {
	const auto id = metacall_value_id(value);
	if (id != METACALL_THROWABLE && id != METACALL_EXCEPTION)
		return false;
	metacall_exception_type ex{};
	if (metacall_error_from_value(value, &ex) != 0) {
		// A thrown value that is not an exception: `throw 42` in JS, for instance.
		void *thrown = id == METACALL_THROWABLE ? metacall_value_to_throwable(value) : value;
		message = "thrown: " + value_to_text(thrown);
		return true;
	}
	message = std::string(ex.label) + ": " + ex.message;
	if (stack != nullptr)
		*stack = ex.stacktrace != nullptr ? ex.stacktrace : "";
	return true;
}

} // namespace metacall_cli
