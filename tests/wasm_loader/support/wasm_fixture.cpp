#include "wasm_fixture.h"

#include <metacall/metacall_compat.h>

#include <cstring>
#include <sstream>
#include <vector>

std::string module_path(const std::string &name) {
	return std::string(WASM_LOADER_TEST_MODULES) + "/" + name;
}

::testing::AssertionResult is_int(void *value, int expected) {
	if (value == nullptr || metacall_value_id(value) != METACALL_INT)
		return ::testing::AssertionFailure() << "expected an Integer, got " << describe(value);
	if (metacall_value_to_int(value) != expected)
		return ::testing::AssertionFailure() << "expected " << expected << ", got " << describe(value);
	return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_long(void *value, long expected) {
	if (value == nullptr || metacall_value_id(value) != METACALL_LONG)
		return ::testing::AssertionFailure() << "expected a Long, got " << describe(value);
	if (metacall_value_to_long(value) != expected)
		return ::testing::AssertionFailure() << "expected " << expected << ", got " << describe(value);
	return ::testing::AssertionSuccess();
}

void WasmLoaderTest::SetUp() {
	ASSERT_EQ(metacall_initialize(), 0) << last_error_message();
}

void WasmLoaderTest::TearDown() {
	metacall_destroy();
}

void *WasmLoaderTest::load(const std::string &name, void *options) {
	const std::string path = module_path(name);
	const char *paths[] = {path.c_str()};
	void *handle = nullptr;
	const int failed = metacall_load_from_file_ex("wasm", paths, 1, &handle, options);
	EXPECT_EQ(failed, 0) << name << ": " << last_error_message();
	return failed == 0 ? handle : nullptr;
}

std::string WasmLoaderTest::load_error(const std::string &name, void *options) {
	const std::string path = module_path(name);
	const char *paths[] = {path.c_str()};
	void *handle = nullptr;
	if (metacall_load_from_file_ex("wasm", paths, 1, &handle, options) == 0) {
		ADD_FAILURE() << name << " loaded; expected the load to fail";
		return "";
	}
	return last_error_message();
}

ValuePtr WasmLoaderTest::call(void *handle, const char *name, Args &args) {
	return ValuePtr(metacallhv_s(handle, name, args.data(), args.size()));
}

ValuePtr WasmLoaderTest::call(void *handle, const char *name) {
	return ValuePtr(metacallhv_s(handle, name, nullptr, 0));
}
