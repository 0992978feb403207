// What the wasm loader's tests share: a fixture that starts and ends metacall around each test,
// loading the modules of modules/ (with or without load options) into handles, calling their
// functions, and checking results and errors.
#ifndef WASM_LOADER_TEST_FIXTURE_H
#define WASM_LOADER_TEST_FIXTURE_H

#include <metacall/metacall.h>

#include "owned_values.h"
#include "value_checks.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>

// The absolute path of `name` in tests/wasm_loader/modules.
std::string module_path(const std::string &name);

// `value` is an Integer (a Long) holding `expected`.
::testing::AssertionResult is_int(void *value, int expected);
::testing::AssertionResult is_long(void *value, long expected);

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
