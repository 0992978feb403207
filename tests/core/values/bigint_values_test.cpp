// Values: big integers (METACALL_BIGINT, an integer beyond long: a JS BigInt, a Python int) keep
// their sign and words, copy, convert to numbers when they fit and to decimal text; the number
// readers read any number the type can hold (docs/NUMBERS.md).
#include "../support/error_text.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

using core_test::LastErrorContains;
using core_test::own;

namespace {

std::vector<uint64_t> words_of(void *v, int *negative) {
	size_t count = 0;
	const uint64_t *words = metacall_value_to_bigint(v, negative, &count);
	return std::vector<uint64_t>(words, words + count);
}

// 2^200 = words {0, 0, 0, 2^8}.
const uint64_t kTwoTo200[] = {0, 0, 0, uint64_t{1} << 8};

} // namespace

TEST(BigIntValue, KeepsSignAndWords) {
	auto v = own(metacall_value_create_bigint(1, kTwoTo200, 4));
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_BIGINT);
	EXPECT_STREQ(metacall_value_type_name(v.get()), "BigInt");
	int negative = 0;
	EXPECT_EQ(words_of(v.get(), &negative), std::vector<uint64_t>(kTwoTo200, kTwoTo200 + 4));
	EXPECT_EQ(negative, 1);
	EXPECT_EQ(metacall_value_count(v.get()), 4u);
	EXPECT_EQ(metacall_value_size(v.get()), 32u);
}

TEST(BigIntValue, DropsLeadingZeroWordsAndZeroIsNotNegative) {
	const uint64_t words[] = {5, 0, 0};
	auto five = own(metacall_value_create_bigint(0, words, 3));
	EXPECT_EQ(metacall_value_count(five.get()), 1u);
	const uint64_t zeros[] = {0, 0};
	auto zero = own(metacall_value_create_bigint(1, zeros, 2));
	int negative = -1;
	size_t count = 9;
	EXPECT_EQ(metacall_value_to_bigint(zero.get(), &negative, &count), nullptr);
	EXPECT_EQ(count, 0u);
	EXPECT_EQ(negative, 0);
}

TEST(BigIntValue, NullWordsWithACountIsAnError) {
	EXPECT_EQ(metacall_value_create_bigint(0, nullptr, 2), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_create_bigint"));
}

TEST(BigIntValue, CopyIsDeep) {
	auto v = own(metacall_value_create_bigint(0, kTwoTo200, 4));
	auto copy = own(metacall_value_copy(v.get()));
	v.reset();
	int negative = 1;
	EXPECT_EQ(words_of(copy.get(), &negative), std::vector<uint64_t>(kTwoTo200, kTwoTo200 + 4));
	EXPECT_EQ(negative, 0);
}

TEST(BigIntValue, CastsToDecimalText) {
	void *v = metacall_value_create_bigint(1, kTwoTo200, 4);
	void *text = metacall_value_cast(v, METACALL_STRING);
	ASSERT_NE(text, nullptr);
	auto owned = own(text);
	EXPECT_STREQ(metacall_value_to_string(text),
	             "-1606938044258990275541962092341162602522202993782792835301376"); // -(2^200)
}

TEST(BigIntValue, CastsToLongWhenItFitsAndFailsBeyond) {
	const uint64_t min_magnitude[] = {uint64_t{1} << 63};
	void *fits = metacall_value_cast(metacall_value_create_bigint(1, min_magnitude, 1), METACALL_LONG);
	ASSERT_NE(fits, nullptr);
	auto owned = own(fits);
	EXPECT_EQ(metacall_value_to_long(fits), INT64_MIN);

	auto beyond = own(metacall_value_create_bigint(0, min_magnitude, 1)); // 2^63
	EXPECT_EQ(metacall_value_cast(beyond.get(), METACALL_LONG), nullptr);
	EXPECT_TRUE(LastErrorContains("9223372036854775808"));
	EXPECT_EQ(metacall_value_id(beyond.get()), METACALL_BIGINT); // untouched on failure
}

TEST(BigIntValue, CastsToDoubleRounded) {
	void *d = metacall_value_cast(metacall_value_create_bigint(0, kTwoTo200, 4), METACALL_DOUBLE);
	ASSERT_NE(d, nullptr);
	auto owned = own(d);
	EXPECT_EQ(metacall_value_to_double(d), std::ldexp(1.0, 200));
}

TEST(BigIntValue, LongCastsToBigInt) {
	void *v = metacall_value_cast(metacall_value_create_long(-7), METACALL_BIGINT);
	ASSERT_NE(v, nullptr);
	auto owned = own(v);
	int negative = 0;
	EXPECT_EQ(words_of(v, &negative), std::vector<uint64_t>{7});
	EXPECT_EQ(negative, 1);
}

TEST(BigIntValue, ReadersOfOtherTypesRefuseOrConvert) {
	auto big = own(metacall_value_create_bigint(0, kTwoTo200, 4));
	metacall_error_clear();
	EXPECT_EQ(metacall_value_to_long(big.get()), 0);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_long"));
	EXPECT_EQ(metacall_value_to_double(big.get()), std::ldexp(1.0, 200));
}

// A JS integer arrives as a Long where MetaCall hosts read a Double: the readers take any number
// the type can hold, never a fraction as an integer and never a boolean.
TEST(NumberReaders, ReadAnotherNumberTheTypeCanHold) {
	auto seven = own(metacall_value_create_long(7));
	EXPECT_EQ(metacall_value_to_double(seven.get()), 7.0);
	EXPECT_EQ(metacall_value_to_float(seven.get()), 7.0f);
	EXPECT_EQ(metacall_value_to_int(seven.get()), 7);

	auto whole = own(metacall_value_create_double(42.0));
	EXPECT_EQ(metacall_value_to_long(whole.get()), 42);

	auto fraction = own(metacall_value_create_double(2.5));
	metacall_error_clear();
	EXPECT_EQ(metacall_value_to_long(fraction.get()), 0);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_long"));

	auto too_big = own(metacall_value_create_long(int64_t{1} << 40));
	metacall_error_clear();
	EXPECT_EQ(metacall_value_to_int(too_big.get()), 0);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_int"));

	auto yes = own(metacall_value_create_bool(1));
	metacall_error_clear();
	EXPECT_EQ(metacall_value_to_double(yes.get()), 0.0);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_double"));
}
