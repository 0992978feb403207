// Numbers across the boundary: each wasm number type round trips, arguments of another number
// type convert when they fit (wasm_values.h), several results come back as an Array, and
// metacall_inspect shows the signatures the wasm types give.
#include "wasm_fixture.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>

namespace {

class Numbers : public WasmLoaderTest {
protected:
	void SetUp() override {
		WasmLoaderTest::SetUp();
		if (!HasFatalFailure())
			handle = load("numbers.wat");
		ASSERT_NE(handle, nullptr);
	}

	// <function>(argument): the result (argument taken).
	ValuePtr echo(const char *function, void *argument) {
		Args args{argument};
		return call(handle, function, args);
	}

	void *handle = nullptr;
};

TEST_F(Numbers, I32RoundTripsItsLimits) {
	EXPECT_TRUE(is_int(echo("echo_i32", metacall_value_create_int(INT32_MIN)).get(), INT32_MIN));
	EXPECT_TRUE(is_int(echo("echo_i32", metacall_value_create_int(INT32_MAX)).get(), INT32_MAX));
	Args args{metacall_value_create_int(2), metacall_value_create_int(40)};
	EXPECT_TRUE(is_int(call(handle, "add", args).get(), 42));
}

TEST_F(Numbers, I64RoundTripsItsLimits) {
	EXPECT_TRUE(is_long(echo("echo_i64", metacall_value_create_long(INT64_MIN)).get(), INT64_MIN));
	EXPECT_TRUE(is_long(echo("echo_i64", metacall_value_create_long(INT64_MAX)).get(), INT64_MAX));
}

TEST_F(Numbers, F32AndF64RoundTrip) {
	ValuePtr f = echo("echo_f32", metacall_value_create_float(-1.5e30f));
	ASSERT_EQ(metacall_value_id(f.get()), METACALL_FLOAT) << describe(f.get());
	EXPECT_EQ(metacall_value_to_float(f.get()), -1.5e30f);
	ValuePtr d = echo("echo_f64", metacall_value_create_double(0.1));
	ASSERT_EQ(metacall_value_id(d.get()), METACALL_DOUBLE) << describe(d.get());
	EXPECT_EQ(metacall_value_to_double(d.get()), 0.1);
	ValuePtr tiny = echo("echo_f64", metacall_value_create_double(std::numeric_limits<double>::denorm_min()));
	ASSERT_EQ(metacall_value_id(tiny.get()), METACALL_DOUBLE) << describe(tiny.get());
	EXPECT_EQ(metacall_value_to_double(tiny.get()), std::numeric_limits<double>::denorm_min());
}

TEST_F(Numbers, EachParameterTakesItsOwnType) {
	Args args{metacall_value_create_int(1), metacall_value_create_long(1000000000000L),
	          metacall_value_create_float(0.5f), metacall_value_create_double(0.25)};
	ValuePtr sum = call(handle, "mixed", args);
	ASSERT_EQ(metacall_value_id(sum.get()), METACALL_DOUBLE) << describe(sum.get());
	EXPECT_EQ(metacall_value_to_double(sum.get()), 1000000000001.75);
}

TEST_F(Numbers, LongThatFitsConvertsToI32) {
	EXPECT_TRUE(is_int(echo("echo_i32", metacall_value_create_long(-7)).get(), -7));
	EXPECT_TRUE(is_int(echo("echo_i32", metacall_value_create_long(INT32_MIN)).get(), INT32_MIN));
}

// wasm_values.cpp: i32 is sign-agnostic, so 2^31..2^32-1 are accepted as their 32 bits; the
// result comes back as a (signed) Integer with the same bits.
TEST_F(Numbers, UnsignedThirtyTwoBitLongIsAcceptedAsItsBits) {
	EXPECT_TRUE(is_int(echo("echo_i32", metacall_value_create_long(3000000000L)).get(),
	                   static_cast<int32_t>(3000000000u)));
	EXPECT_TRUE(is_int(echo("echo_i32", metacall_value_create_long(4294967295L)).get(), -1));
	EXPECT_TRUE(is_int(echo("is_above_2g", metacall_value_create_long(3000000000L)).get(), 1));
	EXPECT_TRUE(is_int(echo("is_above_2g", metacall_value_create_long(5)).get(), 0));
}

TEST_F(Numbers, LongOutsideThirtyTwoBitsIsATypeError) {
	EXPECT_TRUE(is_error(echo("echo_i32", metacall_value_create_long(4294967296L)).get(), "TypeError",
	                     {"'echo_i32'", "parameter 0", "4294967296 does not fit i32"}));
	EXPECT_TRUE(is_error(echo("echo_i32", metacall_value_create_long(-2147483649L)).get(), "TypeError",
	                     {"'echo_i32'", "-2147483649 does not fit i32"}));
}

TEST_F(Numbers, WholeDoubleConvertsToIntegerAndFractionIsRefused) {
	EXPECT_TRUE(is_long(echo("echo_i64", metacall_value_create_double(-12.0)).get(), -12));
	EXPECT_TRUE(is_error(echo("echo_i32", metacall_value_create_double(2.5)).get(), "TypeError",
	                     {"'echo_i32'", "not a whole number that fits i32"}));
	EXPECT_TRUE(is_error(echo("echo_i64", metacall_value_create_double(1e300)).get(), "TypeError",
	                     {"'echo_i64'", "not a whole number that fits i64"}));
}

TEST_F(Numbers, IntegerConvertsToFloatingPoint) {
	ValuePtr d = echo("echo_f64", metacall_value_create_int(3));
	ASSERT_EQ(metacall_value_id(d.get()), METACALL_DOUBLE) << describe(d.get());
	EXPECT_EQ(metacall_value_to_double(d.get()), 3.0);
}

TEST_F(Numbers, StringForI32IsATypeErrorNamingFunctionParameterAndTypes) {
	Args args{metacall_value_create_int(1), string_value("2")};
	EXPECT_TRUE(is_error(call(handle, "add", args).get(), "TypeError",
	                     {"wasm function 'add'", "parameter 1 ('arg1')", "expected i32, got String"}));
}

TEST_F(Numbers, TooFewArgumentsAreATypeError) {
	Args args{metacall_value_create_int(1)};
	EXPECT_TRUE(is_error(call(handle, "add", args).get(), "TypeError",
	                     {"function 'add' expects 2 arguments, got 1"}));
}

TEST_F(Numbers, TooManyArgumentsAreATypeError) {
	Args args{metacall_value_create_int(1), metacall_value_create_int(2), metacall_value_create_int(3)};
	EXPECT_TRUE(is_error(call(handle, "add", args).get(), "TypeError",
	                     {"function 'add' expects 2 arguments, got 3"}));
}

TEST_F(Numbers, SeveralResultsComeBackAsAnArray) {
	Args args{metacall_value_create_int(17), metacall_value_create_int(5)};
	ValuePtr pair = call(handle, "divmod", args);
	ASSERT_EQ(metacall_value_id(pair.get()), METACALL_ARRAY) << describe(pair.get());
	ASSERT_EQ(metacall_value_count(pair.get()), 2u);
	void **items = metacall_value_to_array(pair.get());
	EXPECT_TRUE(is_int(items[0], 3));
	EXPECT_TRUE(is_int(items[1], 2));
}

TEST_F(Numbers, NoResultIsNull) {
	ValuePtr result = call(handle, "nothing");
	ASSERT_NE(result, nullptr) << last_error_message();
	EXPECT_EQ(metacall_value_id(result.get()), METACALL_NULL) << describe(result.get());
}

TEST_F(Numbers, InspectShowsTheWasmSignatures) {
	size_t size = 0;
	char *text = metacall_inspect(&size, nullptr);
	ASSERT_NE(text, nullptr) << last_error_message();
	const nlohmann::json document = nlohmann::json::parse(text, text + size);
	free(text);
	const std::string name = metacall_handle_name(handle);
	const nlohmann::json *functions = nullptr;
	for (const auto &module : document.at("wasm"))
		if (module.at("name") == name)
			functions = &module.at("scope").at("funcs");
	ASSERT_NE(functions, nullptr) << document.dump();
	auto signature = [&](const std::string &function) {
		for (const auto &entry : *functions)
			if (entry.at("name") == function) {
				std::string text = "(";
				for (const auto &arg : entry.at("signature").at("args"))
					text += (text.size() > 1 ? ", " : "") + arg.at("name").get<std::string>() + ": " +
					        arg.at("type").at("name").get<std::string>();
				return text + ") -> " +
				       entry.at("signature").at("ret").at("type").at("name").get<std::string>();
			}
		return std::string("(missing)");
	};
	EXPECT_EQ(signature("add"), "(arg0: Integer, arg1: Integer) -> Integer");
	EXPECT_EQ(signature("mixed"), "(arg0: Integer, arg1: Long, arg2: Float, arg3: Double) -> Double");
	EXPECT_EQ(signature("divmod"), "(arg0: Integer, arg1: Integer) -> Array");
	EXPECT_EQ(signature("nothing"), "() -> Null");
	EXPECT_EQ(functions->size(), 9u) << functions->dump();
}

} // namespace
