// The ways to load: a library with its headers (in any order), a library alone or as a package
// (its header beside it), declarations alone or from memory (bound to the process), and the
// errors of each.
#include "c_loader_fixture.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

namespace {

using LoadingTest = CLoaderTest;

std::filesystem::path scratch_folder() {
	const std::filesystem::path folder = std::filesystem::temp_directory_path() / "c_loader_test_loading";
	std::filesystem::create_directories(folder);
	return folder;
}

std::filesystem::path write_file(const std::string &name, const std::string &text) {
	const std::filesystem::path path = scratch_folder() / name;
	std::ofstream(path) << text;
	return path;
}

long add_through(const char *name, long a, long b) {
	Args args{metacall_value_create_long(a), metacall_value_create_long(b)};
	const ValuePtr result(metacallv_s(name, args.data(), args.size()));
	return metacall_value_to_long(result.get());
}

TEST_F(LoadingTest, ALibraryAndItsHeaderInEitherOrder) {
	const std::string header = (test_libraries() / "types.h").string();
	const char *library_first[] = {"libtypes.so", header.c_str()};
	void *first = nullptr;
	ASSERT_EQ(metacall_load_from_file("c", library_first, 2, &first), 0) << last_error_message();
	const char *header_first[] = {header.c_str(), "libtypes.so"};
	void *second = nullptr;
	ASSERT_EQ(metacall_load_from_file("c", header_first, 2, &second), 0) << last_error_message();
	EXPECT_NE(metacall_handle_function(first, "echo_int"), nullptr);
	EXPECT_NE(metacall_handle_function(second, "echo_int"), nullptr);
}

TEST_F(LoadingTest, SeveralHeadersMakeOneModuleAndLaterOnesSeeEarlierTypes) {
	const std::filesystem::path types =
	    write_file("point_type.h", "typedef struct point { double x, y; } point_t;\n");
	const std::filesystem::path uses = write_file("point_uses.h", "double point_sum(point_t *p);\n");
	const char *paths[] = {"libtypes.so", types.c_str(), uses.c_str()};
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_file("c", paths, 3, &handle), 0) << last_error_message();
	EXPECT_NE(metacall_handle_function(handle, "point_sum"), nullptr);
	EXPECT_EQ(metacall_handle_function(handle, "echo_int"), nullptr) << "only what the headers declare";
}

TEST_F(LoadingTest, ALibraryAloneReadsTheHeaderBesideIt) {
	load_types();
	EXPECT_NE(metacall_function("echo_int"), nullptr);
}

TEST_F(LoadingTest, APackageReadsTheHeaderNamedAfterTheStem) {
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("c", "libtypes.so", &handle), 0) << last_error_message();
	Args args{metacall_value_create_int(2), metacall_value_create_int(3)};
	const ValuePtr result(metacallhv_s(handle, "echo_int", args.data(), 1));
	EXPECT_EQ(metacall_value_to_int(result.get()), 2);
}

TEST_F(LoadingTest, APackageReadsALibPrefixedHeader) {
	ASSERT_EQ(metacall_load_from_package("c", "libcounter.so", nullptr), 0) << last_error_message();
	const ValuePtr first(metacallv_s("counter_next", nullptr, 0));
	EXPECT_EQ(metacall_value_to_int(first.get()), 1) << describe(first.get());
}

TEST_F(LoadingTest, APackageWithoutAHeaderNamesThePathsTried) {
	EXPECT_NE(metacall_load_from_package("c", "libheaderless.so", nullptr), 0);
	const std::string folder = test_libraries().string();
	EXPECT_TRUE(mentions(last_error_message(), {folder + "/headerless.h", folder + "/libheaderless.h"}));
}

TEST_F(LoadingTest, AMissingLibraryNamesItAndTheFoldersTried) {
	EXPECT_NE(metacall_load_from_package("c", "libnowhere.so", nullptr), 0);
	EXPECT_TRUE(mentions(last_error_message(), {"libnowhere.so", test_libraries().string()}));
}

TEST_F(LoadingTest, AMissingSymbolIsNamed) {
	const std::filesystem::path header =
	    write_file("missing_symbol.h", "int echo_int(int x);\nint not_in_library(int x);\n");
	const char *paths[] = {"libtypes.so", header.c_str()};
	EXPECT_NE(metacall_load_from_file("c", paths, 2, nullptr), 0);
	EXPECT_TRUE(mentions(last_error_message(),
	                     {header.string() + ":2:5", "libtypes.so", "has no symbol 'not_in_library'"}));
	EXPECT_EQ(metacall_function("echo_int"), nullptr) << "a failed load defines nothing";
}

TEST_F(LoadingTest, EveryMissingSymbolIsNamed) {
	const std::filesystem::path header =
	    write_file("missing_symbols.h", "int first_missing(void);\nint second_missing(void);\n");
	const char *paths[] = {"libtypes.so", header.c_str()};
	EXPECT_NE(metacall_load_from_file("c", paths, 2, nullptr), 0);
	EXPECT_TRUE(mentions(last_error_message(), {"'first_missing'", "'second_missing'"}));
}

TEST_F(LoadingTest, TwoLibrariesInOneLoadAreRefused) {
	const char *paths[] = {"libtypes.so", "libcounter.so"};
	EXPECT_NE(metacall_load_from_file("c", paths, 2, nullptr), 0);
	EXPECT_TRUE(mentions(last_error_message(), {"one load takes one library"}));
}

TEST_F(LoadingTest, LoadFromMemoryCallsTheProcesssLibm) {
	const char source[] = "double cos(double x);\ndouble sqrt(double x);";
	ASSERT_EQ(metacall_load_from_memory("c", source, sizeof(source), nullptr), 0) << last_error_message();
	Args args{metacall_value_create_double(0.0)};
	const ValuePtr result(metacallv_s("cos", args.data(), args.size()));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_DOUBLE) << describe(result.get());
	EXPECT_EQ(metacall_value_to_double(result.get()), 1.0);
	Args root{metacall_value_create_double(2.0)};
	EXPECT_DOUBLE_EQ(metacall_value_to_double(ValuePtr(metacallv_s("sqrt", root.data(), 1)).get()),
	                 std::sqrt(2.0));
}

TEST_F(LoadingTest, LoadFromMemoryCallsLibcWithStringsAndBuffers) {
	const char source[] = "size_t strlen(const char *s);\nint abs(int j);";
	ASSERT_EQ(metacall_load_from_memory("c", source, sizeof(source), nullptr), 0) << last_error_message();
	Args args{string_value("metacall")};
	EXPECT_EQ(metacall_value_to_long(ValuePtr(metacallv_s("strlen", args.data(), 1)).get()), 8);
	Args negative{metacall_value_create_int(-5)};
	EXPECT_EQ(metacall_value_to_int(ValuePtr(metacallv_s("abs", negative.data(), 1)).get()), 5);
}

TEST_F(LoadingTest, AnAsmLabelBindsAnotherSymbol) {
	const char source[] = "long plus(long a, long b) __asm__(\"__addvdi3\");";
	ASSERT_EQ(metacall_load_from_memory("c", source, sizeof(source), nullptr), 0) << last_error_message();
	EXPECT_EQ(add_through("plus", 40, 2), 42);
}

TEST_F(LoadingTest, LoadFromMemoryOfAnUnknownSymbolNamesIt) {
	const char source[] = "int surely_not_a_libc_function(int x);";
	EXPECT_NE(metacall_load_from_memory("c", source, sizeof(source), nullptr), 0);
	EXPECT_TRUE(mentions(last_error_message(), {"the process", "'surely_not_a_libc_function'"}));
}

TEST_F(LoadingTest, AHeaderAloneBindsToTheProcess) {
	const std::filesystem::path header = write_file("libm_subset.h", "double floor(double x);\n");
	const char *paths[] = {header.c_str()};
	ASSERT_EQ(metacall_load_from_file("c", paths, 1, nullptr), 0) << last_error_message();
	Args args{metacall_value_create_double(2.5)};
	EXPECT_EQ(metacall_value_to_double(ValuePtr(metacallv_s("floor", args.data(), 1)).get()), 2.0);
}

TEST_F(LoadingTest, InspectListsTheFunctionsWithTheirTypes) {
	load_types();
	char *text = metacall_inspect(nullptr, nullptr);
	ASSERT_NE(text, nullptr) << last_error_message();
	const nlohmann::json document = nlohmann::json::parse(text);
	free(text);
	const nlohmann::json *mean = nullptr;
	for (const auto &handle : document.at("c"))
		for (const auto &function : handle.at("scope").at("funcs"))
			if (function.at("name") == "mean")
				mean = &function;
	ASSERT_NE(mean, nullptr) << document.dump(2);
	EXPECT_EQ(mean->at("signature").at("ret").at("type").at("name"), metacall_value_id_name(METACALL_DOUBLE));
	const auto &args = mean->at("signature").at("args");
	ASSERT_EQ(args.size(), 1u) << mean->dump(2);
	EXPECT_EQ(args[0].at("name"), "xs");
	EXPECT_EQ(args[0].at("type").at("id"), METACALL_ARRAY);
	EXPECT_EQ(mean->at("async"), false);
}

TEST_F(LoadingTest, TheSameLibraryLoadsIntoTwoHandles) {
	void *first = nullptr;
	void *second = nullptr;
	const char *paths[] = {"libtypes.so"};
	ASSERT_EQ(metacall_load_from_file("c", paths, 1, &first), 0) << last_error_message();
	ASSERT_EQ(metacall_load_from_file("c", paths, 1, &second), 0) << last_error_message();
	ASSERT_EQ(metacall_clear(first), 0) << last_error_message();
	Args args{metacall_value_create_int(5)};
	EXPECT_EQ(metacall_value_to_int(ValuePtr(metacallhv_s(second, "echo_int", args.data(), 1)).get()), 5);
}

} // namespace
