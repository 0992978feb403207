// Values: the scalar types (bool, char, short, int, long, float, double) are created, read,
// assigned in place and measured as metacall_value.h specifies.
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <cfloat>
#include <climits>

using core_test::own;

TEST(BoolValue, CreateTrueReadsBackAsOne) {
	auto v = own(metacall_value_create_bool(1));
	EXPECT_EQ(metacall_value_id(v.get()), METACALL_BOOL);
	EXPECT_EQ(metacall_value_to_bool(v.get()), 1);
}

TEST(BoolValue, CreateFalseReadsBackAsZero) {
	auto v = own(metacall_value_create_bool(0));
	EXPECT_EQ(metacall_value_id(v.get()), METACALL_BOOL);
	EXPECT_EQ(metacall_value_to_bool(v.get()), 0);
}

TEST(BoolValue, FromBoolAssignsInPlace) {
	auto v = own(metacall_value_create_bool(0));
	EXPECT_EQ(metacall_value_from_bool(v.get(), 1), v.get());
	EXPECT_EQ(metacall_value_to_bool(v.get()), 1);
}

TEST(CharValue, HoldsLetterAndExtremes) {
	for (char c : {'x', '\0', static_cast<char>(CHAR_MIN), static_cast<char>(CHAR_MAX)}) {
		auto v = own(metacall_value_create_char(c));
		EXPECT_EQ(metacall_value_id(v.get()), METACALL_CHAR);
		EXPECT_EQ(metacall_value_to_char(v.get()), c);
	}
}

TEST(CharValue, FromCharAssignsInPlace) {
	auto v = own(metacall_value_create_char('a'));
	EXPECT_EQ(metacall_value_from_char(v.get(), 'z'), v.get());
	EXPECT_EQ(metacall_value_to_char(v.get()), 'z');
}

TEST(ShortValue, HoldsShortMinAndMax) {
	for (short s : {static_cast<short>(SHRT_MIN), static_cast<short>(0), static_cast<short>(SHRT_MAX)}) {
		auto v = own(metacall_value_create_short(s));
		EXPECT_EQ(metacall_value_id(v.get()), METACALL_SHORT);
		EXPECT_EQ(metacall_value_to_short(v.get()), s);
	}
}

TEST(ShortValue, FromShortAssignsInPlace) {
	auto v = own(metacall_value_create_short(1));
	EXPECT_EQ(metacall_value_from_short(v.get(), -1234), v.get());
	EXPECT_EQ(metacall_value_to_short(v.get()), -1234);
}

TEST(IntValue, HoldsIntMinAndMax) {
	for (int i : {INT_MIN, -1, 0, 42, INT_MAX}) {
		auto v = own(metacall_value_create_int(i));
		EXPECT_EQ(metacall_value_id(v.get()), METACALL_INT);
		EXPECT_EQ(metacall_value_to_int(v.get()), i);
	}
}

TEST(IntValue, FromIntAssignsInPlace) {
	auto v = own(metacall_value_create_int(1));
	EXPECT_EQ(metacall_value_from_int(v.get(), 987654), v.get());
	EXPECT_EQ(metacall_value_to_int(v.get()), 987654);
}

TEST(LongValue, HoldsLongMinAndMax) {
	for (long l : {LONG_MIN, -1L, 0L, 1L << 40, LONG_MAX}) {
		auto v = own(metacall_value_create_long(l));
		EXPECT_EQ(metacall_value_id(v.get()), METACALL_LONG);
		EXPECT_EQ(metacall_value_to_long(v.get()), l);
	}
}

TEST(LongValue, FromLongAssignsInPlace) {
	auto v = own(metacall_value_create_long(0));
	EXPECT_EQ(metacall_value_from_long(v.get(), LONG_MIN), v.get());
	EXPECT_EQ(metacall_value_to_long(v.get()), LONG_MIN);
}

TEST(FloatValue, HoldsExactFloats) {
	for (float f : {0.0f, -0.25f, 3.5f, FLT_MAX, FLT_MIN}) {
		auto v = own(metacall_value_create_float(f));
		EXPECT_EQ(metacall_value_id(v.get()), METACALL_FLOAT);
		EXPECT_EQ(metacall_value_to_float(v.get()), f);
	}
}

TEST(FloatValue, FromFloatAssignsInPlace) {
	auto v = own(metacall_value_create_float(1.0f));
	EXPECT_EQ(metacall_value_from_float(v.get(), -8.125f), v.get());
	EXPECT_EQ(metacall_value_to_float(v.get()), -8.125f);
}

TEST(DoubleValue, HoldsExactDoubles) {
	for (double d : {0.0, 3.141592653589793, -1e300, DBL_MAX, DBL_MIN}) {
		auto v = own(metacall_value_create_double(d));
		EXPECT_EQ(metacall_value_id(v.get()), METACALL_DOUBLE);
		EXPECT_EQ(metacall_value_to_double(v.get()), d);
	}
}

TEST(DoubleValue, FromDoubleAssignsInPlace) {
	auto v = own(metacall_value_create_double(1.0));
	EXPECT_EQ(metacall_value_from_double(v.get(), 2.718281828459045), v.get());
	EXPECT_EQ(metacall_value_to_double(v.get()), 2.718281828459045);
}

TEST(ScalarValueSize, IsTheSizeOfTheCType) {
	auto b = own(metacall_value_create_bool(1));
	auto c = own(metacall_value_create_char('c'));
	auto s = own(metacall_value_create_short(1));
	auto i = own(metacall_value_create_int(1));
	auto l = own(metacall_value_create_long(1));
	auto f = own(metacall_value_create_float(1));
	auto d = own(metacall_value_create_double(1));
	EXPECT_EQ(metacall_value_size(b.get()), sizeof(boolean));
	EXPECT_EQ(metacall_value_size(c.get()), sizeof(char));
	EXPECT_EQ(metacall_value_size(s.get()), sizeof(short));
	EXPECT_EQ(metacall_value_size(i.get()), sizeof(int));
	EXPECT_EQ(metacall_value_size(l.get()), sizeof(long));
	EXPECT_EQ(metacall_value_size(f.get()), sizeof(float));
	EXPECT_EQ(metacall_value_size(d.get()), sizeof(double));
}

TEST(ScalarValueCount, IsOne) {
	auto i = own(metacall_value_create_int(7));
	auto d = own(metacall_value_create_double(7));
	auto b = own(metacall_value_create_bool(0));
	EXPECT_EQ(metacall_value_count(i.get()), 1u);
	EXPECT_EQ(metacall_value_count(d.get()), 1u);
	EXPECT_EQ(metacall_value_count(b.get()), 1u);
}
