// Loading: CommonJS files by name (through the execution path) and by absolute path, code from
// memory, folders with a package.json; loads that fail say why and leave nothing behind.
#include "node_test.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace {

using NodeLoad = NodeLoaderTest;

// metacall_error_last's message mentions every one of `parts`.
::testing::AssertionResult last_error_names(std::initializer_list<std::string> parts) {
	const std::string message = last_error_message();
	for (const std::string &part : parts)
		if (message.find(part) == std::string::npos)
			return ::testing::AssertionFailure() << "the message does not name '" << part << "': " << message;
	return ::testing::AssertionSuccess();
}

// The names of the handles metacall_inspect lists under "node".
std::vector<std::string> node_handle_names() {
	size_t size = 0;
	char *text = metacall_inspect(&size, nullptr);
	std::vector<std::string> names;
	if (text == nullptr)
		return names;
	const auto json = nlohmann::json::parse(text);
	std::free(text);
	if (json.contains("node"))
		for (const auto &handle : json["node"])
			names.push_back(handle["name"].get<std::string>());
	return names;
}

TEST_F(NodeLoad, AFileIsFoundThroughTheExecutionPathNotTheWorkingDirectory) {
	ASSERT_NE(std::filesystem::current_path(), std::filesystem::path(scripts_folder()));
	ASSERT_EQ(load("arith.js"), 0) << last_error();
	EXPECT_TRUE(
	    is_long(call("add", {metacall_value_create_long(2), metacall_value_create_long(3)}).get(), 5));
	EXPECT_TRUE(is_string(call("loaded_from").get(), scripts_folder() + "/arith.js"));
}

TEST_F(NodeLoad, AFileInASubfolderOfTheExecutionPathRequiresItsSiblings) {
	ASSERT_EQ(load("nested/relative_user.js"), 0) << last_error();
	EXPECT_TRUE(is_string(call("greet", {string_value("C")}).get(), "hello from a sibling, C"));
}

TEST_F(NodeLoad, AFileLoadsByAbsolutePathIntoAHandle) {
	TempFolder folder;
	const std::string file = folder.write("absolute.js", "module.exports.where = () => __filename;\n");
	void *handle = nullptr;
	ASSERT_EQ(load(file, &handle), 0) << last_error();
	EXPECT_TRUE(is_string(call_in(handle, "where").get(), file));
	EXPECT_EQ(metacall_function("where"), nullptr) << "a handle load leaked into the global scope";
}

TEST_F(NodeLoad, SeveralFilesLoadAsOneHandle) {
	const char *paths[] = {"arith.js", "nested/relative_user.js"};
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_file("node", paths, 2, &handle), 0) << last_error();
	EXPECT_TRUE(is_long(
	    call_in(handle, "mul", {metacall_value_create_long(6), metacall_value_create_long(7)}).get(), 42));
	EXPECT_TRUE(is_string(call_in(handle, "greet", {string_value("B")}).get(), "hello from a sibling, B"));
}

TEST_F(NodeLoad, CodeFromMemoryCanRequireBuiltInModules) {
	void *handle = load_memory("const path = require('path');\n"
	                           "module.exports.base = (p) => path.basename(p);\n");
	ASSERT_NE(handle, nullptr);
	EXPECT_TRUE(is_string(call_in(handle, "base", {string_value("/a/b/c.txt")}).get(), "c.txt"));
}

TEST_F(NodeLoad, CodeFromMemoryIntoTheGlobalScope) {
	const char source[] = "exports.triple = (x) => 3 * x;\n";
	ASSERT_EQ(metacall_load_from_memory("node", source, sizeof source, nullptr), 0) << last_error();
	EXPECT_TRUE(is_long(call("triple", {metacall_value_create_long(14)}).get(), 42));
}

TEST_F(NodeLoad, AFolderWithPackageJsonLoadsItsMainEntry) {
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("node", "local_package", &handle), 0) << last_error();
	EXPECT_TRUE(is_long(
	    call_in(handle, "package_area", {metacall_value_create_long(2), metacall_value_create_long(3)}).get(),
	    60));
	EXPECT_TRUE(is_string(call_in(handle, "package_name").get(), "local-package"));
}

TEST_F(NodeLoad, AFolderWithPackageJsonLoadsByAbsolutePath) {
	const std::string folder = scripts_folder() + "/local_package";
	ASSERT_EQ(metacall_load_from_package("node", folder.c_str(), nullptr), 0) << last_error();
	EXPECT_TRUE(is_string(call("package_name").get(), "local-package"));
}

TEST_F(NodeLoad, AMissingFileFailsNamingItAndTheFoldersSearched) {
	metacall_error_clear();
	void *handle = nullptr;
	EXPECT_NE(load("no_such_script.js", &handle), 0);
	EXPECT_TRUE(last_error_names({"no_such_script.js", scripts_folder()}));
	EXPECT_EQ(metacall_handle("node", "no_such_script.js"), nullptr);
}

TEST_F(NodeLoad, ASyntaxErrorFailsNamingTheFileAndTheError) {
	metacall_error_clear();
	EXPECT_NE(load("syntax_error.js"), 0);
	EXPECT_TRUE(last_error_names({"syntax_error.js", "SyntaxError"}));
	EXPECT_EQ(metacall_function("broken"), nullptr);
}

TEST_F(NodeLoad, AScriptThatThrowsWhileLoadingFailsWithItsErrorAndDefinesNothing) {
	metacall_error_clear();
	EXPECT_NE(load("throws_at_load.js"), 0);
	EXPECT_TRUE(last_error_names({"throws_at_load.js", "RangeError", "throws_at_load refuses to load"}));
	EXPECT_EQ(metacall_function("defined_before_throw"), nullptr);
	EXPECT_TRUE(node_handle_names().empty());
}

TEST_F(NodeLoad, AFailedLoadOfSeveralFilesDefinesNoneOfThem) {
	const char *paths[] = {"arith.js", "throws_at_load.js"};
	EXPECT_NE(metacall_load_from_file("node", paths, 2, nullptr), 0);
	EXPECT_EQ(metacall_function("add"), nullptr);
	EXPECT_TRUE(node_handle_names().empty());
	ASSERT_EQ(load("arith.js"), 0) << last_error(); // and it can be loaded on its own afterwards
	EXPECT_TRUE(
	    is_long(call("add", {metacall_value_create_long(1), metacall_value_create_long(2)}).get(), 3));
}

// A failed load must not leave the files it did read in require's cache: fixing a file and
// loading it again gives the new code.
TEST_F(NodeLoad, AFailedLoadOfSeveralFilesForgetsTheFilesItRead) {
	TempFolder folder;
	const std::string good = folder.write("good.js", "module.exports.version = () => 1;\n");
	const std::string bad = folder.write("bad.js", "throw new Error('bad on purpose');\n");
	const char *both[] = {good.c_str(), bad.c_str()};
	ASSERT_NE(metacall_load_from_file("node", both, 2, nullptr), 0);
	folder.write("good.js", "module.exports.version = () => 2;\n");
	void *handle = nullptr;
	ASSERT_EQ(load(good, &handle), 0) << last_error();
	EXPECT_TRUE(is_long(call_in(handle, "version").get(), 2)) << "good.js stayed in require.cache";
}

TEST_F(NodeLoad, AMissingPackageFailsNamingIt) {
	metacall_error_clear();
	EXPECT_NE(metacall_load_from_package("node", "no-such-package-here", nullptr), 0);
	EXPECT_TRUE(last_error_names({"no-such-package-here"}));
}

TEST_F(NodeLoad, TheLoaderStaysUsableAfterFailedLoads) {
	EXPECT_NE(load("syntax_error.js"), 0);
	EXPECT_NE(load("throws_at_load.js"), 0);
	EXPECT_NE(load("no_such_script.js"), 0);
	ASSERT_EQ(load("arith.js"), 0) << last_error();
	EXPECT_TRUE(
	    is_long(call("mul", {metacall_value_create_long(6), metacall_value_create_long(7)}).get(), 42));
}

} // namespace
