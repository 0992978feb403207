// Calls: function values refer to a function (shared, not copied), can be called through
// metacall_value_to_function, and can bind closure data passed to invoke.
#include "host_functions.h"

#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using calls_test::record;
using core_test::own;

using FunctionValues = calls_test::HostFunctionsTest;

TEST_F(FunctionValues, CreateFunctionGivesAFunctionValue) {
	auto value = own(metacall_value_create_function(add_func));
	EXPECT_EQ(metacall_value_id(value.get()), METACALL_FUNCTION);
	EXPECT_STREQ(metacall_value_type_name(value.get()), "Function");
}

TEST_F(FunctionValues, IsCallableThroughToFunction) {
	auto value = own(metacall_value_create_function(add_func));
	auto a = own(metacall_value_create_int(6));
	auto b = own(metacall_value_create_int(7));
	void *args[] = {a.get(), b.get()};
	auto result = own(metacallfv_s(metacall_value_to_function(value.get()), args, 2));
	EXPECT_EQ(metacall_value_to_int(result.get()), 13);
}

TEST_F(FunctionValues, CopySharesTheFunction) {
	auto value = own(metacall_value_create_function(add_func));
	auto copy = own(metacall_value_copy(value.get()));
	ASSERT_EQ(metacall_value_id(copy.get()), METACALL_FUNCTION);
	EXPECT_EQ(metacall_value_to_function(copy.get()), metacall_value_to_function(value.get()));
}

TEST_F(FunctionValues, CopyStaysCallableAfterTheOriginalIsDestroyed) {
	auto value = own(metacall_value_create_function(add_func));
	auto copy = own(metacall_value_copy(value.get()));
	value.reset();
	auto a = own(metacall_value_create_int(1));
	void *args[] = {a.get(), a.get()};
	auto result = own(metacallfv_s(metacall_value_to_function(copy.get()), args, 2));
	EXPECT_EQ(metacall_value_to_int(result.get()), 2);
}

TEST_F(FunctionValues, ClosurePassesItsDataToInvoke) {
	int closure_target = 0;
	auto value = own(metacall_value_create_function_closure(closure_data_func, &closure_target));
	ASSERT_EQ(metacall_value_id(value.get()), METACALL_FUNCTION);
	auto result = own(metacallfv_s(metacall_value_to_function(value.get()), nullptr, 0));
	EXPECT_EQ(record.data, &closure_target);
	EXPECT_EQ(metacall_value_to_ptr(result.get()), &closure_target);
}

TEST_F(FunctionValues, ClosureDoesNotChangeCallsByName) {
	int closure_target = 0;
	auto value = own(metacall_value_create_function_closure(closure_data_func, &closure_target));
	auto result = own(metacallv_s("closure_data", nullptr, 0));
	EXPECT_EQ(metacall_value_to_ptr(result.get()), nullptr);
}

TEST_F(FunctionValues, CopyOfAClosureKeepsTheData) {
	int closure_target = 0;
	auto value = own(metacall_value_create_function_closure(closure_data_func, &closure_target));
	auto copy = own(metacall_value_copy(value.get()));
	auto result = own(metacallfv_s(metacall_value_to_function(copy.get()), nullptr, 0));
	EXPECT_EQ(metacall_value_to_ptr(result.get()), &closure_target);
}

TEST_F(FunctionValues, FunctionValuePassedToAHostFunctionIsCallableThere) {
	auto apply = [](size_t, void *argv[], void *) -> void * {
		void *args[] = {metacall_value_create_int(8), metacall_value_create_int(9)};
		void *result = metacallfv_s(metacall_value_to_function(argv[0]), args, 2);
		metacall_value_destroy(args[0]);
		metacall_value_destroy(args[1]);
		return result;
	};
	ASSERT_EQ(metacall_register("apply", apply, nullptr, METACALL_INT, 1, METACALL_FUNCTION), 0);
	auto callback = own(metacall_value_create_function(add_func));
	void *args[] = {callback.get()};
	auto result = own(metacallv_s("apply", args, 1));
	EXPECT_EQ(metacall_value_to_int(result.get()), 17);
}

TEST_F(FunctionValues, FromFunctionReplacesTheReferredFunction) {
	void *answer_func = metacall_function("answer");
	ASSERT_NE(answer_func, nullptr);
	auto value = own(metacall_value_create_function(add_func));
	EXPECT_EQ(metacall_value_from_function(value.get(), answer_func), value.get());
	auto result = own(metacallfv_s(metacall_value_to_function(value.get()), nullptr, 0));
	EXPECT_EQ(metacall_value_to_int(result.get()), 42);
}

TEST_F(FunctionValues, CreateFunctionFromNullFails) {
	metacall_error_clear();
	EXPECT_EQ(metacall_value_create_function(nullptr), nullptr);
	EXPECT_TRUE(core_test::LastErrorContains("metacall_value_create_function"));
}
