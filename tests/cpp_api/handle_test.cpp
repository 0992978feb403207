// metacall::handle: a load as an object. Its functions are reached through it, and its destructor
// unloads them (metacall_clear).
#include "cpp_api_test.h"

#include <filesystem>
#include <fstream>
#include <type_traits>

#include <unistd.h>

using metacall::handle;

namespace {

using Handles = cpp_api_test::CppApi;

// A folder of scripts for one test, removed afterwards.
class ScriptFolder {
public:
	ScriptFolder() {
		const auto *test = ::testing::UnitTest::GetInstance()->current_test_info();
		path_ = std::filesystem::temp_directory_path() /
		        ("cpp_api_test_" + std::to_string(::getpid()) + "_" + test->name());
		std::filesystem::create_directories(path_);
	}
	~ScriptFolder() {
		std::error_code ignored;
		std::filesystem::remove_all(path_, ignored);
	}
	std::string write(const std::string &relative, const std::string &text) const {
		const auto file = path_ / relative;
		std::filesystem::create_directories(file.parent_path());
		std::ofstream(file) << text;
		return file.string();
	}
	std::string path() const { return path_.string(); }

private:
	std::filesystem::path path_;
};

} // namespace

TEST_F(Handles, LoadFromMemoryAndCall) {
	handle script = handle::load_from_memory("mock", cpp_api_test::mock_script);
	ASSERT_TRUE(script);
	EXPECT_EQ(script.tag(), "mock");
	EXPECT_EQ(script.name().rfind("memory-", 0), 0U) << script.name();
	EXPECT_EQ(script.call<long>("add", 2L, 3L), 5);
	EXPECT_EQ(script.call<std::string>(std::string("echo"), "hi"), "hi");
}

TEST_F(Handles, FunctionsListsTheLoadsFunctionsInOrder) {
	handle script = handle::load_from_memory("mock", cpp_api_test::mock_script);
	EXPECT_EQ(script.functions(),
	          (std::vector<std::string>{"add", "echo", "fail", "call", "echo_async", "fail_async"}));
}

TEST_F(Handles, FunctionsOfAnEmptyHandleIsAnError) {
	handle script = handle::load_from_memory("mock", "fn f(x) = echo\n");
	script.clear();
	try {
		script.functions();
		FAIL() << "no error";
	} catch (const metacall::error &e) {
		EXPECT_EQ(e.label(), "ReferenceError");
	}
	EXPECT_THROW(handle().functions(), metacall::error);
}

TEST_F(Handles, FunctionsOfTheHandleAreNotGlobal) {
	handle script = handle::load_from_memory("mock", "fn only_here(x) = echo\n");
	EXPECT_THROW(metacall::call<long>("only_here", 1L), metacall::error);
	EXPECT_EQ(script.call<long>("only_here", 1L), 1);
}

TEST_F(Handles, DestructorUnloadsTheFunctions) {
	metacall::function kept;
	std::string name;
	{
		handle script = handle::load_from_memory("mock", "fn add(a: Long, b: Long) -> Long = add\n");
		name = script.name();
		kept = script.function("add");
		EXPECT_EQ(kept.call<long>(1L, 1L), 2);
	}
	EXPECT_EQ(metacall_handle("mock", name.c_str()), nullptr); // the load is gone
	EXPECT_THROW(kept.call<long>(1L, 1L), metacall::error);    // and so is its function
}

TEST_F(Handles, ClearUnloadsAtOnceAndLeavesTheHandleEmpty) {
	handle script = handle::load_from_memory("mock", cpp_api_test::mock_script);
	void *raw = script.get();
	script.clear();
	EXPECT_FALSE(script);
	EXPECT_EQ(metacall_handle_name(raw), nullptr);
	script.clear(); // nothing left to clear
}

TEST_F(Handles, SeveralLoadsMayDefineTheSameNames) {
	handle first = handle::load_from_memory("mock", "fn f(a, b) = add\n");
	handle second = handle::load_from_memory("mock", "fn f(x) = echo\n");
	EXPECT_EQ(first.call<long>("f", 1L, 2L), 3);
	EXPECT_EQ(second.call<long>("f", 7L), 7);
}

TEST_F(Handles, MoveTransfersTheLoad) {
	handle first = handle::load_from_memory("mock", "fn f(x) = echo\n");
	handle moved = std::move(first);
	EXPECT_FALSE(first); // NOLINT(bugprone-use-after-move)
	EXPECT_EQ(moved.call<long>("f", 1L), 1);

	handle other = handle::load_from_memory("mock", "fn g(x) = echo\n");
	const std::string replaced = other.name();
	other = std::move(moved); // unloads what `other` held
	EXPECT_EQ(metacall_handle("mock", replaced.c_str()), nullptr);
	EXPECT_EQ(other.call<long>("f", 2L), 2);
}

TEST_F(Handles, ReleaseKeepsTheLoad) {
	void *raw = nullptr;
	{
		handle script = handle::load_from_memory("mock", "fn f(x) = echo\n");
		raw = script.release();
	}
	ASSERT_NE(metacall_handle_name(raw), nullptr);
	EXPECT_EQ(metacall_clear(raw), 0);
}

TEST_F(Handles, UnknownFunctionOfAHandleIsAnError) {
	handle script = handle::load_from_memory("mock", "fn f(x) = echo\n");
	EXPECT_THROW(script.call<long>("g", 1L), metacall::error);
	EXPECT_THROW(script.function("g"), metacall::error);
}

TEST_F(Handles, FailedLoadIsAnErrorNamingTheProblem) {
	try {
		handle::load_from_memory("mock", "fn broken(\n");
		FAIL() << "no error";
	} catch (const metacall::error &e) {
		EXPECT_EQ(e.label(), "LoaderError");
		EXPECT_NE(std::string(e.what()).find(":1:"), std::string::npos) << e.what();
	}
	EXPECT_THROW(handle::load_from_memory("no_such_tag", "x"), metacall::error);
}

TEST_F(Handles, LoadFromFile) {
	ScriptFolder folder;
	const std::string file = folder.write("math.mock", "fn add(a, b) = add\n");
	handle script = handle::load_from_file("mock", file);
	EXPECT_EQ(script.name(), file);
	EXPECT_EQ(script.call<long>("add", 1L, 2L), 3);
	EXPECT_THROW(handle::load_from_file("mock", folder.path() + "/absent.mock"), metacall::error);
}

TEST_F(Handles, LoadSeveralFilesAsOneHandle) {
	ScriptFolder folder;
	handle script = handle::load_from_file(
	    "mock", {folder.write("a.mock", "fn a(x) = echo\n"), folder.write("b.mock", "fn b(x) = echo\n")});
	EXPECT_EQ(script.functions(), (std::vector<std::string>{"a", "b"}));
}

// A braced list of string literals picks no overload by accident (std::string and
// std::vector<std::string> would both take it).
static_assert(std::is_same_v<decltype(handle::load_from_file("node", {"t.js"})), handle>);
static_assert(std::is_same_v<decltype(handle::load_from_file("mock", {"a.mock", "b.mock"})), handle>);

TEST_F(Handles, LoadFromABracedListOfOnePath) {
	ScriptFolder folder;
	const std::string file = folder.write("one.mock", "fn one(x) = echo\n");
	handle script = handle::load_from_file("mock", {file.c_str()});
	EXPECT_EQ(script.name(), file);
	EXPECT_EQ(script.functions(), std::vector<std::string>{"one"});
}

TEST_F(Handles, LoadFromABracedListOfPointersAsOneHandle) {
	ScriptFolder folder;
	const std::string a = folder.write("a.mock", "fn a(x) = echo\n");
	const std::string b = folder.write("b.mock", "fn b(x) = echo\n");
	handle script = handle::load_from_file("mock", {a.c_str(), b.c_str()});
	EXPECT_EQ(script.functions(), (std::vector<std::string>{"a", "b"}));
}

TEST_F(Handles, GlobalCallOfAHandlesFunctionNamesTheHandle) {
	ScriptFolder folder;
	const std::string file = folder.write("t.mock", "fn twice(x) = echo\n");
	handle script = handle::load_from_file("mock", file);
	try {
		metacall::call<double>("twice", 1.0);
		FAIL() << "no error";
	} catch (const metacall::error &e) {
		EXPECT_EQ(e.label(), "ReferenceError");
		EXPECT_NE(std::string(e.what()).find("handle '" + file + "' has one"), std::string::npos) << e.what();
	}
}

TEST_F(Handles, FunctionsOfTwoLoadsOfOneFileAreTheirOwn) {
	ScriptFolder folder;
	const std::string file = folder.write("twice.mock", "fn f(x) = echo\n");
	handle first = handle::load_from_file("mock", file);
	handle second = handle::load_from_file("mock", file);
	EXPECT_EQ(first.functions(), std::vector<std::string>{"f"});
	first.clear();
	EXPECT_EQ(second.functions(), std::vector<std::string>{"f"});
}

TEST_F(Handles, LoadFromPackage) {
	ScriptFolder folder;
	folder.write("pkg/main.mock", "fn from_package(x) = echo\n");
	handle package = handle::load_from_package("mock", folder.path() + "/pkg");
	EXPECT_EQ(package.call<std::string>("from_package", "ok"), "ok");
}

TEST(HandlesAcrossRuntimes, HandleOutlivingItsRuntimeDoesNothingWhenDestroyed) {
	ASSERT_EQ(metacall_initialize(), 0);
	auto stale = std::make_unique<handle>(handle::load_from_memory("mock", "fn f(x) = echo\n"));
	metacall::destroy(); // unloads everything, the handle included
	ASSERT_EQ(metacall_initialize(), 0);
	handle fresh = handle::load_from_memory("mock", "fn f(x) = echo\n");
	stale.reset(); // must not clear anything of the new runtime lifetime
	EXPECT_EQ(fresh.call<long>("f", 3L), 3);
	EXPECT_EQ(fresh.functions(), std::vector<std::string>{"f"});
	fresh.clear();
	metacall::destroy();
}
