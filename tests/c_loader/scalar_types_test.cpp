// Numbers across the C boundary: every integer width with its limits, floating point, booleans,
// and arguments of another numeric type converted with range checks.
#include "c_loader_fixture.h"

#include <cfloat>
#include <climits>
#include <cstdint>

namespace {

class ScalarTypes : public CLoaderTest {
protected:
	void SetUp() override {
		CLoaderTest::SetUp();
		if (!HasFatalFailure())
			load_types();
	}

	// echo_<name>(argument): the result (argument taken).
	ValuePtr echo(const std::string &name, void *argument) {
		Args args{argument};
		return call(("echo_" + name).c_str(), args);
	}

	enum metacall_value_id parameter_type(const char *name) {
		enum metacall_value_id id = METACALL_INVALID;
		EXPECT_EQ(metacall_function_parameter_type(metacall_function(name), 0, &id), 0) << name;
		return id;
	}
	enum metacall_value_id return_type(const char *name) {
		enum metacall_value_id id = METACALL_INVALID;
		EXPECT_EQ(metacall_function_return_type(metacall_function(name), &id), 0) << name;
		return id;
	}
};

// `value` is a `id` value holding `expected`.
::testing::AssertionResult holds(void *value, enum metacall_value_id id, long expected) {
	if (value == nullptr || metacall_value_id(value) != id)
		return ::testing::AssertionFailure()
		       << "expected a " << metacall_value_id_name(id) << ", got " << describe(value);
	long got = 0;
	switch (id) {
	case METACALL_BOOL:
		got = metacall_value_to_bool(value);
		break;
	case METACALL_CHAR:
		got = metacall_value_to_char(value);
		break;
	case METACALL_SHORT:
		got = metacall_value_to_short(value);
		break;
	case METACALL_INT:
		got = metacall_value_to_int(value);
		break;
	default:
		got = metacall_value_to_long(value);
		break;
	}
	if (got != expected)
		return ::testing::AssertionFailure() << "expected " << expected << ", got " << got;
	return ::testing::AssertionSuccess();
}

TEST_F(ScalarTypes, SignedIntegersMapToTheirWidth) {
	EXPECT_EQ(parameter_type("echo_int8"), METACALL_CHAR);
	EXPECT_EQ(parameter_type("echo_char"), METACALL_CHAR);
	EXPECT_EQ(parameter_type("echo_int16"), METACALL_SHORT);
	EXPECT_EQ(parameter_type("echo_short"), METACALL_SHORT);
	EXPECT_EQ(parameter_type("echo_int32"), METACALL_INT);
	EXPECT_EQ(parameter_type("echo_int"), METACALL_INT);
	EXPECT_EQ(parameter_type("echo_int64"), METACALL_LONG);
	EXPECT_EQ(parameter_type("echo_long"), METACALL_LONG);
	EXPECT_EQ(parameter_type("echo_llong"), METACALL_LONG);
	EXPECT_EQ(parameter_type("echo_ssize"), METACALL_LONG);
	EXPECT_EQ(parameter_type("echo_intptr"), METACALL_LONG);
}

TEST_F(ScalarTypes, UnsignedIntegersMapToTheNextWiderType) {
	EXPECT_EQ(parameter_type("echo_uint8"), METACALL_SHORT);
	EXPECT_EQ(parameter_type("echo_uchar"), METACALL_SHORT);
	EXPECT_EQ(parameter_type("echo_uint16"), METACALL_INT);
	EXPECT_EQ(parameter_type("echo_ushort"), METACALL_INT);
	EXPECT_EQ(parameter_type("echo_uint32"), METACALL_LONG);
	EXPECT_EQ(parameter_type("echo_uint"), METACALL_LONG);
	EXPECT_EQ(parameter_type("echo_uint64"), METACALL_LONG);
	EXPECT_EQ(parameter_type("echo_ulong"), METACALL_LONG);
	EXPECT_EQ(parameter_type("echo_size"), METACALL_LONG);
	EXPECT_EQ(return_type("echo_uint8"), METACALL_SHORT);
}

TEST_F(ScalarTypes, FloatingPointAndBooleansMapToTheirTypes) {
	EXPECT_EQ(parameter_type("echo_float"), METACALL_FLOAT);
	EXPECT_EQ(parameter_type("echo_double"), METACALL_DOUBLE);
	EXPECT_EQ(parameter_type("echo_bool"), METACALL_BOOL);
	EXPECT_EQ(return_type("negate"), METACALL_BOOL);
}

TEST_F(ScalarTypes, Int8Limits) {
	EXPECT_TRUE(holds(echo("int8", metacall_value_create_char(CHAR_MIN)).get(), METACALL_CHAR, INT8_MIN));
	EXPECT_TRUE(holds(echo("int8", metacall_value_create_char(CHAR_MAX)).get(), METACALL_CHAR, INT8_MAX));
	EXPECT_TRUE(holds(echo("schar", metacall_value_create_char(-5)).get(), METACALL_CHAR, -5));
	EXPECT_TRUE(holds(echo("char", metacall_value_create_char('x')).get(), METACALL_CHAR, 'x'));
}

TEST_F(ScalarTypes, Uint8Limits) {
	EXPECT_TRUE(holds(echo("uint8", metacall_value_create_short(0)).get(), METACALL_SHORT, 0));
	EXPECT_TRUE(
	    holds(echo("uint8", metacall_value_create_short(UINT8_MAX)).get(), METACALL_SHORT, UINT8_MAX));
	EXPECT_TRUE(holds(echo("uchar", metacall_value_create_short(200)).get(), METACALL_SHORT, 200));
}

TEST_F(ScalarTypes, Int16AndUint16Limits) {
	EXPECT_TRUE(holds(echo("int16", metacall_value_create_short(SHRT_MIN)).get(), METACALL_SHORT, INT16_MIN));
	EXPECT_TRUE(holds(echo("int16", metacall_value_create_short(SHRT_MAX)).get(), METACALL_SHORT, INT16_MAX));
	EXPECT_TRUE(holds(echo("uint16", metacall_value_create_int(UINT16_MAX)).get(), METACALL_INT, UINT16_MAX));
	EXPECT_TRUE(holds(echo("ushort", metacall_value_create_int(0)).get(), METACALL_INT, 0));
}

TEST_F(ScalarTypes, Int32AndUint32Limits) {
	EXPECT_TRUE(holds(echo("int32", metacall_value_create_int(INT_MIN)).get(), METACALL_INT, INT32_MIN));
	EXPECT_TRUE(holds(echo("int", metacall_value_create_int(INT_MAX)).get(), METACALL_INT, INT32_MAX));
	EXPECT_TRUE(
	    holds(echo("uint32", metacall_value_create_long(UINT32_MAX)).get(), METACALL_LONG, UINT32_MAX));
	EXPECT_TRUE(holds(echo("uint", metacall_value_create_long(0)).get(), METACALL_LONG, 0));
}

TEST_F(ScalarTypes, Int64Limits) {
	EXPECT_TRUE(holds(echo("int64", metacall_value_create_long(LONG_MIN)).get(), METACALL_LONG, LONG_MIN));
	EXPECT_TRUE(holds(echo("long", metacall_value_create_long(LONG_MAX)).get(), METACALL_LONG, LONG_MAX));
	EXPECT_TRUE(holds(echo("llong", metacall_value_create_long(LONG_MIN)).get(), METACALL_LONG, LONG_MIN));
	EXPECT_TRUE(holds(echo("ssize", metacall_value_create_long(-1)).get(), METACALL_LONG, -1));
	EXPECT_TRUE(holds(echo("intptr", metacall_value_create_long(LONG_MAX)).get(), METACALL_LONG, LONG_MAX));
}

TEST_F(ScalarTypes, Uint64UpToLongMax) {
	EXPECT_TRUE(holds(echo("uint64", metacall_value_create_long(LONG_MAX)).get(), METACALL_LONG, LONG_MAX));
	EXPECT_TRUE(holds(echo("ulong", metacall_value_create_long(0)).get(), METACALL_LONG, 0));
	EXPECT_TRUE(holds(echo("ullong", metacall_value_create_long(12345)).get(), METACALL_LONG, 12345));
	EXPECT_TRUE(holds(echo("size", metacall_value_create_long(1L << 40)).get(), METACALL_LONG, 1L << 40));
	EXPECT_TRUE(holds(echo("uintptr", metacall_value_create_long(7)).get(), METACALL_LONG, 7));
}

TEST_F(ScalarTypes, Uint64AboveLongMaxIsARangeErrorNotAWrap) {
	const ValuePtr result = call("uint64_above_long_max");
	EXPECT_TRUE(is_error(result.get(), "RangeError",
	                     {"uint64_above_long_max", "18446744073709551614", "above the largest Long"}));
}

TEST_F(ScalarTypes, ANegativeValueForAnUnsignedParameterIsARangeError) {
	EXPECT_TRUE(is_error(echo("uint64", metacall_value_create_long(-1)).get(), "RangeError",
	                     {"echo_uint64", "parameter 0 ('x')", "-1", "uint64_t"}));
	EXPECT_TRUE(is_error(echo("uint8", metacall_value_create_short(256)).get(), "RangeError",
	                     {"echo_uint8", "256", "uint8_t"}));
}

TEST_F(ScalarTypes, AWiderValueThatFitsIsConverted) {
	EXPECT_TRUE(holds(echo("int", metacall_value_create_long(123456)).get(), METACALL_INT, 123456));
	EXPECT_TRUE(holds(echo("int8", metacall_value_create_long(-100)).get(), METACALL_CHAR, -100));
	EXPECT_TRUE(holds(echo("long", metacall_value_create_char(9)).get(), METACALL_LONG, 9));
	EXPECT_TRUE(holds(echo("int", metacall_value_create_double(42.0)).get(), METACALL_INT, 42));
	EXPECT_TRUE(holds(echo("int", metacall_value_create_bool(1)).get(), METACALL_INT, 1));
}

TEST_F(ScalarTypes, AValueThatDoesNotFitIsARangeErrorNamingTheParameter) {
	const ValuePtr result = echo("int", metacall_value_create_long(1L << 40));
	EXPECT_TRUE(
	    is_error(result.get(), "RangeError", {"echo_int", "parameter 0 ('x')", "1099511627776", "int"}));
	EXPECT_TRUE(
	    is_error(echo("short", metacall_value_create_int(40000)).get(), "RangeError", {"40000", "short"}));
	EXPECT_TRUE(is_error(echo("int", metacall_value_create_double(1e12)).get(), "RangeError", {"echo_int"}));
}

TEST_F(ScalarTypes, ANonNumberIsATypeErrorNamingTheParameter) {
	EXPECT_TRUE(is_error(echo("int", string_value("12")).get(), "TypeError",
	                     {"echo_int", "parameter 0 ('x')", "expected a number (int)", "String"}));
	EXPECT_TRUE(is_error(echo("double", metacall_value_create_null()).get(), "TypeError", {"Null"}));
}

TEST_F(ScalarTypes, FloatsAndDoublesRoundTrip) {
	const ValuePtr f = echo("float", metacall_value_create_float(1.5f));
	ASSERT_EQ(metacall_value_id(f.get()), METACALL_FLOAT) << describe(f.get());
	EXPECT_EQ(metacall_value_to_float(f.get()), 1.5f);
	const ValuePtr d = echo("double", metacall_value_create_double(DBL_MIN));
	ASSERT_EQ(metacall_value_id(d.get()), METACALL_DOUBLE) << describe(d.get());
	EXPECT_EQ(metacall_value_to_double(d.get()), DBL_MIN);
}

TEST_F(ScalarTypes, IntegersConvertToFloatingPoint) {
	const ValuePtr d = echo("double", metacall_value_create_long(-7));
	EXPECT_EQ(metacall_value_to_double(d.get()), -7.0);
	const ValuePtr f = echo("float", metacall_value_create_int(3));
	EXPECT_EQ(metacall_value_to_float(f.get()), 3.0f);
}

TEST_F(ScalarTypes, ADoubleBeyondFloatRangeIsARangeError) {
	EXPECT_TRUE(is_error(echo("float", metacall_value_create_double(1e300)).get(), "RangeError", {"float"}));
}

TEST_F(ScalarTypes, FractionsAreTruncatedTowardZeroAsInC) {
	EXPECT_TRUE(holds(echo("int", metacall_value_create_double(-2.75)).get(), METACALL_INT, -2));
}

TEST_F(ScalarTypes, IntegerArgumentGivesADoubleResult) {
	Args args{metacall_value_create_int(5)};
	const ValuePtr result = call("half", args);
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_DOUBLE) << describe(result.get());
	EXPECT_EQ(metacall_value_to_double(result.get()), 2.5);
}

TEST_F(ScalarTypes, BooleansRoundTrip) {
	EXPECT_TRUE(holds(echo("bool", metacall_value_create_bool(1)).get(), METACALL_BOOL, 1));
	EXPECT_TRUE(holds(echo("bool", metacall_value_create_bool(0)).get(), METACALL_BOOL, 0));
	Args args{metacall_value_create_bool(0)};
	EXPECT_TRUE(holds(call("negate", args).get(), METACALL_BOOL, 1));
}

TEST_F(ScalarTypes, NumbersConvertToBooleans) {
	EXPECT_TRUE(holds(echo("bool", metacall_value_create_long(5)).get(), METACALL_BOOL, 1));
	EXPECT_TRUE(holds(echo("bool", metacall_value_create_double(0.0)).get(), METACALL_BOOL, 0));
}

TEST_F(ScalarTypes, MetacallVarargsUsesTheDeclaredTypes) {
	const ValuePtr result(metacall("echo_int16", static_cast<short>(-3)));
	EXPECT_TRUE(holds(result.get(), METACALL_SHORT, -3));
	const ValuePtr sum(metacall("echo_double", 2.5));
	EXPECT_EQ(metacall_value_to_double(sum.get()), 2.5);
}

} // namespace
