// Calls: metacall_registerv_closure binds data passed to every call of invoke; a function value
// made with metacall_value_create_function_closure passes its own closure instead.
#include "host_functions.h"

#include "../support/error_text.h"
#include "../support/owned_value.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using core_test::own;

using RegisterClosure = core_test::RuntimeTest;

TEST_F(RegisterClosure, PassesItsDataToEveryCallByName) {
	int target = 0;
	ASSERT_EQ(metacall_registerv_closure("with_data", calls_test::closure_data, &target, nullptr,
	                                     METACALL_PTR, 0, nullptr),
	          0);
	for (int i = 0; i < 3; ++i) {
		auto result = own(metacallv_s("with_data", nullptr, 0));
		EXPECT_EQ(metacall_value_to_ptr(result.get()), &target) << "call " << i;
	}
}

TEST_F(RegisterClosure, PassesItsDataThroughTheFunctionPointer) {
	int target = 0;
	void *func = nullptr;
	ASSERT_EQ(metacall_registerv_closure("with_data", calls_test::closure_data, &target, &func, METACALL_PTR,
	                                     0, nullptr),
	          0);
	auto result = own(metacallfv_s(func, nullptr, 0));
	EXPECT_EQ(metacall_value_to_ptr(result.get()), &target);
}

TEST_F(RegisterClosure, FunctionValueClosureReplacesTheRegisteredData) {
	int registered = 0, bound = 0;
	void *func = nullptr;
	ASSERT_EQ(metacall_registerv_closure("with_data", calls_test::closure_data, &registered, &func,
	                                     METACALL_PTR, 0, nullptr),
	          0);
	auto value = own(metacall_value_create_function_closure(func, &bound));
	auto through_value = own(metacallfv_s(metacall_value_to_function(value.get()), nullptr, 0));
	EXPECT_EQ(metacall_value_to_ptr(through_value.get()), &bound);
	auto by_name = own(metacallv_s("with_data", nullptr, 0));
	EXPECT_EQ(metacall_value_to_ptr(by_name.get()), &registered);
}

TEST_F(RegisterClosure, DeclaresTheGivenTypes) {
	enum metacall_value_id types[] = {METACALL_INT, METACALL_INT};
	int target = 0;
	ASSERT_EQ(metacall_registerv_closure("add", calls_test::add, &target, nullptr, METACALL_INT, 2, types),
	          0);
	auto result = own(metacall("add", 2, 40));
	EXPECT_EQ(metacall_value_to_int(result.get()), 42);
	EXPECT_EQ(calls_test::record.data, &target);
}

TEST_F(RegisterClosure, DuplicateNameFails) {
	int target = 0;
	ASSERT_EQ(metacall_register("taken", calls_test::answer, nullptr, METACALL_INT, 0), 0);
	metacall_error_clear();
	EXPECT_NE(
	    metacall_registerv_closure("taken", calls_test::answer, &target, nullptr, METACALL_INT, 0, nullptr),
	    0);
	EXPECT_TRUE(core_test::LastErrorContains("taken"));
}
