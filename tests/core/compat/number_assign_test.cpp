// metacall_value_from_<number> on a value of another number type: the value keeps its type and
// gets the number converted when it fits (MetaCall hosts reuse a Long with metacall_value_from_int,
// as in MetaCall's metacall_cast_test); a number that does not fit is refused, the value unchanged.
#include "../support/error_text.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <climits>

using core_test::LastErrorContains;
using core_test::own;

TEST(NumberAssign, FromIntOnALongKeepsTheLongType) {
	auto v = own(metacall_value_create_long(5L));
	ASSERT_EQ(metacall_value_from_int(v.get(), 7), v.get());
	EXPECT_EQ(metacall_value_id(v.get()), METACALL_LONG);
	EXPECT_EQ(metacall_value_to_long(v.get()), 7L);
}

TEST(NumberAssign, ANegativeIntOnALongIsTheSameNumber) {
	auto v = own(metacall_value_create_long(LONG_MAX)); // every byte set: no old byte may show through
	ASSERT_NE(metacall_value_from_int(v.get(), -3), nullptr);
	EXPECT_EQ(metacall_value_to_long(v.get()), -3L);
}

TEST(NumberAssign, FromLongOnAnIntThatFits) {
	auto v = own(metacall_value_create_int(0));
	ASSERT_NE(metacall_value_from_long(v.get(), -70000L), nullptr);
	EXPECT_EQ(metacall_value_id(v.get()), METACALL_INT);
	EXPECT_EQ(metacall_value_to_int(v.get()), -70000);
}

TEST(NumberAssign, FromIntOnACharThatDoesNotFitFailsAndKeepsTheChar) {
	auto v = own(metacall_value_create_char('a'));
	metacall_error_clear();
	EXPECT_EQ(metacall_value_from_int(v.get(), 1000), nullptr);
	EXPECT_TRUE(LastErrorContains("does not fit"));
	EXPECT_TRUE(LastErrorContains("metacall_value_from_int"));
	EXPECT_EQ(metacall_value_to_char(v.get()), 'a');
}

TEST(NumberAssign, FromFloatOnADouble) {
	auto v = own(metacall_value_create_double(0.0));
	ASSERT_NE(metacall_value_from_float(v.get(), 64.0f), nullptr);
	EXPECT_EQ(metacall_value_id(v.get()), METACALL_DOUBLE);
	EXPECT_DOUBLE_EQ(metacall_value_to_double(v.get()), 64.0);
}

TEST(NumberAssign, FromIntOnADoubleIsTheWholeNumber) {
	auto v = own(metacall_value_create_double(0.5));
	ASSERT_NE(metacall_value_from_int(v.get(), 1000), nullptr);
	EXPECT_DOUBLE_EQ(metacall_value_to_double(v.get()), 1000.0);
}

TEST(NumberAssign, AFractionIntoAnIntegerIsRefused) {
	auto v = own(metacall_value_create_long(2L));
	EXPECT_EQ(metacall_value_from_double(v.get(), 2.5), nullptr);
	EXPECT_TRUE(LastErrorContains("does not fit"));
	EXPECT_EQ(metacall_value_to_long(v.get()), 2L);
}

TEST(NumberAssign, AWholeDoubleIntoAnInteger) {
	auto v = own(metacall_value_create_short(1));
	ASSERT_NE(metacall_value_from_double(v.get(), 300.0), nullptr);
	EXPECT_EQ(metacall_value_id(v.get()), METACALL_SHORT);
	EXPECT_EQ(metacall_value_to_short(v.get()), 300);
}

TEST(NumberAssign, ABooleanTakesNoOtherNumber) {
	auto v = own(metacall_value_create_bool(1));
	EXPECT_EQ(metacall_value_from_int(v.get(), 0), nullptr);
	EXPECT_EQ(metacall_value_to_bool(v.get()), 1);
}

TEST(NumberAssign, ANonNumberTakesNoNumber) {
	auto v = own(metacall_value_create_string("7", 1));
	EXPECT_EQ(metacall_value_from_long(v.get(), 7L), nullptr);
	EXPECT_STREQ(metacall_value_to_string(v.get()), "7");
}

// MetaCall's metacall_cast_test, the values only: a Long reused for ints, then cast to float and
// to int and reused again.
TEST(NumberAssign, MetaCallCastSequence) {
	void *a = metacall_value_create_long(5L);
	a = metacall_value_from_int(a, 7);
	ASSERT_NE(a, nullptr);
	EXPECT_EQ(metacall_value_to_long(a), 7L);
	a = metacall_value_from_float(metacall_value_cast(a, METACALL_FLOAT), 64.0f);
	ASSERT_NE(a, nullptr);
	EXPECT_FLOAT_EQ(metacall_value_to_float(a), 64.0f);
	a = metacall_value_from_int(metacall_value_cast(a, METACALL_INT), 1000);
	ASSERT_NE(a, nullptr);
	EXPECT_EQ(metacall_value_to_int(a), 1000);
	metacall_value_destroy(a);
}
