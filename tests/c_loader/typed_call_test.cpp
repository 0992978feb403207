// Functions whose signature has a call routine of its own (all int, all 64-bit integers or all
// double, up to four, returning one of those or void) behave as every other function: the same
// argument order, conversions, errors and results.
#include "c_loader_fixture.h"

namespace {

class TypedCalls : public CLoaderTest {
protected:
	void SetUp() override {
		CLoaderTest::SetUp();
		if (!HasFatalFailure())
			load_types();
	}
};

::testing::AssertionResult is_int(void *value, int expected) {
	if (value == nullptr || metacall_value_id(value) != METACALL_INT)
		return ::testing::AssertionFailure() << "expected an Integer, got " << describe(value);
	if (metacall_value_to_int(value) != expected)
		return ::testing::AssertionFailure() << "expected " << expected << ", got " << describe(value);
	return ::testing::AssertionSuccess();
}

TEST_F(TypedCalls, ArgumentsArriveInOrderAndResultsHaveTheReturnType) {
	EXPECT_TRUE(is_int(call("answer").get(), 42));

	Args ints{metacall_value_create_int(1), metacall_value_create_int(2), metacall_value_create_int(3)};
	EXPECT_TRUE(is_int(call("digits3", ints).get(), 123));

	Args longs{metacall_value_create_long(1), metacall_value_create_long(2), metacall_value_create_long(3),
	           metacall_value_create_long(4)};
	const ValuePtr four = call("digits4", longs);
	ASSERT_EQ(metacall_value_id(four.get()), METACALL_LONG) << describe(four.get());
	EXPECT_EQ(metacall_value_to_long(four.get()), 1234);

	Args doubles{metacall_value_create_double(5.5), metacall_value_create_double(2.0)};
	const ValuePtr difference = call("difference", doubles);
	ASSERT_EQ(metacall_value_id(difference.get()), METACALL_DOUBLE) << describe(difference.get());
	EXPECT_EQ(metacall_value_to_double(difference.get()), 3.5);
}

TEST_F(TypedCalls, AVoidResultIsNull) {
	Args seven{metacall_value_create_int(7)};
	const ValuePtr result = call("remember", seven);
	EXPECT_EQ(metacall_value_id(result.get()), METACALL_NULL) << describe(result.get());
	EXPECT_TRUE(is_int(call("remembered").get(), 7));
}

TEST_F(TypedCalls, NumbersOfAnotherTypeAreConvertedWhenTheyFit) {
	Args mixed{metacall_value_create_long(1), metacall_value_create_double(2.0),
	           metacall_value_create_bool(1)};
	EXPECT_TRUE(is_int(call("digits3", mixed).get(), 121));

	Args integers{metacall_value_create_int(5), metacall_value_create_long(2)};
	const ValuePtr difference = call("difference", integers);
	ASSERT_EQ(metacall_value_id(difference.get()), METACALL_DOUBLE) << describe(difference.get());
	EXPECT_EQ(metacall_value_to_double(difference.get()), 3.0);
}

TEST_F(TypedCalls, AnArgumentThatDoesNotFitIsARangeErrorNamingItsParameter) {
	Args too_wide{metacall_value_create_int(1), metacall_value_create_long(1L << 40),
	              metacall_value_create_int(3)};
	EXPECT_TRUE(is_error(call("digits3", too_wide).get(), "RangeError",
	                     {"digits3", "parameter 1 ('b')", "1099511627776", "int"}));
}

TEST_F(TypedCalls, ANonNumberIsATypeErrorAndTheFunctionIsNotCalled) {
	Args seven{metacall_value_create_int(7)};
	ASSERT_EQ(metacall_value_id(call("remember", seven).get()), METACALL_NULL);
	Args text{string_value("8")};
	EXPECT_TRUE(is_error(call("remember", text).get(), "TypeError",
	                     {"remember", "parameter 0 ('x')", "expected a number (int)", "String"}));
	EXPECT_TRUE(is_int(call("remembered").get(), 7));
}

TEST_F(TypedCalls, AWrongArgumentCountIsATypeError) {
	Args two{metacall_value_create_int(1), metacall_value_create_int(2)};
	EXPECT_TRUE(is_error(call("digits3", two).get(), "TypeError", {"digits3", "3 arguments", "got 2"}));
}

TEST_F(TypedCalls, FiveArgumentsTakeTheGenericPathWithTheSameBehaviour) {
	Args five{metacall_value_create_long(1), metacall_value_create_long(2), metacall_value_create_int(3),
	          metacall_value_create_long(4), metacall_value_create_long(5)};
	const ValuePtr result = call("digits5", five);
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_LONG) << describe(result.get());
	EXPECT_EQ(metacall_value_to_long(result.get()), 12345);
}

} // namespace
