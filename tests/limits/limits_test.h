// What the limits tests share: scripts in both languages with a call that never ends, one that
// allocates without end and one that is quick, and checks that explain their failures.
#ifndef METACALL_TESTS_LIMITS_TEST_H
#define METACALL_TESTS_LIMITS_TEST_H

#include <metacall/metacall.h>

#include "owned_values.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

namespace limits_test {

inline constexpr char kJsScript[] = R"js(
module.exports = {
  spin: function spin() { for (;;) {} },
  spinCatching: function spinCatching() { for (;;) { try { for (;;) {} } catch (e) {} } },
  hog: function hog() { const kept = []; for (;;) kept.push(new Array(100000).fill(1.5)); },
  add: function add(a, b) { return a + b; },
};
)js";

inline constexpr char kPyScript[] = R"py(
def spin():
    while True:
        pass

def spin_catching():
    while True:
        try:
            while True:
                pass
        except Exception:
            pass

def hog():
    kept = []
    while True:
        kept.append(bytearray(1 << 20))
        kept.append([0] * 1000)

def add(a, b):
    return a + b
)py";

// The script for `tag`, loaded into a handle of its own; nullptr (with a test failure) when it fails.
inline void *load_script(const char *tag) {
	const std::string source = std::string(tag) == "node" ? kJsScript : kPyScript;
	void *handle = nullptr;
	if (metacall_load_from_memory(tag, source.data(), source.size(), &handle) != 0) {
		metacall_exception_type error{};
		ADD_FAILURE() << "cannot load the " << tag
		              << " script: " << (metacall_error_last(&error) == 0 ? error.message : "no error");
		return nullptr;
	}
	return handle;
}

// A throwable whose exception has `label` and whose message contains `part`.
inline ::testing::AssertionResult is_error(void *value, const std::string &label,
                                           const std::string &part = "") {
	if (value == nullptr)
		return ::testing::AssertionFailure() << "NULL instead of a " << label;
	if (metacall_value_id(value) != METACALL_THROWABLE)
		return ::testing::AssertionFailure()
		       << "a " << metacall_value_type_name(value) << " instead of a " << label;
	metacall_exception_type exception{};
	if (metacall_error_from_value(value, &exception) != 0)
		return ::testing::AssertionFailure() << "a throwable without an exception";
	if (label != exception.label || std::string(exception.message).find(part) == std::string::npos)
		return ::testing::AssertionFailure() << exception.label << ": " << exception.message << " instead of "
		                                     << label << " (with '" << part << "')";
	return ::testing::AssertionSuccess();
}

// The result of add(a, b) of `handle` as a number (JS gives a double, Python a long).
inline double add(void *handle, long a, long b) {
	Args args{metacall_value_create_long(a), metacall_value_create_long(b)};
	ValuePtr result(metacallhv_s(handle, "add", args.data(), args.size()));
	if (result == nullptr || metacall_value_id(result.get()) == METACALL_THROWABLE) {
		ADD_FAILURE() << "add failed";
		return -1;
	}
	return metacall_value_id(result.get()) == METACALL_DOUBLE
	           ? metacall_value_to_double(result.get())
	           : static_cast<double>(metacall_value_to_long(result.get()));
}

// Calls metacall_interrupt until it finds a running call (the caller needs a moment to start it),
// for at most 20 s. Returns what the call that found one returned (0: none ever ran).
inline int interrupt_when_running() {
	const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
	int asked = 0;
	while ((asked = metacall_interrupt()) == 0 && std::chrono::steady_clock::now() < until)
		std::this_thread::sleep_for(std::chrono::milliseconds(5));
	return asked;
}

} // namespace limits_test

#endif
