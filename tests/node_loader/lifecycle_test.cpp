// Lifecycle: initialize -> load -> call -> destroy, several times in one process, each round in a
// fresh Node environment; metacall_clear takes a module out of require's cache; JS functions kept
// across destroy report an error when called.
#include "node_test.h"

namespace {

using NodeLifecycle = NodeLoaderTest;

TEST_F(NodeLifecycle, ThreeRoundsOfInitializeLoadCallDestroyEachInAFreshEnvironment) {
	for (int round = 0; round < 3; ++round) {
		SCOPED_TRACE("round " + std::to_string(round));
		ASSERT_EQ(load("lifecycle.js"), 0) << last_error();
		EXPECT_TRUE(is_null(call("marker").get())) << "global state survived metacall_destroy";
		EXPECT_TRUE(is_string(call("set_marker", {string_value("round " + std::to_string(round))}).get(),
		                      "round " + std::to_string(round)));
		EXPECT_TRUE(
		    is_long(call("add", {metacall_value_create_long(round), metacall_value_create_long(40)}).get(),
		            round + 40));
		metacall_destroy();
		EXPECT_NE(metacall_is_initialized("node"), 0);
		ASSERT_EQ(metacall_initialize(), 0) << last_error();
		ASSERT_EQ(metacall_execution_path("node", scripts_folder().c_str()), 0) << last_error();
	}
}

TEST_F(NodeLifecycle, ClearTakesTheFileOutOfRequiresCacheSoAnEditedFileLoadsAnew) {
	TempFolder folder;
	const std::string file = folder.write("versioned.js", "module.exports.version = () => 1;\n");
	ASSERT_EQ(load(file), 0) << last_error();
	EXPECT_TRUE(is_long(call("version").get(), 1));
	void *handle = metacall_handle("node", file.c_str());
	ASSERT_NE(handle, nullptr);
	ASSERT_EQ(metacall_clear(handle), 0) << last_error();
	EXPECT_EQ(metacall_function("version"), nullptr);
	folder.write("versioned.js", "module.exports.version = () => 2;\n");
	ASSERT_EQ(load(file), 0) << last_error();
	EXPECT_TRUE(is_long(call("version").get(), 2)) << "the old module came back from require.cache";
}

TEST_F(NodeLifecycle, ClearOfAPackageTakesItsEntryOutOfRequiresCache) {
	TempFolder folder;
	std::filesystem::create_directories(folder.path() / "pkg");
	folder.write("pkg/package.json", "{ \"name\": \"pkg\", \"main\": \"main.js\" }\n");
	folder.write("pkg/main.js", "module.exports.package_version = () => 'one';\n");
	const std::string package = (folder.path() / "pkg").string();
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("node", package.c_str(), &handle), 0) << last_error();
	EXPECT_TRUE(is_string(call_in(handle, "package_version").get(), "one"));
	ASSERT_EQ(metacall_clear(handle), 0) << last_error();
	folder.write("pkg/main.js", "module.exports.package_version = () => 'two';\n");
	ASSERT_EQ(metacall_load_from_package("node", package.c_str(), &handle), 0) << last_error();
	EXPECT_TRUE(is_string(call_in(handle, "package_version").get(), "two"));
}

TEST_F(NodeLifecycle, AJsCallbackKeptAcrossDestroyReportsAnError) {
	ASSERT_EQ(load("lifecycle.js"), 0) << last_error();
	const ValuePtr adder = call("make_adder", {metacall_value_create_long(1)});
	ASSERT_EQ(metacall_value_id(adder.get()), METACALL_FUNCTION) << describe(adder.get());
	metacall_destroy();
	const ValuePtr result = call_value(adder.get(), {metacall_value_create_long(1)});
	if (result != nullptr) {
		EXPECT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << describe(result.get());
	} else {
		EXPECT_NE(last_error_message(), "");
	}
}

TEST_F(NodeLifecycle, AJsCallbackKeptAcrossDestroyAndInitializeDoesNotReachTheNewEnvironment) {
	ASSERT_EQ(load("lifecycle.js"), 0) << last_error();
	const ValuePtr adder = call("make_adder", {metacall_value_create_long(1)});
	ASSERT_EQ(metacall_value_id(adder.get()), METACALL_FUNCTION) << describe(adder.get());
	metacall_destroy();
	ASSERT_EQ(metacall_initialize(), 0) << last_error();
	ASSERT_EQ(metacall_execution_path("node", scripts_folder().c_str()), 0) << last_error();
	ASSERT_EQ(load("lifecycle.js"), 0) << last_error();
	const ValuePtr result = call_value(adder.get(), {metacall_value_create_long(1)});
	if (result != nullptr) {
		EXPECT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << describe(result.get());
	}
	EXPECT_TRUE(
	    is_long(call("add", {metacall_value_create_long(1), metacall_value_create_long(1)}).get(), 2));
}

} // namespace
