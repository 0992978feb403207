// Loading: WAT files, binary modules from memory and from a file, a package folder (all its
// modules in one handle), and clear errors for what cannot load.
#include "wasm_fixture.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

// (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
const unsigned char kAdd[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,                   // "\0asm", version 1
    0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f,             // type 0: (i32, i32) -> i32
    0x03, 0x02, 0x01, 0x00,                                           // func 0: type 0
    0x07, 0x07, 0x01, 0x03, 0x61, 0x64, 0x64, 0x00, 0x00,             // export "add": func 0
    0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b, // code
};
static_assert(sizeof kAdd == 41, "the add module is 41 bytes");

// The same module followed by a custom section named "x" whose one byte of content is 0: the
// module's last byte is a NUL that is part of it (a loader that drops trailing NULs breaks it).
std::string add_ending_in_nul() {
	std::string bytes(reinterpret_cast<const char *>(kAdd), sizeof kAdd);
	bytes += std::string("\x00\x03\x01x\x00", 5);
	return bytes;
}

class Loading : public WasmLoaderTest {
protected:
	// 2 + 40 through `handle`'s "add".
	::testing::AssertionResult adds(void *handle) {
		Args args{metacall_value_create_int(2), metacall_value_create_int(40)};
		return is_int(call(handle, "add", args).get(), 42);
	}
};

TEST_F(Loading, WatFile) {
	void *handle = load("numbers.wat");
	ASSERT_NE(handle, nullptr);
	EXPECT_TRUE(adds(handle));
}

TEST_F(Loading, BinaryFromMemory) {
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_memory("wasm", reinterpret_cast<const char *>(kAdd), sizeof kAdd, &handle),
	          0)
	    << last_error_message();
	EXPECT_TRUE(adds(handle));
}

TEST_F(Loading, BinaryFromMemoryKeepsATrailingNul) {
	const std::string bytes = add_ending_in_nul();
	ASSERT_EQ(bytes.back(), '\0');
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_memory("wasm", bytes.data(), bytes.size(), &handle), 0)
	    << last_error_message();
	EXPECT_TRUE(adds(handle));
}

TEST_F(Loading, WatTextFromMemoryWithItsNul) {
	const char text[] = "(module (func $add (export \"add\") (param i32 i32) (result i32)"
	                    " local.get 0 local.get 1 i32.add))";
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_memory("wasm", text, sizeof text, &handle), 0) << last_error_message();
	EXPECT_TRUE(adds(handle));
}

TEST_F(Loading, BinaryFile) {
	const std::filesystem::path path = std::filesystem::path(::testing::TempDir()) /
	                                   ("wasm_loader_add_" + std::to_string(getpid()) + ".wasm");
	{
		std::ofstream out(path, std::ios::binary);
		out.write(reinterpret_cast<const char *>(kAdd), sizeof kAdd);
	}
	const std::string name = path.string();
	const char *paths[] = {name.c_str()};
	void *handle = nullptr;
	const int failed = metacall_load_from_file("wasm", paths, 1, &handle);
	std::filesystem::remove(path);
	ASSERT_EQ(failed, 0) << last_error_message();
	EXPECT_TRUE(adds(handle));
}

TEST_F(Loading, PackageFolderPutsEveryModuleInOneHandle) {
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("wasm", module_path("package").c_str(), &handle), 0)
	    << last_error_message();
	ValuePtr exports(metacall_handle_export(handle));
	ASSERT_NE(exports, nullptr) << last_error_message();
	EXPECT_EQ(metacall_value_count(exports.get()), 2u); // notes.txt is not a module
	EXPECT_TRUE(is_int(call(handle, "first").get(), 1));
	Args args{metacall_value_create_long(21)};
	EXPECT_TRUE(is_long(call(handle, "second", args).get(), 42));
}

TEST_F(Loading, PackageWithABrokenModuleFailsAsAWholeNamingIt) {
	void *handle = nullptr;
	ASSERT_NE(metacall_load_from_package("wasm", module_path("broken_package").c_str(), &handle), 0);
	EXPECT_TRUE(mentions(last_error_message(), {"LoaderError", "b_broken.wat", "nor valid WAT text"}));
	EXPECT_EQ(metacall_handle("wasm", module_path("broken_package").c_str()), nullptr);
}

TEST_F(Loading, PackageWhoseModulesExportTheSameNameFails) {
	void *handle = nullptr;
	ASSERT_NE(metacall_load_from_package("wasm", module_path("clash").c_str(), &handle), 0);
	EXPECT_TRUE(mentions(last_error_message(), {"LoaderError", "'value' twice"}));
}

TEST_F(Loading, MissingPackageNamesThePathsTried) {
	ASSERT_EQ(metacall_execution_path("wasm", WASM_LOADER_TEST_MODULES), 0) << last_error_message();
	void *handle = nullptr;
	ASSERT_NE(metacall_load_from_package("wasm", "no_such_package", &handle), 0);
	const std::string error = last_error_message();
	EXPECT_TRUE(mentions(error, {"no module or folder 'no_such_package'", "tried",
	                             std::string(WASM_LOADER_TEST_MODULES) + "/no_such_package",
	                             (std::filesystem::current_path() / "no_such_package").string()}));
}

TEST_F(Loading, ExecutionPathFindsARelativePackage) {
	ASSERT_EQ(metacall_execution_path("wasm", WASM_LOADER_TEST_MODULES), 0) << last_error_message();
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("wasm", "package", &handle), 0) << last_error_message();
	EXPECT_TRUE(is_int(call(handle, "first").get(), 1));
}

TEST_F(Loading, MalformedBinaryIsALoaderError) {
	const char bytes[] = "\0asm\x01\x00\x00\x00\xff\xff\xff garbage";
	void *handle = nullptr;
	ASSERT_NE(metacall_load_from_memory("wasm", bytes, sizeof bytes - 1, &handle), 0);
	EXPECT_TRUE(mentions(last_error_message(), {"LoaderError", "not a valid WebAssembly module"}));
}

TEST_F(Loading, TruncatedBinaryIsALoaderError) {
	void *handle = nullptr;
	ASSERT_NE(
	    metacall_load_from_memory("wasm", reinterpret_cast<const char *>(kAdd), sizeof kAdd - 3, &handle), 0);
	EXPECT_TRUE(mentions(last_error_message(), {"LoaderError", "not a valid WebAssembly module"}));
}

TEST_F(Loading, TextThatIsNotWatIsALoaderError) {
	const char text[] = "def add(a, b): return a + b";
	void *handle = nullptr;
	ASSERT_NE(metacall_load_from_memory("wasm", text, sizeof text, &handle), 0);
	EXPECT_TRUE(mentions(last_error_message(), {"LoaderError", "nor valid WAT text"}));
}

TEST_F(Loading, InvalidModuleIsALoaderError) {
	// Well-formed WAT whose function returns an i64 where it declares an i32.
	const char text[] = "(module (func $bad (export \"bad\") (result i32) i64.const 1))";
	void *handle = nullptr;
	ASSERT_NE(metacall_load_from_memory("wasm", text, sizeof text, &handle), 0);
	EXPECT_TRUE(
	    mentions(last_error_message(), {"LoaderError", "not a valid WebAssembly module", "type mismatch"}));
}

TEST_F(Loading, EmptyTextIsALoaderError) {
	void *handle = nullptr;
	ASSERT_NE(metacall_load_from_memory("wasm", "", 0, &handle), 0);
	EXPECT_TRUE(mentions(last_error_message(), {"LoaderError", "nor valid WAT text"}));
}

TEST_F(Loading, TrapInTheStartFunctionFailsTheLoad) {
	const char text[] = "(module (func $boom unreachable) (start $boom))";
	void *handle = nullptr;
	ASSERT_NE(metacall_load_from_memory("wasm", text, sizeof text, &handle), 0);
	EXPECT_TRUE(mentions(last_error_message(), {"LoaderError", "unreachable executed", "at boom"}));
}

TEST_F(Loading, ExportsTakingReferencesAreLeftOut) {
	const char text[] =
	    "(module (func $ref (export \"ref\") (param externref) (result externref) local.get 0)"
	    " (func $plain (export \"plain\") (result i32) i32.const 3))";
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_memory("wasm", text, sizeof text, &handle), 0) << last_error_message();
	ValuePtr exports(metacall_handle_export(handle));
	ASSERT_NE(exports, nullptr) << last_error_message();
	EXPECT_EQ(metacall_value_count(exports.get()), 1u);
	EXPECT_EQ(metacall_handle_function(handle, "ref"), nullptr);
	EXPECT_TRUE(is_int(call(handle, "plain").get(), 3));
}

TEST_F(Loading, ClearedHandleCanBeLoadedAgain) {
	void *handle = load("numbers.wat");
	ASSERT_NE(handle, nullptr);
	ASSERT_EQ(metacall_clear(handle), 0) << last_error_message();
	handle = load("numbers.wat");
	ASSERT_NE(handle, nullptr);
	EXPECT_TRUE(adds(handle));
}

TEST_F(Loading, FailedLoadLeavesTheLoaderWorking) {
	void *handle = nullptr;
	ASSERT_NE(metacall_load_from_memory("wasm", "nonsense", 8, &handle), 0);
	ASSERT_EQ(metacall_load_from_memory("wasm", reinterpret_cast<const char *>(kAdd), sizeof kAdd, &handle),
	          0)
	    << last_error_message();
	EXPECT_TRUE(adds(handle));
}

} // namespace
