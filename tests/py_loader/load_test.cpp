// Loading: files (one or several per handle), sibling and relative imports, execution paths,
// packages, code from memory, and loads that fail with the Python error text.
#include "py_test.h"

namespace {

using PyLoad = PyLoaderTest;

TEST_F(PyLoad, AFileLoadsAndItsFunctionsAreCallable) {
	ASSERT_EQ(load("conversions.py"), 0) << last_error();
	EXPECT_TRUE(is_long(call("echo", {metacall_value_create_long(7)}).get(), 7));
}

TEST_F(PyLoad, SeveralFilesLoadAsOneHandle) {
	const char *paths[] = {"first_part.py", "second_part.py"};
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_file("py", paths, 2, &handle), 0) << last_error();
	EXPECT_TRUE(is_long(call_in(handle, "from_first").get(), 1));
	EXPECT_TRUE(is_long(call_in(handle, "from_second").get(), 2));
}

TEST_F(PyLoad, AFileBecomesAModuleNamedAfterItsStem) {
	ASSERT_EQ(load("first_part.py"), 0) << last_error();
	EXPECT_TRUE(python_has_module("first_part"));
}

TEST_F(PyLoad, AScriptImportsTheModulesBesideIt) {
	ASSERT_EQ(load("sibling_user.py"), 0) << last_error();
	EXPECT_TRUE(is_string(call("from_sibling").get(), "sibling_helper"));
}

TEST_F(PyLoad, RelativeImportsWorkInAScriptInsideAPackage) {
	ASSERT_EQ(load("relative_pkg/entry.py"), 0) << last_error();
	EXPECT_TRUE(is_long(call("quadruple", {metacall_value_create_long(3)}).get(), 12));
	EXPECT_TRUE(is_string(call("greeting").get(), "hello from a sibling"));
	EXPECT_TRUE(is_string(call("package_name").get(), "relative_pkg"));
	EXPECT_TRUE(python_has_module("relative_pkg.entry"));
}

TEST_F(PyLoad, APackagesInitLoadedAsAScriptImportsTheFileBesideIt) {
	ASSERT_EQ(load("mesh_pkg/__init__.py"), 0) << last_error();
	EXPECT_TRUE(is_long(call("doubled_twice", {metacall_value_create_long(3)}).get(), 12));
	// what it imports from the script beside it, it re-exports (as MetaCall's loader does)
	EXPECT_TRUE(is_long(call("double", {metacall_value_create_long(4)}).get(), 8));
}

TEST_F(PyLoad, AScriptIsFoundThroughAnExecutionPath) {
	EXPECT_NE(load("only_in_extra.py"), 0);
	const std::string extra = scripts_folder() + "/extra";
	ASSERT_EQ(metacall_execution_path("py", extra.c_str()), 0) << last_error();
	ASSERT_EQ(load("only_in_extra.py"), 0) << last_error();
	EXPECT_TRUE(is_string(call("where").get(), "extra"));
}

TEST_F(PyLoad, AnExecutionPathIsPutAtTheFrontOfSysPath) {
	const std::string extra = scripts_folder() + "/extra";
	ASSERT_EQ(metacall_execution_path("py", extra.c_str()), 0) << last_error();
	void *handle = load_memory("import sys\ndef first_entries():\n    return sys.path[:2]\n");
	const ValuePtr entries = call_in(handle, "first_entries");
	ASSERT_EQ(metacall_value_id(entries.get()), METACALL_ARRAY) << describe(entries.get());
	void **items = metacall_value_to_array(entries.get());
	EXPECT_TRUE(text_of(items[0]) == extra || text_of(items[1]) == extra) << text_of(items[0]);
}

TEST_F(PyLoad, APackageLoadsByNameWithTheFunctionsOfItsSubmodules) {
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("py", "demo_package", &handle), 0) << last_error();
	EXPECT_TRUE(is_string(call_in(handle, "version").get(), "1.0"));
	EXPECT_TRUE(is_long(
	    call_in(handle, "product", {metacall_value_create_long(6), metacall_value_create_long(7)}).get(),
	    42));
}

TEST_F(PyLoad, APackageLoadsByPath) {
	const std::string path = scripts_folder() + "/demo_package";
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("py", path.c_str(), &handle), 0) << last_error();
	EXPECT_TRUE(is_string(call_in(handle, "version").get(), "1.0"));
}

TEST_F(PyLoad, CodeFromMemoryRunsInAModuleNamedAfterTheHandle) {
	const std::string source = "def name():\n    return __name__\n";
	void *handle = load_memory(source);
	ASSERT_NE(handle, nullptr);
	const std::string handle_name = metacall_handle_name(handle);
	EXPECT_TRUE(is_string(call_in(handle, "name").get(), handle_name));
	EXPECT_TRUE(python_has_module(handle_name));
}

TEST_F(PyLoad, ASyntaxErrorFailsTheLoadWithFileAndLine) {
	metacall_error_clear();
	EXPECT_NE(load("syntax_error.py"), 0);
	const std::string error = last_error();
	EXPECT_NE(error.find("SyntaxError"), std::string::npos) << error;
	EXPECT_NE(error.find("syntax_error.py"), std::string::npos) << error;
	EXPECT_NE(error.find("line 3"), std::string::npos) << error;
}

TEST_F(PyLoad, AnExceptionDuringImportFailsTheLoadWithTypeMessageAndPlace) {
	metacall_error_clear();
	EXPECT_NE(load("raises_on_import.py"), 0);
	const std::string error = last_error();
	EXPECT_NE(error.find("RuntimeError: refusing to load"), std::string::npos) << error;
	EXPECT_NE(error.find("raises_on_import.py:5"), std::string::npos) << error;
}

TEST_F(PyLoad, AFailedImportLeavesNoModuleBehind) {
	ASSERT_NE(load("raises_on_import.py"), 0);
	EXPECT_FALSE(python_has_module("raises_on_import"));
	EXPECT_EQ(metacall_function("fine"), nullptr);
}

TEST_F(PyLoad, AMissingFileNamesTheFileAndWhereItLooked) {
	metacall_error_clear();
	EXPECT_NE(load("nowhere.py"), 0);
	const std::string error = last_error();
	EXPECT_NE(error.find("FileNotFoundError"), std::string::npos) << error;
	EXPECT_NE(error.find(scripts_folder() + "/nowhere.py"), std::string::npos) << error;
}

TEST_F(PyLoad, AMissingPackageIsAModuleNotFoundError) {
	metacall_error_clear();
	EXPECT_NE(metacall_load_from_package("py", "no_such_package_anywhere", nullptr), 0);
	EXPECT_NE(last_error().find("ModuleNotFoundError"), std::string::npos) << last_error();
}

TEST_F(PyLoad, BrokenCodeFromMemoryIsASyntaxError) {
	const std::string source = "def broken(:\n";
	metacall_error_clear();
	EXPECT_NE(metacall_load_from_memory("py", source.data(), source.size(), nullptr), 0);
	EXPECT_NE(last_error().find("SyntaxError"), std::string::npos) << last_error();
}

TEST_F(PyLoad, AScriptNamedLikeAStandardModuleDoesNotReplaceIt) {
	ASSERT_EQ(load("shadowing/os.py"), 0) << last_error();
	EXPECT_TRUE(is_string(call("shadow").get(), "the script, not the standard module"));
	void *handle = load_memory("import os\ndef real_os():\n    return hasattr(os, 'getcwd')\n");
	const ValuePtr real = call_in(handle, "real_os");
	ASSERT_EQ(metacall_value_id(real.get()), METACALL_BOOL) << describe(real.get());
	EXPECT_EQ(metacall_value_to_bool(real.get()), 1);
}

} // namespace

// The compiler reads up to a NUL: the functions after one would be missing without a word.
TEST_F(PyLoad, SourceFromMemoryWithANulByteIsRefusedNamingItsOffset) {
	const std::string source("def first():\n    return 1\n\0def second():\n    return 2\n", 51);
	metacall_error_clear();
	EXPECT_NE(metacall_load_from_memory("py", source.data(), source.size(), nullptr), 0);
	EXPECT_NE(last_error().find("NUL byte at offset 26"), std::string::npos) << last_error();
}
