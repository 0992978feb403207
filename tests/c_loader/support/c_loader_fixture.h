// What the C loader's tests share: owning values, a fixture that starts metacall with the test
// libraries' folder as execution path, and helpers to build arguments and read results.
#ifndef C_LOADER_TEST_FIXTURE_H
#define C_LOADER_TEST_FIXTURE_H

#include <metacall/metacall.h>

#include "owned_values.h"
#include "value_checks.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

// The folder of the test libraries (libtypes.so and its header, ...).
std::filesystem::path test_libraries();

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
