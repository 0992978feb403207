// Values both ways: numbers (and BigInt beyond 2^53), UTF-8 strings, bytes of every binary JS
// type, arrays, objects, null and undefined. What JS receives is checked in JS; what C receives
// is checked here.
#include "node_test.h"

#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace {

class NodeConversion : public NodeLoaderTest {
protected:
	void SetUp() override {
		NodeLoaderTest::SetUp();
		ASSERT_EQ(load("conversions.js"), 0) << last_error();
	}

	// The value of `key` in the map `map` (borrowed), or nullptr.
	static void *entry(void *map, const std::string &key) {
		if (map == nullptr || metacall_value_id(map) != METACALL_MAP)
			return nullptr;
		void **pairs = metacall_value_to_map(map);
		for (size_t i = 0; i < metacall_value_count(map); ++i) {
			void **pair = metacall_value_to_array(pairs[i]);
			if (text_of(pair[0]) == key)
				return pair[1];
		}
		return nullptr;
	}
};

constexpr long kTwoTo53 = 1L << 53;
constexpr long kTwoTo62PlusOne = (1L << 62) + 1;

TEST_F(NodeConversion, CNumbersArriveAsJsNumbers) {
	EXPECT_TRUE(is_string(call("type_of", {metacall_value_create_int(7)}).get(), "number"));
	EXPECT_TRUE(is_string(call("type_of", {metacall_value_create_long(7)}).get(), "number"));
	EXPECT_TRUE(is_string(call("type_of", {metacall_value_create_double(0.5)}).get(), "number"));
	EXPECT_TRUE(is_string(call("type_of", {metacall_value_create_float(0.5f)}).get(), "number"));
	EXPECT_TRUE(is_string(call("type_of", {metacall_value_create_char('a')}).get(), "number"));
}

// docs/NUMBERS.md: a JS number that is a safe integer comes back as a Long, others as a Double.
TEST_F(NodeConversion, JsIntegersComeBackAsLongsOtherNumbersAsDoubles) {
	EXPECT_TRUE(is_long(call("echo", {metacall_value_create_int(-12)}).get(), -12));
	EXPECT_TRUE(is_long(call("echo", {metacall_value_create_double(3.0)}).get(), 3));
	EXPECT_TRUE(is_double(call("echo", {metacall_value_create_double(0.1)}).get(), 0.1));
	EXPECT_TRUE(is_double(call("echo", {metacall_value_create_float(1.5f)}).get(), 1.5));
}

TEST_F(NodeConversion, TheEdgesOfTheIntegerRule) {
	EXPECT_TRUE(
	    is_long(call("echo", {metacall_value_create_double(9007199254740991.0)}).get(), kTwoTo53 - 1));
	EXPECT_TRUE(
	    is_long(call("echo", {metacall_value_create_double(-9007199254740991.0)}).get(), -(kTwoTo53 - 1)));
	// 2^53 is no longer safe (2^53 + 1 has the same double): it stays a Double.
	EXPECT_TRUE(is_double(call("echo", {metacall_value_create_double(9007199254740992.0)}).get(),
	                      9007199254740992.0));
	ValuePtr negative_zero = call("echo", {metacall_value_create_double(-0.0)});
	ASSERT_TRUE(is_double(negative_zero.get(), 0.0));
	EXPECT_TRUE(std::signbit(metacall_value_to_double(negative_zero.get())));
	ValuePtr nan = call("echo", {metacall_value_create_double(NAN)});
	ASSERT_EQ(metacall_value_id(nan.get()), METACALL_DOUBLE);
	EXPECT_TRUE(std::isnan(metacall_value_to_double(nan.get())));
	ValuePtr infinity = call("echo", {metacall_value_create_double(INFINITY)});
	ASSERT_EQ(metacall_value_id(infinity.get()), METACALL_DOUBLE);
	EXPECT_TRUE(std::isinf(metacall_value_to_double(infinity.get())));
}

TEST_F(NodeConversion, TheLargestSafeIntegerStaysANumber) {
	EXPECT_TRUE(is_string(call("type_of", {metacall_value_create_long(kTwoTo53 - 1)}).get(), "number"));
	EXPECT_TRUE(is_bool(call("is_safe_integer", {metacall_value_create_long(kTwoTo53 - 1)}).get(), true));
	EXPECT_TRUE(is_bool(call("is_safe_integer", {metacall_value_create_long(-(kTwoTo53 - 1))}).get(), true));
}

TEST_F(NodeConversion, LongsBeyondTwoToThe53ArriveAsBigInts) {
	EXPECT_TRUE(is_string(call("type_of", {metacall_value_create_long(kTwoTo53)}).get(), "bigint"));
	EXPECT_TRUE(is_string(call("type_of", {metacall_value_create_long(-kTwoTo53)}).get(), "bigint"));
	EXPECT_TRUE(is_string(call("as_text", {metacall_value_create_long(kTwoTo62PlusOne)}).get(),
	                      "4611686018427387905"));
	EXPECT_TRUE(
	    is_string(call("as_text", {metacall_value_create_long(LONG_MIN)}).get(), "-9223372036854775808"));
	EXPECT_TRUE(
	    is_string(call("as_text", {metacall_value_create_long(LONG_MAX)}).get(), "9223372036854775807"));
}

TEST_F(NodeConversion, BigIntArithmeticInJsComesBackAsAnExactLong) {
	EXPECT_TRUE(is_long(call("bigint_plus_one", {metacall_value_create_long(kTwoTo62PlusOne)}).get(),
	                    kTwoTo62PlusOne + 1));
	EXPECT_TRUE(is_long(call("bigint_plus_one", {metacall_value_create_long(LONG_MIN)}).get(), LONG_MIN + 1));
	EXPECT_TRUE(is_long(call("two_to_62_plus_one").get(), kTwoTo62PlusOne));
}

TEST_F(NodeConversion, ABigIntBeyond64BitsComesBackAsABigIntValue) {
	ValuePtr big = call("too_big_bigint"); // 2n ** 64n
	ASSERT_EQ(metacall_value_id(big.get()), METACALL_BIGINT) << metacall_value_type_name(big.get());
	int negative = 1;
	size_t count = 0;
	const uint64_t *words = metacall_value_to_bigint(big.get(), &negative, &count);
	ASSERT_EQ(count, 2u);
	EXPECT_EQ(words[0], 0u);
	EXPECT_EQ(words[1], 1u);
	EXPECT_EQ(negative, 0);
}

TEST_F(NodeConversion, ABigIntValueArrivesAsAJsBigInt) {
	const uint64_t two_to_200[] = {0, 0, 0, uint64_t{1} << 8};
	EXPECT_TRUE(is_string(call("as_text", {metacall_value_create_bigint(1, two_to_200, 4)}).get(),
	                      "-1606938044258990275541962092341162602522202993782792835301376"));
	EXPECT_TRUE(is_string(call("type_of", {metacall_value_create_bigint(0, two_to_200, 4)}).get(), "bigint"));
}

TEST_F(NodeConversion, BoolsCrossBothWays) {
	EXPECT_TRUE(is_string(call("type_of", {metacall_value_create_bool(1)}).get(), "boolean"));
	EXPECT_TRUE(is_bool(call("echo", {metacall_value_create_bool(0)}).get(), false));
}

TEST_F(NodeConversion, AUtf8StringArrivesAsTheSameCodePoints) {
	const std::string text = "h\xC3\xA9llo \xE4\xB8\x96\xE7\x95\x8C \xF0\x9F\x98\x80"; // héllo 世界 😀
	EXPECT_TRUE(
	    is_string(call("code_points", {string_value(text)}).get(), "68 e9 6c 6c 6f 20 4e16 754c 20 1f600"));
	EXPECT_TRUE(is_long(call("utf16_length", {string_value(text)}).get(), 11));
}

TEST_F(NodeConversion, AJsStringComesBackAsUtf8) {
	EXPECT_TRUE(
	    is_string(call("make_unicode").get(), "h\xC3\xA9llo \xE4\xB8\x96\xE7\x95\x8C \xF0\x9F\x98\x80"));
}

TEST_F(NodeConversion, AJsStringWithANulKeepsItsFullLength) {
	const ValuePtr result = call("with_nul");
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_STRING) << describe(result.get());
	ASSERT_EQ(metacall_value_size(result.get()), 4u); // 'a', NUL, 'b' and the terminating NUL
	EXPECT_EQ(std::memcmp(metacall_value_to_string(result.get()), "a\0b", 4), 0);
}

TEST_F(NodeConversion, ANodeBufferBecomesABuffer) {
	EXPECT_TRUE(is_buffer(call("make_buffer").get(), {1, 2, 3, 255}));
}

TEST_F(NodeConversion, AUint8ArrayBecomesABuffer) {
	EXPECT_TRUE(is_buffer(call("make_uint8array").get(), {9, 8, 7}));
}

TEST_F(NodeConversion, ASubarrayBecomesOnlyItsOwnBytes) {
	EXPECT_TRUE(is_buffer(call("make_subarray").get(), {2, 3, 4}));
}

TEST_F(NodeConversion, AFloat64ArrayBecomesItsBytes) {
	const double numbers[] = {1.5, -2.25};
	std::vector<unsigned char> bytes(sizeof numbers);
	std::memcpy(bytes.data(), numbers, sizeof numbers);
	EXPECT_TRUE(is_buffer(call("make_float64array").get(), bytes));
}

TEST_F(NodeConversion, AnArrayBufferBecomesABuffer) {
	EXPECT_TRUE(is_buffer(call("make_arraybuffer").get(), {0xde, 0xad, 0xbe, 0xef}));
}

TEST_F(NodeConversion, ACBufferArrivesAsANodeBuffer) {
	const unsigned char bytes[] = {0x00, 0x10, 0xff};
	EXPECT_TRUE(
	    is_string(call("buffer_hex", {metacall_value_create_buffer(bytes, sizeof bytes)}).get(), "0010ff"));
}

TEST_F(NodeConversion, ACArrayArrivesAsAJsArray) {
	EXPECT_TRUE(is_string(call("to_json", {array_value({metacall_value_create_long(1), string_value("two"),
	                                                    array_value({metacall_value_create_bool(1)})})})
	                          .get(),
	                      "[1,\"two\",[true]]"));
}

TEST_F(NodeConversion, ACMapArrivesAsAPlainObjectInOrder) {
	EXPECT_TRUE(is_string(call("to_json", {map_value({{"a", metacall_value_create_long(1)},
	                                                  {"b", string_value("x")},
	                                                  {"c", metacall_value_create_null()}})})
	                          .get(),
	                      "{\"a\":1,\"b\":\"x\",\"c\":null}"));
	EXPECT_TRUE(is_string(call("keys_of", {map_value({{"z", metacall_value_create_long(1)},
	                                                  {"a", metacall_value_create_long(2)}})})
	                          .get(),
	                      "z,a"));
}

TEST_F(NodeConversion, AJsArrayBecomesAnArrayOfConvertedItems) {
	const ValuePtr result = call("make_array");
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_ARRAY) << describe(result.get());
	ASSERT_EQ(metacall_value_count(result.get()), 4u);
	void **items = metacall_value_to_array(result.get());
	EXPECT_TRUE(is_long(items[0], 1));
	EXPECT_TRUE(is_string(items[1], "two"));
	EXPECT_TRUE(is_null(items[2]));
	ASSERT_EQ(metacall_value_id(items[3]), METACALL_ARRAY) << describe(items[3]);
	ASSERT_EQ(metacall_value_count(items[3]), 1u);
	EXPECT_TRUE(is_bool(metacall_value_to_array(items[3])[0], true));
}

TEST_F(NodeConversion, APlainObjectBecomesAMapWithStringKeys) {
	const ValuePtr result = call("make_object");
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_MAP) << describe(result.get());
	EXPECT_EQ(metacall_value_count(result.get()), 3u);
	EXPECT_TRUE(is_long(entry(result.get(), "x"), 1));
	EXPECT_TRUE(is_string(entry(entry(result.get(), "y"), "z"), "w"));
	void *list = entry(result.get(), "list");
	ASSERT_NE(list, nullptr);
	ASSERT_EQ(metacall_value_id(list), METACALL_ARRAY) << describe(list);
	EXPECT_EQ(metacall_value_count(list), 2u);
}

TEST_F(NodeConversion, UndefinedAndNullBecomeNull) {
	EXPECT_TRUE(is_null(call("make_undefined").get()));
	EXPECT_TRUE(is_null(call("make_null").get()));
}

TEST_F(NodeConversion, ACNullArrivesAsJsNull) {
	EXPECT_TRUE(is_string(call("type_of", {metacall_value_create_null()}).get(), "null"));
}

} // namespace
