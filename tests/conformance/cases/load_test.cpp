// Loading from memory and from a package, and loads that must fail with a message naming what failed.
#include "fixture.h"

#include <filesystem>

namespace {

// metacall_error_last's message mentions `name`.
::testing::AssertionResult last_error_names(const std::string &name) {
	metacall_exception_type error{};
	if (metacall_error_last(&error) != 0)
		return ::testing::AssertionFailure() << "no error recorded";
	if (std::string(error.message).find(name) == std::string::npos)
		return ::testing::AssertionFailure() << "the message does not name " << name << ": " << error.message;
	return ::testing::AssertionSuccess();
}

TEST_P(Conformance, LoadFromMemoryDefinesACallableFunction) {
	const std::string &source = loader().memory_source;
	ASSERT_EQ(metacall_load_from_memory(tag(), source.data(), source.size(), nullptr), 0)
	    << last_error_message();
	Args args{metacall_value_create_long(40), metacall_value_create_long(2)};
	const ValuePtr result(metacallv_s("from_memory", args.data(), args.size()));
	EXPECT_TRUE(is_number(result.get(), 42));
}

TEST_P(Conformance, LoadFromMemoryIntoAHandle) {
	const std::string &source = loader().memory_source;
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_memory(tag(), source.data(), source.size(), &handle), 0)
	    << last_error_message();
	ASSERT_NE(handle, nullptr);
	Args args{metacall_value_create_long(40), metacall_value_create_long(2)};
	const ValuePtr result(metacallhv_s(handle, "from_memory", args.data(), args.size()));
	EXPECT_TRUE(is_number(result.get(), 42));
}

TEST_P(Conformance, LoadFromMemoryIgnoresATrailingNul) {
	const std::string &source = loader().memory_source;
	ASSERT_EQ(metacall_load_from_memory(tag(), source.c_str(), source.size() + 1, nullptr), 0)
	    << last_error_message();
	EXPECT_NE(metacall_function("from_memory"), nullptr);
}

TEST_P(Conformance, LoadFromPackageDefinesACallableFunction) {
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package(tag(), loader().package.c_str(), &handle), 0)
	    << last_error_message();
	Args args{metacall_value_create_long(40), metacall_value_create_long(2)};
	const ValuePtr result(metacallhv_s(handle, "from_package", args.data(), args.size()));
	EXPECT_TRUE(is_number(result.get(), 42));
}

TEST_P(Conformance, LoadFromPackageIntoTheGlobalScope) {
	ASSERT_EQ(metacall_load_from_package(tag(), loader().package.c_str(), nullptr), 0)
	    << last_error_message();
	EXPECT_TRUE(is_number(add_through(metacall_function("from_package"), 1, 2).get(), 3));
}

TEST_P(Conformance, LoadingByAbsolutePathWorks) {
	const std::string absolute = (loader().scripts / loader().main_script).string();
	const char *paths[] = {absolute.c_str()};
	ASSERT_EQ(metacall_load_from_file(tag(), paths, 1, nullptr), 0) << last_error_message();
	EXPECT_NE(metacall_function("add"), nullptr);
}

TEST_P(Conformance, AMissingFileFailsNamingTheFile) {
	const std::string missing =
	    "missing_script" + std::filesystem::path(loader().main_script).extension().string();
	metacall_error_clear();
	EXPECT_NE(load(missing), 0);
	EXPECT_TRUE(last_error_names(missing));
}

TEST_P(Conformance, AMissingPackageFailsNamingThePackage) {
	metacall_error_clear();
	EXPECT_NE(metacall_load_from_package(tag(), "missing_package", nullptr), 0);
	EXPECT_TRUE(last_error_names("missing_package"));
}

TEST_P(Conformance, ABrokenScriptFailsNamingTheFile) {
	metacall_error_clear();
	void *handle = nullptr;
	EXPECT_NE(load(loader().broken_script, &handle), 0);
	EXPECT_TRUE(last_error_names(loader().broken_script));
}

TEST_P(Conformance, AFailedLoadLeavesTheLoaderUsable) {
	ASSERT_NE(load(loader().broken_script), 0);
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	EXPECT_TRUE(is_number(add_through(metacall_function("add"), 1, 2).get(), 3));
}

TEST_P(Conformance, TheLoaderIsInitializedAfterItsFirstUse) {
	EXPECT_EQ(metacall_is_initialized(tag()), 0);
}

TEST_P(Conformance, TheLoaderWorksAgainAfterDestroyAndInitialize) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	metacall_destroy();
	ASSERT_EQ(metacall_initialize(), 0) << last_error_message();
	ASSERT_EQ(metacall_execution_path(tag(), loader().scripts.c_str()), 0) << last_error_message();
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	EXPECT_TRUE(is_number(add_through(metacall_function("add"), 20, 22).get(), 42));
}

} // namespace
