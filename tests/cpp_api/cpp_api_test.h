// C++ API tests: a fixture with a runtime per test, and the mock scripts the tests load.
#pragma once

#include <metacall/metacall.hpp>

#include <gtest/gtest.h>

#include <string>

namespace cpp_api_test {

// Each test runs in a process of its own (gtest_discover_tests) with a fresh runtime.
class CppApi : public ::testing::Test {
protected:
	metacall::runtime runtime_;
};

// Mock functions (tests/mock_loader): add sums two numbers, echo returns a copy of its argument,
// throw raises MockError with its argument as the message, call calls its first argument with
// the others. Async ones settle on a worker thread.
inline const char *const mock_script = "fn add(a: Long, b: Long) -> Long = add\n"
                                       "fn echo(x) = echo\n"
                                       "fn fail(message) = throw\n"
                                       "fn call(f, x) = call\n"
                                       "async fn echo_async(x) = echo\n"
                                       "async fn fail_async(message) = throw\n";

} // namespace cpp_api_test
