// Plug-in lookup: a tag without a plug-in, or with a file that is not a valid plug-in, fails with
// an error naming the tag and what was wrong (every folder searched, the missing entry point, the
// ABI version, the loader's own reason); never a crash.
#include "plugin_env.h"

#include "../support/error_text.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using core_test::LastErrorContains;

using PluginLookup = PluginEnvironment;

TEST_F(PluginLookup, UnknownTagFailsNamingTheTag) {
	EXPECT_NE(load("nosuchlang", nullptr), 0);
	EXPECT_TRUE(LastErrorContains("nosuchlang"));
}

TEST_F(PluginLookup, UnknownTagErrorListsEveryLoaderPathFolder) {
	EXPECT_NE(load("nosuchlang", nullptr), 0);
	EXPECT_TRUE(LastErrorContains(temp_dir));
	EXPECT_TRUE(LastErrorContains(CORE_TEST_PLUGIN_DIR));
}

TEST_F(PluginLookup, UnknownTagErrorListsTheLibraryPluginFolder) {
	EXPECT_NE(load("nosuchlang", nullptr), 0);
	EXPECT_TRUE(LastErrorContains(CORE_TEST_LIBRARY_PLUGIN_DIR));
}

TEST_F(PluginLookup, UnknownTagFailsForLoadFromFile) {
	const char *paths[] = {"script.nosuchlang"};
	EXPECT_NE(metacall_load_from_file("nosuchlang", paths, 1, nullptr), 0);
	EXPECT_TRUE(LastErrorContains("nosuchlang"));
}

TEST_F(PluginLookup, UnknownTagFailsForLoadFromPackage) {
	EXPECT_NE(metacall_load_from_package("nosuchlang", "package", nullptr), 0);
	EXPECT_TRUE(LastErrorContains("nosuchlang"));
}

TEST_F(PluginLookup, UnknownTagFailsForExecutionPath) {
	EXPECT_NE(metacall_execution_path("nosuchlang", "/tmp"), 0);
	EXPECT_TRUE(LastErrorContains("nosuchlang"));
}

TEST_F(PluginLookup, UnknownTagLeavesItNotInitialized) {
	EXPECT_NE(load("nosuchlang", nullptr), 0);
	EXPECT_NE(metacall_is_initialized("nosuchlang"), 0);
}

TEST_F(PluginLookup, UnknownTagFailsAgainOnRetry) {
	EXPECT_NE(load("nosuchlang", nullptr), 0);
	metacall_error_clear();
	EXPECT_NE(load("nosuchlang", nullptr), 0);
	EXPECT_TRUE(LastErrorContains("nosuchlang"));
}

TEST_F(PluginLookup, FailedLoadLeavesTheHandleUnset) {
	void *handle = nullptr;
	EXPECT_NE(load("nosuchlang", &handle), 0);
	EXPECT_EQ(handle, nullptr);
}

TEST_F(PluginLookup, TextFileNamedLikeAPluginGivesAClearError) {
	std::ofstream(std::filesystem::path(temp_dir) / "libbroken_loader.so")
	    << "this is not a shared library\n";
	EXPECT_NE(load("broken", nullptr), 0);
	EXPECT_TRUE(LastErrorContains("broken"));
	EXPECT_TRUE(LastErrorContains("libbroken_loader.so"));
	EXPECT_NE(metacall_is_initialized("broken"), 0);
}

TEST_F(PluginLookup, LibraryWithoutTheEntryPointGivesAClearError) {
	EXPECT_NE(load("noentry", nullptr), 0);
	EXPECT_TRUE(LastErrorContains("noentry"));
	EXPECT_TRUE(LastErrorContains("metacall_loader_interface"));
	EXPECT_NE(metacall_is_initialized("noentry"), 0);
}

TEST_F(PluginLookup, PluginOfAnotherAbiVersionIsRefusedBeforeInitialize) {
	EXPECT_NE(load("badabi", nullptr), 0);
	EXPECT_TRUE(LastErrorContains("badabi"));
	auto message = core_test::last_error_message().value_or("");
	EXPECT_EQ(message.find("BADABI INITIALIZE WAS CALLED"), std::string::npos) << message;
	EXPECT_NE(metacall_is_initialized("badabi"), 0);
}

TEST_F(PluginLookup, LoaderInitializeFailureReportsTheReasonWithApiCallAndTag) {
	EXPECT_NE(load("failinit", nullptr), 0);
	EXPECT_TRUE(LastErrorContains("refusing to start on purpose"));
	EXPECT_TRUE(LastErrorContains("failinit"));
	EXPECT_TRUE(LastErrorContains("metacall_load_from_memory"));
	EXPECT_NE(metacall_is_initialized("failinit"), 0);
}

TEST_F(PluginLookup, ValidPluginFromLoaderPathLoadsAndStarts) {
	EXPECT_NE(metacall_is_initialized("coretiny"), 0) << "a loader must start lazily, on first use";
	void *handle = nullptr;
	ASSERT_EQ(load("coretiny", &handle), 0) << core_test::last_error_message().value_or("no error");
	EXPECT_NE(handle, nullptr);
	EXPECT_EQ(metacall_is_initialized("coretiny"), 0);
}

TEST_F(PluginLookup, InvalidPluginsDoNotStopAValidOne) {
	EXPECT_NE(load("noentry", nullptr), 0);
	EXPECT_NE(load("badabi", nullptr), 0);
	EXPECT_NE(load("failinit", nullptr), 0);
	void *handle = nullptr;
	EXPECT_EQ(load("coretiny", &handle), 0) << core_test::last_error_message().value_or("no error");
}
