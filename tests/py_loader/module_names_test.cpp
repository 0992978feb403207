// metacall_load_from_file("py", {"json"}): a name that is no script in the execution paths or the
// working directory, and reads as a module's name, is imported as that module, as MetaCall does;
// its functions are those it defines (os.path's are posixpath's). A name that is neither is
// refused with an error that names both tries.
#include "py_test.h"

namespace {

using PyModuleNames = PyLoaderTest;

int load_name(const char *name, void **handle) {
	const char *paths[] = {name};
	return metacall_load_from_file("py", paths, 1, handle);
}

TEST_F(PyModuleNames, AStandardModuleNameLoadsItsFunctions) {
	void *handle = nullptr;
	ASSERT_EQ(load_name("json", &handle), 0) << last_error();
	const ValuePtr parsed = call_in(handle, "loads", {string_value("[1, 2]")});
	EXPECT_EQ(metacall_value_count(parsed.get()), 2u) << describe(parsed.get());
	EXPECT_EQ(metacall_clear(handle), 0) << last_error();
}

TEST_F(PyModuleNames, ClearingAModuleThePythonHadBeforeLeavesItInSysModules) {
	void *handle = nullptr;
	ASSERT_EQ(load_name("sys", &handle), 0) << last_error();
	EXPECT_NE(metacall_handle_function(handle, "getrecursionlimit"), nullptr) << last_error();
	EXPECT_EQ(metacall_clear(handle), 0) << last_error();
	EXPECT_TRUE(python_has_module("sys"));
}

TEST_F(PyModuleNames, ADottedNameLoadsTheFunctionsOfTheModuleItNames) {
	void *handle = nullptr;
	ASSERT_EQ(load_name("os.path", &handle), 0) << last_error();
	EXPECT_TRUE(is_string(call_in(handle, "dirname", {string_value("/a/b/c.txt")}).get(), "/a/b"));
}

TEST_F(PyModuleNames, SeveralModuleNamesLoadAsOneHandle) {
	const char *paths[] = {"binascii", "colorsys"};
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_file("py", paths, 2, &handle), 0) << last_error();
	EXPECT_NE(metacall_handle_function(handle, "rgb_to_hsv"), nullptr) << last_error();
	EXPECT_NE(metacall_handle_function(handle, "crc32"), nullptr) << last_error();
}

TEST_F(PyModuleNames, AScriptInTheExecutionPathComesBeforeAModule) {
	ASSERT_EQ(load("shadowing/os.py"), 0) << last_error(); // a script named like a standard module
	EXPECT_TRUE(is_string(call("shadow").get(), "the script, not the standard module"));
}

TEST_F(PyModuleNames, ANameThatIsNeitherScriptNorModuleNamesBothTries) {
	EXPECT_NE(load_name("no_such_module_for_metacall", nullptr), 0);
	const std::string error = last_error();
	EXPECT_NE(error.find("ModuleNotFoundError"), std::string::npos) << error;
	EXPECT_NE(error.find("cannot find the script 'no_such_module_for_metacall'"), std::string::npos) << error;
	EXPECT_NE(error.find("nor is 'no_such_module_for_metacall' a module to import"), std::string::npos)
	    << error;
}

TEST_F(PyModuleNames, AModuleWhoseOwnImportFailsReportsThatFailure) {
	// raises_on_import is a script: as a module name (no .py) it is found on sys.path and fails.
	EXPECT_NE(load_name("raises_on_import", nullptr), 0);
	const std::string error = last_error();
	EXPECT_NE(error.find("refusing to load"), std::string::npos) << error;
	EXPECT_EQ(error.find("nor is"), std::string::npos) << error;
}

TEST_F(PyModuleNames, AMissingScriptNameIsNotTriedAsAModule) {
	EXPECT_NE(load_name("nowhere.py", nullptr), 0);
	const std::string error = last_error();
	EXPECT_NE(error.find("FileNotFoundError"), std::string::npos) << error;
	EXPECT_EQ(error.find("nor is"), std::string::npos) << error;
}

} // namespace
