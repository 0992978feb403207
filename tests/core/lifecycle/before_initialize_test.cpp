// Lifecycle: before metacall_initialize, calls, loads and registrations fail with an error that
// says the runtime is not initialized; nothing crashes.
#include "lifecycle_fixture.h"

#include "../support/error_text.h"
#include "../support/host_add.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using core_test::LastErrorContains;
using core_test::own;

TEST_F(Lifecycle, IsNotInitializedBeforeInitialize) {
	EXPECT_NE(metacall_is_initialized(nullptr), 0);
}

TEST_F(Lifecycle, RegisterBeforeInitializeFails) {
	EXPECT_NE(core_test::register_add("add"), 0);
	EXPECT_TRUE(LastErrorContains("initializ"));
}

TEST_F(Lifecycle, RegisterBeforeInitializeLeavesNothingBehind) {
	(void)core_test::register_add("add");
	ASSERT_EQ(metacall_initialize(), 0);
	EXPECT_EQ(metacall_function("add"), nullptr);
	EXPECT_EQ(core_test::register_add("add"), 0);
}

TEST_F(Lifecycle, CallByNameBeforeInitializeFails) {
	auto a = own(metacall_value_create_int(1));
	void *args[] = {a.get(), a.get()};
	EXPECT_EQ(metacallv_s("add", args, 2), nullptr);
	EXPECT_TRUE(LastErrorContains("initializ"));
}

TEST_F(Lifecycle, MetacallBeforeInitializeFails) {
	EXPECT_EQ(metacall("add", 1, 2), nullptr);
	EXPECT_TRUE(LastErrorContains("initializ"));
}

TEST_F(Lifecycle, FunctionLookupBeforeInitializeFails) {
	EXPECT_EQ(metacall_function("add"), nullptr);
}

TEST_F(Lifecycle, LoadFromMemoryBeforeInitializeFails) {
	const char source[] = "whatever";
	void *handle = nullptr;
	EXPECT_NE(metacall_load_from_memory("nosuchlang", source, sizeof source, &handle), 0);
	EXPECT_EQ(handle, nullptr);
	EXPECT_TRUE(LastErrorContains("initializ"));
}

TEST_F(Lifecycle, LoadFromFileBeforeInitializeFails) {
	const char *paths[] = {"script.xyz"};
	EXPECT_NE(metacall_load_from_file("nosuchlang", paths, 1, nullptr), 0);
	EXPECT_TRUE(LastErrorContains("initializ"));
}

TEST_F(Lifecycle, ExecutionPathBeforeInitializeFails) {
	EXPECT_NE(metacall_execution_path("nosuchlang", "/tmp"), 0);
	EXPECT_TRUE(LastErrorContains("initializ"));
}

TEST_F(Lifecycle, AwaitBeforeInitializeFails) {
	EXPECT_EQ(metacall_await("add", nullptr, nullptr, nullptr, nullptr), nullptr);
	EXPECT_TRUE(core_test::last_error_message().has_value());
}
