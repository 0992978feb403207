// metacall_load_from_package("c", "name"), as MetaCall resolves it: libname.so, then name.so, in the
// execution paths and the working directory; the header beside the library or in an execution path.
#include "c_loader_fixture.h"

#include <fstream>

namespace {

using PackageNameTest = CLoaderTest;

TEST_F(PackageNameTest, ANameFindsLibNameSoInTheExecutionPaths) {
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("c", "types", &handle), 0) << last_error_message();
	Args args{metacall_value_create_int(6)};
	const ValuePtr result(metacallhv_s(handle, "echo_int", args.data(), args.size()));
	EXPECT_EQ(metacall_value_to_int(result.get()), 6) << describe(result.get());
}

TEST_F(PackageNameTest, ANameFindsNameSoWithoutThePrefix) {
	ASSERT_EQ(metacall_load_from_package("c", "plain", nullptr), 0) << last_error_message();
	const ValuePtr result(metacallv_s("plain_value", nullptr, 0));
	EXPECT_EQ(metacall_value_to_int(result.get()), 5) << describe(result.get());
}

TEST_F(PackageNameTest, AnAbsoluteNameIsLookedForInItsFolder) {
	const std::string name = (test_libraries() / "plain").string();
	ASSERT_EQ(metacall_load_from_package("c", name.c_str(), nullptr), 0) << last_error_message();
	EXPECT_NE(metacall_function("plain_value"), nullptr);
}

TEST_F(PackageNameTest, TheHeaderMayLiveInAnotherExecutionPath) {
	// libheaderless.so has no header beside it; one in an include folder describes it.
	const std::filesystem::path include =
	    std::filesystem::temp_directory_path() / "c_loader_test_package_include";
	std::filesystem::create_directories(include);
	std::ofstream(include / "headerless.h") << "int headerless(void);\n";
	ASSERT_EQ(metacall_execution_path("c", include.c_str()), 0);
	ASSERT_EQ(metacall_load_from_package("c", "headerless", nullptr), 0) << last_error_message();
	const ValuePtr result(metacallv_s("headerless", nullptr, 0));
	EXPECT_EQ(metacall_value_to_int(result.get()), 1) << describe(result.get());
}

TEST_F(PackageNameTest, AnUnknownNameListsEveryPathTried) {
	EXPECT_NE(metacall_load_from_package("c", "nowhere_to_be_found", nullptr), 0);
	const std::string folder = test_libraries().string();
	EXPECT_TRUE(mentions(last_error_message(),
	                     {"cannot find the library of the package 'nowhere_to_be_found'",
	                      folder + "/libnowhere_to_be_found.so", folder + "/nowhere_to_be_found.so"}));
}

TEST_F(PackageNameTest, ALibraryFileNameIsStillAPath) {
	ASSERT_EQ(metacall_load_from_package("c", "libcounter.so", nullptr), 0) << last_error_message();
	EXPECT_NE(metacall_function("counter_next"), nullptr);
}

} // namespace
