// Values: metacall_value_from_<type> on a value of another type returns NULL, reports the function,
// and leaves the value as it was.
#include "../support/error_text.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using core_test::LastErrorContains;
using core_test::own;

TEST(ValueFromMismatch, FromIntOnAStringFailsAndKeepsTheString) {
	auto v = own(metacall_value_create_string("text", 4));
	metacall_error_clear();
	EXPECT_EQ(metacall_value_from_int(v.get(), 5), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_from_int"));
	EXPECT_EQ(metacall_value_id(v.get()), METACALL_STRING);
	EXPECT_STREQ(metacall_value_to_string(v.get()), "text");
}

TEST(ValueFromMismatch, FromStringOnAnIntFailsAndKeepsTheInt) {
	auto v = own(metacall_value_create_int(5));
	metacall_error_clear();
	EXPECT_EQ(metacall_value_from_string(v.get(), "x", 1), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_from_string"));
	EXPECT_EQ(metacall_value_to_int(v.get()), 5);
}

// A number into a value of another number type is converted (compat/number_assign_test.cpp) unless
// it does not fit.
TEST(ValueFromMismatch, FromLongOnAnIntThatDoesNotFitFails) {
	auto v = own(metacall_value_create_int(5));
	metacall_error_clear();
	EXPECT_EQ(metacall_value_from_long(v.get(), 1L << 40), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_from_long"));
	EXPECT_EQ(metacall_value_id(v.get()), METACALL_INT);
	EXPECT_EQ(metacall_value_to_int(v.get()), 5);
}

TEST(ValueFromMismatch, FromDoubleBeyondAFloatsRangeFails) {
	auto v = own(metacall_value_create_float(1.5f));
	EXPECT_EQ(metacall_value_from_double(v.get(), 1e300), nullptr);
	EXPECT_EQ(metacall_value_to_float(v.get()), 1.5f);
}

TEST(ValueFromMismatch, FromBufferOnAStringFails) {
	auto v = own(metacall_value_create_string("s", 1));
	EXPECT_EQ(metacall_value_from_buffer(v.get(), "bb", 2), nullptr);
	EXPECT_STREQ(metacall_value_to_string(v.get()), "s");
}

TEST(ValueFromMismatch, FromNullOnAnIntFails) {
	auto v = own(metacall_value_create_int(3));
	EXPECT_EQ(metacall_value_from_null(v.get()), nullptr);
	EXPECT_EQ(metacall_value_id(v.get()), METACALL_INT);
}

TEST(ValueFromMismatch, FromPtrOnABoolFails) {
	int target = 0;
	auto v = own(metacall_value_create_bool(1));
	EXPECT_EQ(metacall_value_from_ptr(v.get(), &target), nullptr);
	EXPECT_EQ(metacall_value_to_bool(v.get()), 1);
}
