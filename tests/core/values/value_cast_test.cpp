// Values: metacall_value_cast converts between numeric types (failing instead of wrapping), numbers
// to strings, numeric strings to numbers, strings <-> buffers, and any value to its own type. On
// failure the original value is left untouched and still owned by the caller.
#include "../support/error_text.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <climits>
#include <cmath>
#include <cstring>
#include <string>

using core_test::LastErrorContains;
using core_test::own;
using core_test::Value;

namespace {

// The outcome of a cast: the converted value on success, else the untouched original.
struct Cast {
	Value result;
	Value original;
};

Cast cast(Value v, enum metacall_value_id id) {
	void *raw = v.release();
	void *converted = metacall_value_cast(raw, id);
	if (converted == nullptr) {
		return {nullptr, own(raw)};
	}
	return {own(converted), nullptr};
}

} // namespace

TEST(ValueCast, IntToLongKeepsTheNumber) {
	auto c = cast(own(metacall_value_create_int(-42)), METACALL_LONG);
	ASSERT_NE(c.result, nullptr);
	EXPECT_EQ(metacall_value_id(c.result.get()), METACALL_LONG);
	EXPECT_EQ(metacall_value_to_long(c.result.get()), -42L);
}

TEST(ValueCast, LongInRangeToIntKeepsTheNumber) {
	auto c = cast(own(metacall_value_create_long(123456)), METACALL_INT);
	ASSERT_NE(c.result, nullptr);
	EXPECT_EQ(metacall_value_id(c.result.get()), METACALL_INT);
	EXPECT_EQ(metacall_value_to_int(c.result.get()), 123456);
}

TEST(ValueCast, IntToDoubleKeepsTheNumber) {
	auto c = cast(own(metacall_value_create_int(7)), METACALL_DOUBLE);
	ASSERT_NE(c.result, nullptr);
	EXPECT_EQ(metacall_value_id(c.result.get()), METACALL_DOUBLE);
	EXPECT_EQ(metacall_value_to_double(c.result.get()), 7.0);
}

TEST(ValueCast, WholeDoubleToIntKeepsTheNumber) {
	auto c = cast(own(metacall_value_create_double(-3.0)), METACALL_INT);
	ASSERT_NE(c.result, nullptr);
	EXPECT_EQ(metacall_value_to_int(c.result.get()), -3);
}

TEST(ValueCast, FloatToDoubleKeepsTheNumber) {
	auto c = cast(own(metacall_value_create_float(1.5f)), METACALL_DOUBLE);
	ASSERT_NE(c.result, nullptr);
	EXPECT_EQ(metacall_value_to_double(c.result.get()), 1.5);
}

TEST(ValueCast, CharToIntGivesItsCode) {
	auto c = cast(own(metacall_value_create_char('A')), METACALL_INT);
	ASSERT_NE(c.result, nullptr);
	EXPECT_EQ(metacall_value_to_int(c.result.get()), 65);
}

TEST(ValueCast, BoolToIntGivesOneOrZero) {
	auto t = cast(own(metacall_value_create_bool(1)), METACALL_INT);
	auto f = cast(own(metacall_value_create_bool(0)), METACALL_INT);
	ASSERT_NE(t.result, nullptr);
	ASSERT_NE(f.result, nullptr);
	EXPECT_EQ(metacall_value_to_int(t.result.get()), 1);
	EXPECT_EQ(metacall_value_to_int(f.result.get()), 0);
}

TEST(ValueCast, IntToShortInRangeKeepsTheNumber) {
	auto c = cast(own(metacall_value_create_int(-32768)), METACALL_SHORT);
	ASSERT_NE(c.result, nullptr);
	EXPECT_EQ(metacall_value_to_short(c.result.get()), -32768);
}

TEST(ValueCast, LongOutOfIntRangeFailsAndLeavesTheValueUsable) {
	metacall_error_clear();
	auto c = cast(own(metacall_value_create_long(LONG_MAX)), METACALL_INT);
	EXPECT_EQ(c.result, nullptr) << "wrapped to " << metacall_value_to_int(c.result.get());
	ASSERT_NE(c.original, nullptr);
	EXPECT_EQ(metacall_value_id(c.original.get()), METACALL_LONG);
	EXPECT_EQ(metacall_value_to_long(c.original.get()), LONG_MAX);
	EXPECT_TRUE(LastErrorContains("metacall_value_cast"));
}

TEST(ValueCast, NegativeLongOutOfIntRangeFails) {
	auto c = cast(own(metacall_value_create_long(static_cast<long>(INT_MIN) - 1)), METACALL_INT);
	EXPECT_EQ(c.result, nullptr) << "wrapped to " << metacall_value_to_int(c.result.get());
	ASSERT_NE(c.original, nullptr);
	EXPECT_EQ(metacall_value_to_long(c.original.get()), static_cast<long>(INT_MIN) - 1);
}

TEST(ValueCast, IntOutOfShortRangeFails) {
	auto c = cast(own(metacall_value_create_int(70000)), METACALL_SHORT);
	EXPECT_EQ(c.result, nullptr) << "wrapped to " << metacall_value_to_short(c.result.get());
	ASSERT_NE(c.original, nullptr);
	EXPECT_EQ(metacall_value_to_int(c.original.get()), 70000);
}

TEST(ValueCast, IntOutOfCharRangeFails) {
	auto c = cast(own(metacall_value_create_int(1000)), METACALL_CHAR);
	EXPECT_EQ(c.result, nullptr);
	ASSERT_NE(c.original, nullptr);
	EXPECT_EQ(metacall_value_to_int(c.original.get()), 1000);
}

TEST(ValueCast, DoubleOutOfIntRangeFails) {
	auto c = cast(own(metacall_value_create_double(1e20)), METACALL_INT);
	EXPECT_EQ(c.result, nullptr) << "gave " << metacall_value_to_int(c.result.get());
	ASSERT_NE(c.original, nullptr);
	EXPECT_EQ(metacall_value_to_double(c.original.get()), 1e20);
}

TEST(ValueCast, IntToStringGivesDecimalDigits) {
	auto c = cast(own(metacall_value_create_int(42)), METACALL_STRING);
	ASSERT_NE(c.result, nullptr);
	ASSERT_EQ(metacall_value_id(c.result.get()), METACALL_STRING);
	EXPECT_STREQ(metacall_value_to_string(c.result.get()), "42");
	EXPECT_EQ(metacall_value_size(c.result.get()), 3u);
}

TEST(ValueCast, NegativeLongToStringGivesDecimalDigits) {
	auto c = cast(own(metacall_value_create_long(LONG_MIN)), METACALL_STRING);
	ASSERT_NE(c.result, nullptr);
	EXPECT_STREQ(metacall_value_to_string(c.result.get()), std::to_string(LONG_MIN).c_str());
}

TEST(ValueCast, DoubleToStringReadsBackAsTheSameNumber) {
	auto c = cast(own(metacall_value_create_double(2.5)), METACALL_STRING);
	ASSERT_NE(c.result, nullptr);
	ASSERT_EQ(metacall_value_id(c.result.get()), METACALL_STRING);
	EXPECT_EQ(std::stod(metacall_value_to_string(c.result.get())), 2.5);
}

TEST(ValueCast, NumericStringToIntGivesTheNumber) {
	auto c = cast(own(metacall_value_create_string("123", 3)), METACALL_INT);
	ASSERT_NE(c.result, nullptr);
	ASSERT_EQ(metacall_value_id(c.result.get()), METACALL_INT);
	EXPECT_EQ(metacall_value_to_int(c.result.get()), 123);
}

TEST(ValueCast, NegativeNumericStringToLongGivesTheNumber) {
	auto c = cast(own(metacall_value_create_string("-9000000000", 11)), METACALL_LONG);
	ASSERT_NE(c.result, nullptr);
	EXPECT_EQ(metacall_value_to_long(c.result.get()), -9000000000L);
}

TEST(ValueCast, DecimalStringToDoubleGivesTheNumber) {
	auto c = cast(own(metacall_value_create_string("2.5", 3)), METACALL_DOUBLE);
	ASSERT_NE(c.result, nullptr);
	EXPECT_EQ(metacall_value_to_double(c.result.get()), 2.5);
}

TEST(ValueCast, NonNumericStringToIntFailsAndLeavesTheString) {
	metacall_error_clear();
	auto c = cast(own(metacall_value_create_string("abc", 3)), METACALL_INT);
	EXPECT_EQ(c.result, nullptr);
	ASSERT_NE(c.original, nullptr);
	EXPECT_EQ(metacall_value_id(c.original.get()), METACALL_STRING);
	EXPECT_STREQ(metacall_value_to_string(c.original.get()), "abc");
	EXPECT_TRUE(LastErrorContains("metacall_value_cast"));
}

TEST(ValueCast, NumberFollowedByTextFailsToConvert) {
	auto c = cast(own(metacall_value_create_string("12abc", 5)), METACALL_INT);
	EXPECT_EQ(c.result, nullptr) << "gave " << metacall_value_to_int(c.result.get());
	ASSERT_NE(c.original, nullptr);
	EXPECT_STREQ(metacall_value_to_string(c.original.get()), "12abc");
}

TEST(ValueCast, NumericStringOutOfShortRangeFails) {
	auto c = cast(own(metacall_value_create_string("70000", 5)), METACALL_SHORT);
	EXPECT_EQ(c.result, nullptr) << "gave " << metacall_value_to_short(c.result.get());
	ASSERT_NE(c.original, nullptr);
}

TEST(ValueCast, StringToBufferGivesItsBytes) {
	auto c = cast(own(metacall_value_create_string("a\0c", 3)), METACALL_BUFFER);
	ASSERT_NE(c.result, nullptr);
	ASSERT_EQ(metacall_value_id(c.result.get()), METACALL_BUFFER);
	ASSERT_EQ(metacall_value_size(c.result.get()), 3u)
	    << "the buffer should hold the string's bytes, not its NUL";
	EXPECT_EQ(std::memcmp(metacall_value_to_buffer(c.result.get()), "a\0c", 3), 0);
}

TEST(ValueCast, BufferToStringGivesTheSameBytes) {
	auto c = cast(own(metacall_value_create_buffer("xy\0z", 4)), METACALL_STRING);
	ASSERT_NE(c.result, nullptr);
	ASSERT_EQ(metacall_value_id(c.result.get()), METACALL_STRING);
	ASSERT_EQ(metacall_value_size(c.result.get()), 5u);
	EXPECT_EQ(std::memcmp(metacall_value_to_string(c.result.get()), "xy\0z", 5), 0);
}

TEST(ValueCast, ToItsOwnTypeKeepsTheValue) {
	auto i = cast(own(metacall_value_create_int(5)), METACALL_INT);
	auto s = cast(own(metacall_value_create_string("same", 4)), METACALL_STRING);
	const void *elements[] = {metacall_value_create_int(1)};
	auto a = cast(own(metacall_value_create_array(elements, 1)), METACALL_ARRAY);
	ASSERT_NE(i.result, nullptr);
	ASSERT_NE(s.result, nullptr);
	ASSERT_NE(a.result, nullptr);
	EXPECT_EQ(metacall_value_to_int(i.result.get()), 5);
	EXPECT_STREQ(metacall_value_to_string(s.result.get()), "same");
	ASSERT_EQ(metacall_value_count(a.result.get()), 1u);
	EXPECT_EQ(metacall_value_to_int(metacall_value_to_array(a.result.get())[0]), 1);
}

TEST(ValueCast, ArrayToIntIsNotSupportedAndLeavesTheArray) {
	const void *elements[] = {metacall_value_create_int(1)};
	metacall_error_clear();
	auto c = cast(own(metacall_value_create_array(elements, 1)), METACALL_INT);
	EXPECT_EQ(c.result, nullptr);
	ASSERT_NE(c.original, nullptr);
	EXPECT_EQ(metacall_value_id(c.original.get()), METACALL_ARRAY);
	EXPECT_EQ(metacall_value_count(c.original.get()), 1u);
	EXPECT_TRUE(LastErrorContains("metacall_value_cast"));
}

TEST(ValueCast, ToAnInvalidIdFails) {
	auto c = cast(own(metacall_value_create_int(1)), METACALL_INVALID);
	EXPECT_EQ(c.result, nullptr);
	ASSERT_NE(c.original, nullptr);
	EXPECT_EQ(metacall_value_to_int(c.original.get()), 1);
}

TEST(ValueCast, NanToIntFails) {
	auto c = cast(own(metacall_value_create_double(std::nan(""))), METACALL_INT);
	EXPECT_EQ(c.result, nullptr) << "gave " << metacall_value_to_int(c.result.get());
	ASSERT_NE(c.original, nullptr);
	EXPECT_TRUE(std::isnan(metacall_value_to_double(c.original.get())));
}

TEST(ValueCast, InfinityToLongFails) {
	auto c = cast(own(metacall_value_create_double(INFINITY)), METACALL_LONG);
	EXPECT_EQ(c.result, nullptr) << "gave " << metacall_value_to_long(c.result.get());
	ASSERT_NE(c.original, nullptr);
}

TEST(ValueCast, LongMaxToDoubleAndBackFailsInsteadOfWrapping) {
	// (double)LONG_MAX rounds up to 2^63, which no long holds.
	auto to_double = cast(own(metacall_value_create_long(LONG_MAX)), METACALL_DOUBLE);
	ASSERT_NE(to_double.result, nullptr);
	auto back = cast(std::move(to_double.result), METACALL_LONG);
	EXPECT_EQ(back.result, nullptr) << "gave " << metacall_value_to_long(back.result.get());
}

TEST(ValueCast, StringOfLongMinToLongGivesLongMin) {
	const std::string text = std::to_string(LONG_MIN);
	auto c = cast(own(metacall_value_create_string(text.data(), text.size())), METACALL_LONG);
	ASSERT_NE(c.result, nullptr);
	EXPECT_EQ(metacall_value_to_long(c.result.get()), LONG_MIN);
}

TEST(ValueCast, StringWithEmbeddedNulIsNotANumber) {
	auto c = cast(own(metacall_value_create_string("12\0"
	                                               "34",
	                                               5)),
	              METACALL_INT);
	EXPECT_EQ(c.result, nullptr) << "gave " << metacall_value_to_int(c.result.get());
}
