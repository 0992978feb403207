// metacall::value and the conversions of bool, characters, integers, floating point and null:
// each C++ type has one value type, and reading accepts every value that represents it exactly.
#include "cpp_api_test.h"

#include <climits>
#include <cmath>
#include <limits>

using metacall::value;

namespace {

// Conversions need no runtime, but the tests run with one as a host would.
using ScalarValues = cpp_api_test::CppApi;

template <typename T>
std::string type_error_of(const value &v) {
	try {
		(void)v.to<T>();
	} catch (const metacall::type_error &e) {
		return e.what();
	}
	return "(no type_error)";
}

} // namespace

TEST_F(ScalarValues, BoolRoundTrips) {
	value t = value::from(true);
	EXPECT_EQ(t.type(), METACALL_BOOL);
	EXPECT_TRUE(t.to<bool>());
	EXPECT_FALSE(value::from(false).to<bool>());
}

TEST_F(ScalarValues, EachIntegerTypeHasTheSmallestValueTypeThatHoldsItsRange) {
	EXPECT_EQ(value::from('x').type(), METACALL_CHAR);
	EXPECT_EQ(value::from(static_cast<short>(1)).type(), METACALL_SHORT);
	EXPECT_EQ(value::from(static_cast<unsigned char>(1)).type(), METACALL_SHORT);
	EXPECT_EQ(value::from(1).type(), METACALL_INT);
	EXPECT_EQ(value::from(static_cast<unsigned short>(1)).type(), METACALL_INT);
	EXPECT_EQ(value::from(1L).type(), METACALL_LONG);
	EXPECT_EQ(value::from(1LL).type(), METACALL_LONG);
	EXPECT_EQ(value::from(1U).type(), METACALL_LONG);
	EXPECT_EQ(value::from(1UL).type(), METACALL_LONG);
}

TEST_F(ScalarValues, IntegersRoundTripAtTheirLimits) {
	EXPECT_EQ(value::from(CHAR_MIN).to<int>(), CHAR_MIN);
	EXPECT_EQ(value::from(SHRT_MIN).to<short>(), SHRT_MIN);
	EXPECT_EQ(value::from(INT_MAX).to<int>(), INT_MAX);
	EXPECT_EQ(value::from(LONG_MIN).to<long>(), LONG_MIN);
	EXPECT_EQ(value::from(LLONG_MAX).to<long long>(), LLONG_MAX);
	EXPECT_EQ(value::from(UINT_MAX).to<unsigned>(), UINT_MAX);
	EXPECT_EQ(value::from(static_cast<unsigned long>(LONG_MAX)).to<unsigned long>(),
	          static_cast<unsigned long>(LONG_MAX));
	EXPECT_EQ(value::from(static_cast<unsigned char>(255)).to<unsigned char>(), 255);
	EXPECT_EQ(value::from('z').to<char>(), 'z');
}

TEST_F(ScalarValues, IntegerTargetsAcceptEveryIntegerValueTypeThatFits) {
	value c(metacall_value_create_char(7));
	value s(metacall_value_create_short(300));
	value i(metacall_value_create_int(-70000));
	value l(metacall_value_create_long(42));
	EXPECT_EQ(c.to<long>(), 7);
	EXPECT_EQ(c.to<unsigned long long>(), 7U);
	EXPECT_EQ(s.to<int>(), 300);
	EXPECT_EQ(s.to<unsigned short>(), 300);
	EXPECT_EQ(i.to<long long>(), -70000);
	EXPECT_EQ(l.to<signed char>(), 42);
	EXPECT_EQ(l.to<short>(), 42);
}

TEST_F(ScalarValues, IntegerThatDoesNotFitIsARangeError) {
	EXPECT_THROW(value(metacall_value_create_long(300)).to<unsigned char>(), metacall::range_error);
	EXPECT_THROW(value(metacall_value_create_long(128)).to<signed char>(), metacall::range_error);
	EXPECT_THROW(value(metacall_value_create_int(-1)).to<unsigned>(), metacall::range_error);
	EXPECT_THROW(value(metacall_value_create_short(-1)).to<unsigned long long>(), metacall::range_error);
	EXPECT_THROW(value(metacall_value_create_long(LONG_MAX)).to<int>(), metacall::range_error);
	EXPECT_THROW(value(metacall_value_create_long(INT_MIN - 1L)).to<int>(), metacall::range_error);
	EXPECT_THROW(value(metacall_value_create_int(70000)).to<short>(), metacall::range_error);
}

TEST_F(ScalarValues, RangeErrorNamesTheValueAndTheTarget) {
	try {
		(void)value(metacall_value_create_long(300)).to<unsigned char>();
		FAIL() << "no range_error";
	} catch (const metacall::range_error &e) {
		EXPECT_EQ(e.label(), "RangeError");
		EXPECT_NE(std::string(e.what()).find("unsigned char"), std::string::npos) << e.what();
		EXPECT_NE(std::string(e.what()).find("Long 300"), std::string::npos) << e.what();
	}
}

TEST_F(ScalarValues, RangeErrorIsATypeError) {
	EXPECT_THROW(value(metacall_value_create_long(-5)).to<unsigned>(), metacall::type_error);
}

TEST_F(ScalarValues, UnsignedBeyondLongCannotBecomeAValue) {
	EXPECT_THROW(value::from(ULONG_MAX), metacall::range_error);
	EXPECT_THROW(value::from(ULLONG_MAX), metacall::range_error);
	EXPECT_EQ(value::from(static_cast<unsigned long long>(LONG_MAX)).to<long>(), LONG_MAX);
}

TEST_F(ScalarValues, IntegerTargetsRefuseBooleansAndStrings) {
	EXPECT_EQ(type_error_of<int>(value::from(std::string("1"))),
	          "cannot convert to int: expected Char, Short, Integer, Long, Float or Double, got String");
	EXPECT_THROW(value::from(true).to<int>(), metacall::type_error);
}

// JavaScript has only doubles: a whole number in a Double is an integer.
TEST_F(ScalarValues, IntegerTargetsAcceptAWholeDoubleOrFloat) {
	EXPECT_EQ(value::from(42.0).to<long>(), 42);
	EXPECT_EQ(value::from(-7.0).to<int>(), -7);
	EXPECT_EQ(value::from(1.0f).to<long>(), 1);
	EXPECT_EQ(value::from(3.0f).to<unsigned short>(), 3);
}

TEST_F(ScalarValues, DoubleTwoToThe53IsALong) {
	EXPECT_EQ(value::from(9007199254740992.0).to<long>(), 9007199254740992L);
	EXPECT_EQ(value::from(-9007199254740992.0).to<long long>(), -9007199254740992LL);
}

TEST_F(ScalarValues, DoubleTwoToThe63IsBeyondLong) {
	const double two_63 = std::ldexp(1.0, 63);
	EXPECT_THROW(value::from(two_63).to<long>(), metacall::range_error);
	EXPECT_EQ(value::from(-two_63).to<long>(), LONG_MIN); // the lower bound is itself a long
	EXPECT_EQ(value::from(two_63).to<unsigned long>(), 1UL << 63);
	EXPECT_THROW(value::from(std::ldexp(1.0, 64)).to<unsigned long>(), metacall::range_error);
}

TEST_F(ScalarValues, NegativeZeroIsZero) {
	EXPECT_EQ(value::from(-0.0).to<long>(), 0);
	EXPECT_EQ(value::from(-0.0).to<unsigned>(), 0U);
}

TEST_F(ScalarValues, DoubleWithAFractionIsARangeErrorNamingItAndTheTarget) {
	try {
		(void)value::from(3.5).to<long>();
		FAIL() << "no range_error";
	} catch (const metacall::range_error &e) {
		EXPECT_STREQ(e.what(), "cannot convert to long: the Double 3.5 is not a whole number");
	}
	EXPECT_THROW(value::from(-0.5f).to<int>(), metacall::range_error);
}

TEST_F(ScalarValues, NaNIsNotAnInteger) {
	try {
		(void)value::from(std::nan("")).to<long>();
		FAIL() << "no range_error";
	} catch (const metacall::range_error &e) {
		EXPECT_NE(std::string(e.what()).find("is not a number"), std::string::npos) << e.what();
		EXPECT_NE(std::string(e.what()).find("long"), std::string::npos) << e.what();
	}
}

TEST_F(ScalarValues, DoubleBeyondTheTargetIsARangeError) {
	try {
		(void)value::from(1e300).to<int>();
		FAIL() << "no range_error";
	} catch (const metacall::range_error &e) {
		EXPECT_STREQ(e.what(), "cannot convert to int: the Double 1e+300 does not fit");
	}
	EXPECT_THROW(value::from(std::numeric_limits<double>::infinity()).to<long>(), metacall::range_error);
	EXPECT_THROW(value::from(-1.0).to<unsigned>(), metacall::range_error);
}

TEST_F(ScalarValues, DoubleToUnsignedCharAtItsEdge) {
	EXPECT_EQ(value::from(255.0).to<unsigned char>(), 255);
	EXPECT_THROW(value::from(256.0).to<unsigned char>(), metacall::range_error);
}

TEST_F(ScalarValues, DoubleToBoolStaysATypeError) {
	EXPECT_EQ(type_error_of<bool>(value::from(1.0)), "cannot convert to bool: expected Boolean, got Double");
}

TEST_F(ScalarValues, BoolAcceptsOnlyBooleans) {
	EXPECT_EQ(type_error_of<bool>(value::from(1)), "cannot convert to bool: expected Boolean, got Integer");
}

TEST_F(ScalarValues, FloatingPointRoundTrips) {
	value f = value::from(1.5f);
	value d = value::from(2.25);
	EXPECT_EQ(f.type(), METACALL_FLOAT);
	EXPECT_EQ(d.type(), METACALL_DOUBLE);
	EXPECT_EQ(f.to<float>(), 1.5f);
	EXPECT_EQ(d.to<double>(), 2.25);
	EXPECT_EQ(f.to<double>(), 1.5);
	EXPECT_EQ(d.to<float>(), 2.25f);
}

TEST_F(ScalarValues, FloatingPointTargetsAcceptIntegers) {
	EXPECT_EQ(value::from(3L).to<double>(), 3.0);
	EXPECT_EQ(value::from(static_cast<short>(-2)).to<float>(), -2.0f);
}

TEST_F(ScalarValues, DoubleBeyondFloatIsARangeErrorButInfinityPasses) {
	EXPECT_THROW(value::from(1e300).to<float>(), metacall::range_error);
	EXPECT_TRUE(std::isinf(value::from(std::numeric_limits<double>::infinity()).to<float>()));
	EXPECT_TRUE(std::isnan(value::from(std::nan("")).to<float>()));
}

TEST_F(ScalarValues, FloatingPointTargetsRefuseStrings) {
	EXPECT_EQ(type_error_of<double>(value::from(std::string("1.5"))),
	          "cannot convert to double: expected Float, Double or an integer, got String");
}

TEST_F(ScalarValues, NullptrIsNull) {
	value n = value::from(nullptr);
	EXPECT_EQ(n.type(), METACALL_NULL);
	EXPECT_EQ(n.to<std::nullptr_t>(), nullptr);
	EXPECT_THROW(value::from(0).to<std::nullptr_t>(), metacall::type_error);
}

TEST_F(ScalarValues, EmptyValueHasNoTypeAndDoesNotConvert) {
	value empty;
	EXPECT_FALSE(empty);
	EXPECT_EQ(empty.type(), METACALL_INVALID);
	EXPECT_STREQ(empty.type_name(), "Invalid");
	EXPECT_THROW(empty.to<long>(), metacall::type_error);
}

TEST_F(ScalarValues, MoveLeavesTheSourceEmpty) {
	value a = value::from(5);
	value b = std::move(a);
	EXPECT_FALSE(a); // NOLINT(bugprone-use-after-move): moved-from is specified as empty
	EXPECT_EQ(b.to<int>(), 5);
	a = std::move(b);
	EXPECT_EQ(a.to<int>(), 5);
}

TEST_F(ScalarValues, ReleaseHandsTheValueOverAndResetTakesOne) {
	value a = value::from(5);
	void *raw = a.release();
	EXPECT_FALSE(a);
	EXPECT_EQ(metacall_value_to_int(raw), 5);
	a.reset(raw); // owned again: destroyed with `a`
	EXPECT_EQ(a.get(), raw);
}

TEST_F(ScalarValues, CopyIsDeepAndIndependent) {
	value a = value::from(std::string("text"));
	value b = a.copy();
	EXPECT_NE(a.get(), b.get());
	metacall_value_from_string(a.get(), "changed", 7);
	EXPECT_EQ(b.to<std::string>(), "text");
}

TEST_F(ScalarValues, ValueConvertsToItselfAsACopy) {
	value a = value::from(9);
	value b = value::from(a);
	EXPECT_NE(a.get(), b.get());
	EXPECT_EQ(b.to<int>(), 9);
	value c = value::from(std::move(a));
	EXPECT_FALSE(a); // NOLINT(bugprone-use-after-move)
	EXPECT_EQ(c.to<value>().to<int>(), 9);
}
