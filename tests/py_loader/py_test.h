// What the py loader's tests share: owning values, a fixture with a fresh runtime per test and the
// test scripts on the execution path, and checks that explain their failures.
#ifndef PY_LOADER_TEST_PY_TEST_H
#define PY_LOADER_TEST_PY_TEST_H

#include <metacall/metacall.h>

#include "owned_values.h"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

// New values, for building arguments.
void *string_value(const std::string &text);
void *array_value(std::initializer_list<void *> items);                          // takes the items
void *map_value(std::initializer_list<std::pair<const char *, void *>> entries); // takes the values

// The thread's last error as "Label: message", or a note that there is none.
std::string last_error();
// A short description of a value: its type and, for simple values, its content.
std::string describe(void *value);
// The string a value holds ("" when it is not a string).
std::string text_of(void *value);

::testing::AssertionResult is_long(void *value, long expected);
::testing::AssertionResult is_string(void *value, const std::string &expected);
// A throwable whose exception has `label` and whose message contains `message_part`.
::testing::AssertionResult is_error(void *value, const std::string &label,
                                    const std::string &message_part = "");

// Runs `body` on another thread and fails (then exits: a deadlocked thread cannot be recovered)
// when it has not finished within `timeout`.
void within(std::chrono::milliseconds timeout, const std::function<void()> &body);

// A fresh runtime per test, with tests/py_loader/scripts on the py execution path.
class PyLoaderTest : public ::testing::Test {
protected:
	void SetUp() override;
	void TearDown() override;

	// metacall_load_from_file of one script of tests/py_loader/scripts; 0 on success.
	static int load(const std::string &script, void **handle = nullptr);
	// Loads `source` from memory into a handle (asserting success) and returns the handle.
	static void *load_memory(const std::string &source);
	// name(args...) in the global scope, taking the arguments.
	static ValuePtr call(const char *name, std::initializer_list<void *> args = {});
	// name(args...) in `handle`, taking the arguments.
	static ValuePtr call_in(void *handle, const char *name, std::initializer_list<void *> args = {});
	// sys.modules has `name` (asked through a helper loaded from memory).
	static bool python_has_module(const std::string &name);
};

// The folder of the test scripts.
std::string scripts_folder();

#endif
