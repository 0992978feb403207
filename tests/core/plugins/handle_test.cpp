// Handles: functions loaded into a handle are reached only through it; handles are named, can be
// cleared once, and are never mistaken for values.
#include "plugin_env.h"

#include "../support/error_text.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <string>

using core_test::LastErrorContains;
using core_test::own;

class Handle : public PluginEnvironment {
protected:
	void SetUp() override {
		PluginEnvironment::SetUp();
		ASSERT_EQ(load("coretiny", &handle), 0) << core_test::last_error_message().value_or("no error");
		ASSERT_NE(handle, nullptr);
		metacall_error_clear();
	}

	void *handle = nullptr;
};

TEST_F(Handle, FunctionsAreCalledThroughTheHandle) {
	auto result = own(metacallhv_s(handle, "tiny_answer", nullptr, 0));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_LONG) << metacall_value_type_name(result.get());
	EXPECT_EQ(metacall_value_to_long(result.get()), 42);
}

TEST_F(Handle, MetacallhvUsesTheDeclaredCount) {
	auto result = own(metacallhv(handle, "tiny_answer", nullptr));
	EXPECT_EQ(metacall_value_to_long(result.get()), 42);
}

TEST_F(Handle, FunctionsAreNotInTheGlobalScope) {
	EXPECT_EQ(metacall_function("tiny_answer"), nullptr);
	EXPECT_EQ(metacallv_s("tiny_answer", nullptr, 0), nullptr);
}

TEST_F(Handle, GlobalCallOfAHandlesFunctionNamesTheHandle) {
	const std::string name = metacall_handle_name(handle);
	EXPECT_EQ(metacallv_s("tiny_answer", nullptr, 0), nullptr);
	EXPECT_TRUE(LastErrorContains("metacallv_s: no function named 'tiny_answer' in the global scope "
	                              "(handle '" +
	                              name + "' has one: call it through the handle, metacallhv_s)"));
	EXPECT_EQ(metacall_function("tiny_answer"), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_handle_function"));
}

TEST_F(Handle, GlobalCallNamesNoHandleWhenNoneHasTheFunction) {
	EXPECT_EQ(metacallv_s("no_such_function", nullptr, 0), nullptr);
	EXPECT_FALSE(LastErrorContains("handle"));
}

TEST_F(Handle, ClearedHandleIsNoLongerSuggested) {
	ASSERT_EQ(metacall_clear(handle), 0);
	EXPECT_EQ(metacallv_s("tiny_answer", nullptr, 0), nullptr);
	EXPECT_TRUE(LastErrorContains("tiny_answer"));
	EXPECT_FALSE(LastErrorContains("handle"));
}

TEST_F(Handle, HandleFunctionGivesACallableFunction) {
	void *func = metacall_handle_function(handle, "tiny_answer");
	ASSERT_NE(func, nullptr);
	auto result = own(metacallfv_s(func, nullptr, 0));
	EXPECT_EQ(metacall_value_to_long(result.get()), 42);
}

TEST_F(Handle, UnknownNameInAHandleReturnsNullNamingIt) {
	EXPECT_EQ(metacallhv_s(handle, "no_such_function", nullptr, 0), nullptr);
	EXPECT_TRUE(LastErrorContains("no_such_function"));
}

TEST_F(Handle, NameFromMemoryIsMemoryN) {
	const char *name = metacall_handle_name(handle);
	ASSERT_NE(name, nullptr);
	EXPECT_EQ(std::string(name).rfind("memory-", 0), 0u) << name;
}

TEST_F(Handle, IsFoundByTagAndName) {
	const char *name = metacall_handle_name(handle);
	ASSERT_NE(name, nullptr);
	EXPECT_EQ(metacall_handle("coretiny", name), handle);
}

TEST_F(Handle, TwoHandlesMayDefineTheSameName) {
	void *second = nullptr;
	ASSERT_EQ(load("coretiny", &second), 0) << core_test::last_error_message().value_or("no error");
	EXPECT_NE(second, handle);
	EXPECT_STRNE(metacall_handle_name(second), metacall_handle_name(handle));
	auto result = own(metacallhv_s(second, "tiny_answer", nullptr, 0));
	EXPECT_EQ(metacall_value_to_long(result.get()), 42);
}

TEST_F(Handle, ClearSucceedsOnce) {
	EXPECT_EQ(metacall_clear(handle), 0);
	metacall_error_clear();
	EXPECT_NE(metacall_clear(handle), 0);
	EXPECT_TRUE(core_test::last_error_message().has_value());
}

TEST_F(Handle, ClearOfSomethingThatIsNotAHandleFails) {
	int not_a_handle = 0;
	EXPECT_NE(metacall_clear(&not_a_handle), 0);
	EXPECT_NE(metacall_clear(nullptr), 0);
}

TEST_F(Handle, ClearedHandleIsNoLongerFoundByName) {
	std::string name = metacall_handle_name(handle);
	ASSERT_EQ(metacall_clear(handle), 0);
	EXPECT_EQ(metacall_handle("coretiny", name.c_str()), nullptr);
}

TEST_F(Handle, FunctionValueOfAClearedHandleReportsAnErrorWhenCalled) {
	auto held = own(metacall_value_create_function(metacall_handle_function(handle, "tiny_answer")));
	ASSERT_EQ(metacall_value_id(held.get()), METACALL_FUNCTION);
	ASSERT_EQ(metacall_clear(handle), 0);
	metacall_error_clear();
	EXPECT_EQ(metacallfv_s(metacall_value_to_function(held.get()), nullptr, 0), nullptr);
	EXPECT_TRUE(core_test::last_error_message().has_value());
}

TEST_F(Handle, IsNotAValue) {
	EXPECT_EQ(metacall_value_id(handle), METACALL_INVALID);
	EXPECT_TRUE(LastErrorContains("metacall_value_id"));
	EXPECT_EQ(metacall_value_to_long(handle), 0);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_long"));
	EXPECT_EQ(metacall_value_copy(handle), nullptr);
}

TEST_F(Handle, DestroyingAHandleAsAValueLeavesItUsable) {
	metacall_value_destroy(handle);
	auto result = own(metacallhv_s(handle, "tiny_answer", nullptr, 0));
	EXPECT_EQ(metacall_value_to_long(result.get()), 42);
}

TEST_F(Handle, GlobalLoadPutsFunctionsInTheGlobalScope) {
	ASSERT_EQ(load("coretiny", nullptr), 0) << core_test::last_error_message().value_or("no error");
	auto result = own(metacallv_s("tiny_answer", nullptr, 0));
	EXPECT_EQ(metacall_value_to_long(result.get()), 42);
}

TEST_F(Handle, SecondGlobalLoadOfTheSameNameFailsNamingIt) {
	ASSERT_EQ(load("coretiny", nullptr), 0);
	metacall_error_clear();
	EXPECT_NE(load("coretiny", nullptr), 0);
	EXPECT_TRUE(LastErrorContains("tiny_answer"));
	auto result = own(metacallv_s("tiny_answer", nullptr, 0));
	EXPECT_EQ(metacall_value_to_long(result.get()), 42);
}

TEST_F(Handle, GlobalLoadClashingWithAHostFunctionFails) {
	auto host = [](size_t, void *[], void *) -> void * { return metacall_value_create_long(7); };
	ASSERT_EQ(metacall_register("tiny_answer", host, nullptr, METACALL_LONG, 0), 0);
	EXPECT_NE(load("coretiny", nullptr), 0);
	EXPECT_TRUE(LastErrorContains("tiny_answer"));
	auto result = own(metacallv_s("tiny_answer", nullptr, 0));
	EXPECT_EQ(metacall_value_to_long(result.get()), 7);
}
