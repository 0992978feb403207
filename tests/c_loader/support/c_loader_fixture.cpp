#include "c_loader_fixture.h"

#include <cstring>
#include <sstream>

std::filesystem::path test_libraries() {
	return C_LOADER_TEST_LIBRARIES;
}

void CLoaderTest::SetUp() {
	ASSERT_EQ(metacall_initialize(), 0) << last_error_message();
	ASSERT_EQ(metacall_execution_path("c", test_libraries().c_str()), 0) << last_error_message();
}

void CLoaderTest::TearDown() {
	metacall_destroy();
}

void CLoaderTest::load_types() {
	const char *paths[] = {"libtypes.so"};
	ASSERT_EQ(metacall_load_from_file("c", paths, 1, nullptr), 0) << last_error_message();
}

ValuePtr CLoaderTest::call(const char *name, Args &args) {
	return ValuePtr(metacallv_s(name, args.data(), args.size()));
}

ValuePtr CLoaderTest::call(const char *name) {
	return ValuePtr(metacallv_s(name, nullptr, 0));
}
