// What the wasm loader's tests share: a fixture that starts and ends metacall around each test,
// loading the modules of modules/ (with or without load options) into handles, calling their
// functions, and checking results and errors.
#ifndef WASM_LOADER_TEST_FIXTURE_H
#define WASM_LOADER_TEST_FIXTURE_H

#include <metacall/metacall.h>

#include "owned_values.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>

// The absolute path of `name` in tests/wasm_loader/modules.
std::string module_path(const std::string &name);

// The calling thread's last error message ("label: message"), or a note that there is none.
std::string last_error_message();

// A short description of a value: its type and, for simple values, its content.
std::string describe(void *value);

// `text` contains every one of `parts`.
::testing::AssertionResult mentions(const std::string &text, std::initializer_list<std::string> parts);

// `value` is a throwable labelled `label` whose message contains every one of `parts`.
::testing::AssertionResult is_error(void *value, const std::string &label,
                                    std::initializer_list<std::string> parts);

// `value` is an Integer (a Long) holding `expected`.
::testing::AssertionResult is_int(void *value, int expected);
::testing::AssertionResult is_long(void *value, long expected);

// Values from C++ data (new, owned by the caller).
void *string_value(const std::string &text);
void *array_of(std::initializer_list<void *> items);
void *map_of(std::initializer_list<std::pair<const char *, void *>> entries);

// Starts metacall before each test and destroys it after.
class WasmLoaderTest : public ::testing::Test {
protected:
	void SetUp() override;
	void TearDown() override;

	// Loads modules/<name> as a file, with load options `options` (borrowed; may be NULL); the
	// handle, or NULL with a test failure naming the error.
	void *load(const std::string &name, void *options = nullptr);
	// Loads modules/<name> expecting the load to fail; the error message ("" with a test failure
	// when it loaded).
	std::string load_error(const std::string &name, void *options = nullptr);

	// metacallhv_s(handle, name, args): the result, owned.
	ValuePtr call(void *handle, const char *name, Args &args);
	ValuePtr call(void *handle, const char *name);
};

#endif
