// Values: bad input never crashes. NULL, a value of the wrong type, or a pointer that is not a
// value gives a neutral result and a last error naming the function and the problem.
#include "../support/error_text.h"
#include "../support/host_add.h"
#include "../support/owned_value.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using core_test::LastErrorContains;
using core_test::own;

class ValueNullInput : public ::testing::Test {
protected:
	void SetUp() override { metacall_error_clear(); }
};

TEST_F(ValueNullInput, ToBoolGivesZeroAndNamesTheFunction) {
	EXPECT_EQ(metacall_value_to_bool(nullptr), 0);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_bool"));
}

TEST_F(ValueNullInput, ToCharGivesZeroAndNamesTheFunction) {
	EXPECT_EQ(metacall_value_to_char(nullptr), 0);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_char"));
}

TEST_F(ValueNullInput, ToShortGivesZeroAndNamesTheFunction) {
	EXPECT_EQ(metacall_value_to_short(nullptr), 0);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_short"));
}

TEST_F(ValueNullInput, ToIntGivesZeroAndNamesTheFunction) {
	EXPECT_EQ(metacall_value_to_int(nullptr), 0);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_int"));
}

TEST_F(ValueNullInput, ToLongGivesZeroAndNamesTheFunction) {
	EXPECT_EQ(metacall_value_to_long(nullptr), 0);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_long"));
}

TEST_F(ValueNullInput, ToFloatGivesZeroAndNamesTheFunction) {
	EXPECT_EQ(metacall_value_to_float(nullptr), 0.0f);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_float"));
}

TEST_F(ValueNullInput, ToDoubleGivesZeroAndNamesTheFunction) {
	EXPECT_EQ(metacall_value_to_double(nullptr), 0.0);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_double"));
}

TEST_F(ValueNullInput, ToPointerFamiliesGiveNull) {
	EXPECT_EQ(metacall_value_to_string(nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_string"));
	EXPECT_EQ(metacall_value_to_buffer(nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_buffer"));
	EXPECT_EQ(metacall_value_to_array(nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_array"));
	EXPECT_EQ(metacall_value_to_map(nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_map"));
	EXPECT_EQ(metacall_value_to_ptr(nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_ptr"));
	EXPECT_EQ(metacall_value_to_future(nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_future"));
	EXPECT_EQ(metacall_value_to_function(nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_function"));
	EXPECT_EQ(metacall_value_to_exception(nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_exception"));
	EXPECT_EQ(metacall_value_to_throwable(nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_throwable"));
}

TEST_F(ValueNullInput, FromFamiliesGiveNullAndNameTheFunction) {
	int target = 0;
	EXPECT_EQ(metacall_value_from_bool(nullptr, 1), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_from_bool"));
	EXPECT_EQ(metacall_value_from_char(nullptr, 'c'), nullptr);
	EXPECT_EQ(metacall_value_from_short(nullptr, 1), nullptr);
	EXPECT_EQ(metacall_value_from_int(nullptr, 1), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_from_int"));
	EXPECT_EQ(metacall_value_from_long(nullptr, 1), nullptr);
	EXPECT_EQ(metacall_value_from_float(nullptr, 1), nullptr);
	EXPECT_EQ(metacall_value_from_double(nullptr, 1), nullptr);
	EXPECT_EQ(metacall_value_from_string(nullptr, "s", 1), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_from_string"));
	EXPECT_EQ(metacall_value_from_buffer(nullptr, "b", 1), nullptr);
	EXPECT_EQ(metacall_value_from_ptr(nullptr, &target), nullptr);
	EXPECT_EQ(metacall_value_from_null(nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_from_null"));
	metacall_exception_type ex{"m", "L", 0, ""};
	EXPECT_EQ(metacall_value_from_exception(nullptr, &ex), nullptr);
}

TEST_F(ValueNullInput, SizeAndCountAreZero) {
	EXPECT_EQ(metacall_value_size(nullptr), 0u);
	EXPECT_EQ(metacall_value_count(nullptr), 0u);
}

TEST_F(ValueNullInput, IdIsInvalidWithAnError) {
	EXPECT_EQ(metacall_value_id(nullptr), METACALL_INVALID);
	EXPECT_TRUE(LastErrorContains("metacall_value_id"));
}

TEST_F(ValueNullInput, CopyGivesNullWithAnError) {
	EXPECT_EQ(metacall_value_copy(nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_copy"));
}

TEST_F(ValueNullInput, CastGivesNullWithAnError) {
	EXPECT_EQ(metacall_value_cast(nullptr, METACALL_INT), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_cast"));
}

TEST_F(ValueNullInput, DestroyIgnoresNull) {
	metacall_error_clear();
	metacall_value_destroy(nullptr);
	metacall_exception_type error{};
	EXPECT_NE(metacall_error_last(&error), 0) << "destroying NULL recorded: " << error.message;
}

TEST_F(ValueNullInput, StringFromNullPointerWithLengthFails) {
	EXPECT_EQ(metacall_value_create_string(nullptr, 5), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_create_string"));
}

TEST(ValueWrongType, ToIntOnAStringGivesZeroNamingFunctionAndBothTypes) {
	auto v = own(metacall_value_create_string("123", 3));
	metacall_error_clear();
	EXPECT_EQ(metacall_value_to_int(v.get()), 0);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_int"));
	EXPECT_TRUE(LastErrorContains("String"));
	EXPECT_TRUE(LastErrorContains("Integer"));
}

TEST(ValueWrongType, ToStringOnAnIntGivesNullNamingBothTypes) {
	auto v = own(metacall_value_create_int(5));
	metacall_error_clear();
	EXPECT_EQ(metacall_value_to_string(v.get()), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_string"));
	EXPECT_TRUE(LastErrorContains("Integer"));
	EXPECT_TRUE(LastErrorContains("String"));
}

TEST(ValueWrongType, ToLongOnAFractionGivesZero) {
	auto v = own(metacall_value_create_double(5.5));
	metacall_error_clear();
	EXPECT_EQ(metacall_value_to_long(v.get()), 0);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_long"));
}

TEST(ValueWrongType, ToArrayOnAMapGivesNull) {
	auto v = own(metacall_value_create_map(nullptr, 0));
	metacall_error_clear();
	EXPECT_EQ(metacall_value_to_array(v.get()), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_array"));
}

TEST(ValueWrongType, ToNullOnAnIntReportsTheMismatch) {
	auto v = own(metacall_value_create_int(5));
	metacall_error_clear();
	EXPECT_EQ(metacall_value_to_null(v.get()), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_null"));
}

// A function pointer (from metacall_register / metacall_function) is not a value.
class NonValuePointer : public core_test::RuntimeTest {
protected:
	void SetUp() override {
		RuntimeTest::SetUp();
		ASSERT_EQ(core_test::register_add("add", &func), 0);
		ASSERT_NE(func, nullptr);
		metacall_error_clear();
	}

	void *func = nullptr;
};

TEST_F(NonValuePointer, FunctionPointerHasNoValueId) {
	EXPECT_EQ(metacall_value_id(func), METACALL_INVALID);
	EXPECT_TRUE(LastErrorContains("metacall_value_id"));
}

TEST_F(NonValuePointer, FunctionPointerTypeNameIsInvalid) {
	EXPECT_STREQ(metacall_value_type_name(func), "Invalid");
}

TEST_F(NonValuePointer, ToIntOnAFunctionPointerIsReported) {
	EXPECT_EQ(metacall_value_to_int(func), 0);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_int"));
}

TEST_F(NonValuePointer, SizeAndCountOfAFunctionPointerAreZero) {
	EXPECT_EQ(metacall_value_size(func), 0u);
	EXPECT_EQ(metacall_value_count(func), 0u);
}

TEST_F(NonValuePointer, CopyOfAFunctionPointerIsReported) {
	EXPECT_EQ(metacall_value_copy(func), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_copy"));
}

TEST_F(NonValuePointer, DestroyOfAFunctionPointerLeavesTheFunctionCallable) {
	metacall_value_destroy(func);
	void *args[] = {metacall_value_create_int(2), metacall_value_create_int(3)};
	auto result = own(metacallfv_s(func, args, 2));
	EXPECT_EQ(metacall_value_to_int(result.get()), 5);
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
}
