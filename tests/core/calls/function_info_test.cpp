// Calls: a function's declared parameter count, async flag, parameter and return types.
#include "host_functions.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using FunctionInfo = calls_test::HostFunctionsTest;

TEST_F(FunctionInfo, SizeIsTheDeclaredParameterCount) {
	EXPECT_EQ(metacall_function_size(add_func), 2u);
	EXPECT_EQ(metacall_function_size(metacall_function("half")), 1u);
	EXPECT_EQ(metacall_function_size(metacall_function("answer")), 0u);
}

TEST_F(FunctionInfo, SizeOfNullIsZero) {
	EXPECT_EQ(metacall_function_size(nullptr), 0u);
}

TEST_F(FunctionInfo, HostFunctionsAreNotAsync) {
	EXPECT_EQ(metacall_function_async(add_func), 0);
}

TEST_F(FunctionInfo, HostFunctionsHaveNoLoaderTagAndNullIsAnError) {
	EXPECT_EQ(metacall_function_loader_tag(add_func), nullptr);
	metacall_error_clear();
	EXPECT_EQ(metacall_function_loader_tag(nullptr), nullptr);
	metacall_exception_type error{};
	EXPECT_EQ(metacall_error_last(&error), 0);
}

TEST_F(FunctionInfo, AsyncOfNullIsMinusOne) {
	EXPECT_EQ(metacall_function_async(nullptr), -1);
}

TEST_F(FunctionInfo, ParameterTypesAreTheDeclaredOnes) {
	enum metacall_value_id id = METACALL_INVALID;
	ASSERT_EQ(metacall_function_parameter_type(metacall_function("concat"), 0, &id), 0);
	EXPECT_EQ(id, METACALL_STRING);
	ASSERT_EQ(metacall_function_parameter_type(metacall_function("sum_array"), 0, &id), 0);
	EXPECT_EQ(id, METACALL_ARRAY);
}

TEST_F(FunctionInfo, UndeclaredParameterTypeIsInvalid) {
	enum metacall_value_id id = METACALL_INT;
	ASSERT_EQ(metacall_function_parameter_type(untyped_func, 0, &id), 0);
	EXPECT_EQ(id, METACALL_INVALID);
}

TEST_F(FunctionInfo, ParameterIndexOutOfRangeFails) {
	enum metacall_value_id id = METACALL_STRING;
	EXPECT_NE(metacall_function_parameter_type(add_func, 2, &id), 0);
}

TEST_F(FunctionInfo, ParameterTypeOfNullFunctionFails) {
	enum metacall_value_id id = METACALL_STRING;
	EXPECT_NE(metacall_function_parameter_type(nullptr, 0, &id), 0);
}

TEST_F(FunctionInfo, ReturnTypeIsTheDeclaredOne) {
	enum metacall_value_id id = METACALL_INVALID;
	ASSERT_EQ(metacall_function_return_type(add_func, &id), 0);
	EXPECT_EQ(id, METACALL_INT);
	ASSERT_EQ(metacall_function_return_type(metacall_function("sum_array"), &id), 0);
	EXPECT_EQ(id, METACALL_LONG);
}

TEST_F(FunctionInfo, UndeclaredReturnTypeIsInvalid) {
	enum metacall_value_id id = METACALL_INT;
	ASSERT_EQ(metacall_function_return_type(untyped_func, &id), 0);
	EXPECT_EQ(id, METACALL_INVALID);
}

TEST_F(FunctionInfo, ReturnTypeOfNullFunctionFails) {
	enum metacall_value_id id = METACALL_INT;
	EXPECT_NE(metacall_function_return_type(nullptr, &id), 0);
}

TEST_F(FunctionInfo, MetacallFunctionOfAnUnknownNameIsNull) {
	EXPECT_EQ(metacall_function("no_such_function"), nullptr);
}
