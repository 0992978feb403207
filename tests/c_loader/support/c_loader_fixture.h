// What the C loader's tests share: owning values, a fixture that starts metacall with the test
// libraries' folder as execution path, and helpers to build arguments and read results.
#ifndef C_LOADER_TEST_FIXTURE_H
#define C_LOADER_TEST_FIXTURE_H

#include <metacall/metacall.h>

#include "owned_values.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

// The folder of the test libraries (libtypes.so and its header, ...).
std::filesystem::path test_libraries();

// The calling thread's last error message, or a note that there is none.
std::string last_error_message();

// A short description of a value: its type and, for simple values, its content.
std::string describe(void *value);

// `value` is a throwable with label `label` whose message contains every one of `parts`.
::testing::AssertionResult is_error(void *value, const std::string &label,
                                    std::initializer_list<std::string> parts);

// `text` contains every one of `parts`.
::testing::AssertionResult mentions(const std::string &text, std::initializer_list<std::string> parts);

// Values from C++ data (new, owned by the caller).
void *string_value(const std::string &text);
void *array_of(std::initializer_list<void *> items);
void *map_of(std::initializer_list<std::pair<const char *, void *>> entries);

// Starts metacall with the test libraries' folder as the c loader's execution path; destroys it after.
class CLoaderTest : public ::testing::Test {
protected:
	void SetUp() override;
	void TearDown() override;

	// Loads libtypes.so (with types.h beside it) into the global scope.
	void load_types();
	// metacallv_s(name, args).
	ValuePtr call(const char *name, Args &args);
	ValuePtr call(const char *name);
};

#endif
