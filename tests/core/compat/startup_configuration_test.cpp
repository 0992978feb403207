// MetaCall's start-up configuration (CONFIGURATION_PATH: global.json and the "<tag>_loader" files it
// names), LOADER_SCRIPT_PATH, and the search of relative paths by metacall_load_from_file, on the
// mock loader. Each test is its own process (gtest_discover_tests), so the environment it sets
// reaches only its own metacall_initialize.
#include "../../mock_loader/mock_test_files.h"
#include "../support/error_text.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

using core_test::LastErrorContains;

namespace {

// A mock script defining `name` with `arity` parameters: which file was loaded shows in the arity.
std::string returning(const std::string &name, long arity) {
	std::string params;
	for (long i = 0; i < arity; ++i)
		params += (i == 0 ? "p" : ", p") + std::to_string(i);
	return "fn " + name + "(" + params + ") = null\n";
}

class StartupConfiguration : public ::testing::Test {
protected:
	void TearDown() override {
		metacall_destroy();
		unsetenv("CONFIGURATION_PATH");
		unsetenv("LOADER_SCRIPT_PATH");
		if (!cwd_.empty())
			std::filesystem::current_path(cwd_);
	}

	void configure(const std::filesystem::path &global) { setenv("CONFIGURATION_PATH", global.c_str(), 1); }
	void enter(const std::filesystem::path &folder) {
		cwd_ = std::filesystem::current_path();
		std::filesystem::current_path(folder);
	}

	int load(const char *name, void **handle = nullptr) {
		const char *paths[] = {name};
		return metacall_load_from_file("mock", paths, 1, handle);
	}
	// The arity of the global function `name` (-1 when there is none).
	long call(const char *name) {
		void *function = metacall_function(name);
		EXPECT_NE(function, nullptr) << core_test::last_error_message().value_or("");
		return function != nullptr ? static_cast<long>(metacall_function_size(function)) : -1;
	}

	TemporaryFolder folder_;
	std::filesystem::path cwd_;
};

} // namespace

TEST_F(StartupConfiguration, LoaderFileExecutionPathsAreRelativeToTheirFile) {
	folder_.write("configurations/global.json", R"({"mock_loader": "./mock_loader.json"})");
	folder_.write("configurations/mock_loader.json", R"({"execution_paths": ["../scripts/a/b"]})");
	folder_.write("scripts/a/b/deep.mock", returning("deep", 7));
	configure(folder_.path() / "configurations/global.json");
	ASSERT_EQ(metacall_initialize(), 0) << core_test::last_error_message().value_or("");
	ASSERT_EQ(load("deep.mock"), 0) << core_test::last_error_message().value_or("");
	EXPECT_EQ(call("deep"), 7);
}

TEST_F(StartupConfiguration, AbsolutePathsAndUnknownKeysAreAccepted) {
	const std::string scripts = (folder_.path() / "elsewhere").string();
	folder_.write("global.json", R"({"log_level": "Debug", "mock_loader": ")" +
	                                 (folder_.path() / "loaders/mock_loader.json").string() + R"("})");
	folder_.write("loaders/mock_loader.json",
	              R"({"execution_paths": [")" + scripts + R"("], "dependencies": {"x": ["/no/such.so"]}})");
	folder_.write("elsewhere/far.mock", returning("far", 11));
	configure(folder_.path() / "global.json");
	ASSERT_EQ(metacall_initialize(), 0) << core_test::last_error_message().value_or("");
	ASSERT_EQ(load("far.mock"), 0) << core_test::last_error_message().value_or("");
	EXPECT_EQ(call("far"), 11);
}

TEST_F(StartupConfiguration, MalformedGlobalFileFailsInitializeWithItsName) {
	const auto global = folder_.write("global.json", "{ \"mock_loader\": ");
	configure(global);
	EXPECT_NE(metacall_initialize(), 0);
	EXPECT_TRUE(LastErrorContains("metacall_initialize"));
	EXPECT_TRUE(LastErrorContains(global.string()));
	EXPECT_TRUE(LastErrorContains("not a JSON object"));
	EXPECT_NE(metacall_is_initialized(nullptr), 0);
	unsetenv("CONFIGURATION_PATH");
	EXPECT_EQ(metacall_initialize(), 0) << "a later initialize without the file works";
}

TEST_F(StartupConfiguration, ExecutionPathsOfTheWrongTypeAreRefused) {
	folder_.write("global.json", R"({"mock_loader": "mock_loader.json"})");
	const auto loader = folder_.write("mock_loader.json", R"({"execution_paths": "scripts"})");
	configure(folder_.path() / "global.json");
	EXPECT_NE(metacall_initialize(), 0);
	EXPECT_TRUE(LastErrorContains(loader.string()));
	EXPECT_TRUE(LastErrorContains("\"execution_paths\" must be an array"));
}

TEST_F(StartupConfiguration, ANamedLoaderFileThatIsMissingIsRefused) {
	folder_.write("global.json", R"({"mock_loader": "absent/mock_loader.json"})");
	configure(folder_.path() / "global.json");
	EXPECT_NE(metacall_initialize(), 0);
	EXPECT_TRUE(LastErrorContains((folder_.path() / "absent/mock_loader.json").string()));
	EXPECT_TRUE(LastErrorContains("cannot be read"));
}

TEST_F(StartupConfiguration, AConfigurationPathNamingNoFileIsOnlyAWarning) {
	configure(folder_.path() / "no_such_global.json");
	EXPECT_EQ(metacall_initialize(), 0) << core_test::last_error_message().value_or("");
}

TEST_F(StartupConfiguration, LoaderScriptPathFoldersAreSearched) {
	folder_.write("one/first.mock", returning("first", 1));
	folder_.write("two/second.mock", returning("second", 2));
	const std::string both = (folder_.path() / "one").string() + ":" + (folder_.path() / "two").string();
	setenv("LOADER_SCRIPT_PATH", both.c_str(), 1);
	ASSERT_EQ(metacall_initialize(), 0);
	ASSERT_EQ(load("first.mock"), 0) << core_test::last_error_message().value_or("");
	ASSERT_EQ(load("second.mock"), 0) << core_test::last_error_message().value_or("");
	EXPECT_EQ(call("first") + call("second"), 3);
}

TEST_F(StartupConfiguration, TheWorkingDirectoryComesBeforeExecutionPaths) {
	folder_.write("cwd/same.mock", returning("same", 1));
	folder_.write("path/same.mock", returning("same", 2));
	enter(folder_.path() / "cwd");
	ASSERT_EQ(metacall_initialize(), 0);
	ASSERT_EQ(metacall_execution_path("mock", (folder_.path() / "path").c_str()), 0);
	ASSERT_EQ(load("same.mock"), 0) << core_test::last_error_message().value_or("");
	EXPECT_EQ(call("same"), 1);
}

TEST_F(StartupConfiguration, ConfigurationPathsComeBeforeScriptPathsAndLaterExecutionPaths) {
	folder_.write("global.json", R"({"mock_loader": "mock_loader.json"})");
	folder_.write("mock_loader.json", R"({"execution_paths": ["configured"]})");
	folder_.write("configured/which.mock", returning("which", 1));
	folder_.write("scripts/which.mock", returning("which", 2));
	folder_.write("later/which.mock", returning("which", 3));
	folder_.write("scripts/only_script.mock", returning("only_script", 4));
	folder_.write("later/only_later.mock", returning("only_later", 5));
	configure(folder_.path() / "global.json");
	setenv("LOADER_SCRIPT_PATH", (folder_.path() / "scripts").c_str(), 1);
	ASSERT_EQ(metacall_initialize(), 0) << core_test::last_error_message().value_or("");
	ASSERT_EQ(metacall_execution_path("mock", (folder_.path() / "later").c_str()), 0);
	void *handle = nullptr;
	ASSERT_EQ(load("which.mock", &handle), 0) << core_test::last_error_message().value_or("");
	EXPECT_EQ(metacall_function_size(metacall_handle_function(handle, "which")), 1u);
	ASSERT_EQ(load("only_script.mock"), 0);
	ASSERT_EQ(load("only_later.mock"), 0);
	EXPECT_EQ(call("only_script") + call("only_later"), 9);
}

TEST_F(StartupConfiguration, ANameFoundNowhereReachesTheLoaderUnchanged) {
	ASSERT_EQ(metacall_initialize(), 0);
	ASSERT_EQ(metacall_execution_path("mock", folder_.path().c_str()), 0);
	EXPECT_NE(load("nowhere.mock"), 0);
	// The mock loader names what it was given and every folder it tried itself.
	EXPECT_TRUE(LastErrorContains("'nowhere.mock'"));
	EXPECT_TRUE(LastErrorContains(folder_.path().string()));
}

TEST_F(StartupConfiguration, TheHandleKeepsTheNameTheHostGave) {
	folder_.write("named/short.mock", returning("short_name", 3));
	ASSERT_EQ(metacall_initialize(), 0);
	ASSERT_EQ(metacall_execution_path("mock", (folder_.path() / "named").c_str()), 0);
	void *handle = nullptr;
	ASSERT_EQ(load("short.mock", &handle), 0) << core_test::last_error_message().value_or("");
	EXPECT_EQ(metacall_handle("mock", "short.mock"), handle);
}
