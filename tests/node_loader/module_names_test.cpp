// metacall_load_from_file("node", {"path"}): a name that is no file in the execution paths or the
// working directory is required as a module (a built-in, an installed package), as MetaCall does;
// a name that is neither is refused with an error that names both tries.
#include "node_test.h"

namespace {

using NodeModuleNames = NodeLoaderTest;

TEST_F(NodeModuleNames, ABuiltinModuleNameLoadsItsFunctions) {
	void *handle = nullptr;
	ASSERT_EQ(load("path", &handle), 0) << last_error();
	ASSERT_NE(handle, nullptr);
	EXPECT_TRUE(is_string(call_in(handle, "dirname", {string_value("/a/b/c.txt")}).get(), "/a/b"));
	EXPECT_EQ(metacall_clear(handle), 0) << last_error();
}

TEST_F(NodeModuleNames, ANodePrefixedNameLoadsToo) {
	void *handle = nullptr;
	ASSERT_EQ(load("node:path", &handle), 0) << last_error();
	EXPECT_TRUE(is_string(call_in(handle, "extname", {string_value("x.json")}).get(), ".json"));
}

TEST_F(NodeModuleNames, AFileInTheExecutionPathComesBeforeAModule) {
	TempFolder folder;
	folder.write("path.js", "module.exports = { which: () => 'the file' };\n");
	ASSERT_EQ(metacall_execution_path("node", folder.path().c_str()), 0) << last_error();
	void *handle = nullptr;
	ASSERT_EQ(load("path.js", &handle), 0) << last_error();
	EXPECT_TRUE(is_string(call_in(handle, "which").get(), "the file"));
}

TEST_F(NodeModuleNames, ANameThatIsNeitherFileNorModuleNamesBothTries) {
	EXPECT_NE(load("no_such_module_for_metacall"), 0);
	const std::string error = last_error();
	EXPECT_NE(error.find("cannot find 'no_such_module_for_metacall'"), std::string::npos) << error;
	EXPECT_NE(error.find("nor is 'no_such_module_for_metacall' a module"), std::string::npos) << error;
}

TEST_F(NodeModuleNames, AMissingAbsolutePathIsNotTriedAsAModule) {
	EXPECT_NE(load("/no/such/folder/script.js"), 0);
	const std::string error = last_error();
	EXPECT_NE(error.find("cannot find '/no/such/folder/script.js'"), std::string::npos) << error;
	EXPECT_EQ(error.find("nor is"), std::string::npos) << error;
}

} // namespace
