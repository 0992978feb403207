// Values: metacall_value_copy makes a deep copy; changing the copy leaves the original as it was.
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <climits>
#include <cstring>

using core_test::own;

TEST(ValueCopy, OfAnIntIsEqualAndIndependent) {
	auto original = own(metacall_value_create_int(7));
	auto copy = own(metacall_value_copy(original.get()));
	ASSERT_NE(copy.get(), original.get());
	EXPECT_EQ(metacall_value_to_int(copy.get()), 7);
	metacall_value_from_int(copy.get(), 8);
	EXPECT_EQ(metacall_value_to_int(original.get()), 7);
}

TEST(ValueCopy, OfALongKeepsLongMin) {
	auto original = own(metacall_value_create_long(LONG_MIN));
	auto copy = own(metacall_value_copy(original.get()));
	EXPECT_EQ(metacall_value_id(copy.get()), METACALL_LONG);
	EXPECT_EQ(metacall_value_to_long(copy.get()), LONG_MIN);
}

TEST(ValueCopy, OfAStringDuplicatesTheBytes) {
	auto original = own(metacall_value_create_string("a\0c", 3));
	auto copy = own(metacall_value_copy(original.get()));
	ASSERT_EQ(metacall_value_size(copy.get()), 4u);
	EXPECT_NE(metacall_value_to_string(copy.get()), metacall_value_to_string(original.get()));
	EXPECT_EQ(std::memcmp(metacall_value_to_string(copy.get()), "a\0c", 4), 0);
	metacall_value_to_string(copy.get())[0] = 'Z';
	EXPECT_EQ(metacall_value_to_string(original.get())[0], 'a');
}

TEST(ValueCopy, OfABufferDuplicatesTheBytes) {
	auto original = own(metacall_value_create_buffer("\x01\x02\x03", 3));
	auto copy = own(metacall_value_copy(original.get()));
	ASSERT_EQ(metacall_value_size(copy.get()), 3u);
	static_cast<unsigned char *>(metacall_value_to_buffer(copy.get()))[1] = 0xEE;
	EXPECT_EQ(static_cast<unsigned char *>(metacall_value_to_buffer(original.get()))[1], 0x02);
}

TEST(ValueCopy, OfAnArrayDuplicatesTheElements) {
	const void *elements[] = {metacall_value_create_int(1), metacall_value_create_string("two", 3)};
	auto original = own(metacall_value_create_array(elements, 2));
	auto copy = own(metacall_value_copy(original.get()));
	ASSERT_EQ(metacall_value_count(copy.get()), 2u);
	void **copied = metacall_value_to_array(copy.get());
	void **originals = metacall_value_to_array(original.get());
	EXPECT_NE(copied[0], originals[0]);
	EXPECT_NE(copied[1], originals[1]);
	metacall_value_from_int(copied[0], 100);
	metacall_value_from_string(copied[1], "changed", 7);
	EXPECT_EQ(metacall_value_to_int(originals[0]), 1);
	EXPECT_STREQ(metacall_value_to_string(originals[1]), "two");
}

TEST(ValueCopy, OfAnArrayWithEmptySlotsKeepsThemEmpty) {
	auto original = own(metacall_value_create_array(nullptr, 2));
	metacall_value_to_array(original.get())[1] = metacall_value_create_int(2);
	auto copy = own(metacall_value_copy(original.get()));
	ASSERT_EQ(metacall_value_count(copy.get()), 2u);
	void **copied = metacall_value_to_array(copy.get());
	EXPECT_TRUE(copied[0] == nullptr || metacall_value_id(copied[0]) == METACALL_NULL);
	EXPECT_EQ(metacall_value_to_int(copied[1]), 2);
}

TEST(ValueCopy, OfAMapDuplicatesTheTuples) {
	const void *pair[] = {metacall_value_create_string("k", 1), metacall_value_create_int(1)};
	const void *tuples[] = {metacall_value_create_array(pair, 2)};
	auto original = own(metacall_value_create_map(tuples, 1));
	auto copy = own(metacall_value_copy(original.get()));
	ASSERT_EQ(metacall_value_count(copy.get()), 1u);
	void *copied_tuple = metacall_value_to_map(copy.get())[0];
	EXPECT_NE(copied_tuple, tuples[0]);
	metacall_value_from_int(metacall_value_to_array(copied_tuple)[1], 2);
	EXPECT_EQ(metacall_value_to_int(metacall_value_to_array(metacall_value_to_map(original.get())[0])[1]), 1);
}

TEST(ValueCopy, OfAnExceptionDuplicatesTheStrings) {
	metacall_exception_type ex{"msg", "Label", 9, "trace"};
	auto original = own(metacall_value_create_exception(&ex));
	auto copy = own(metacall_value_copy(original.get()));
	auto *a = static_cast<metacall_exception_type *>(metacall_value_to_exception(original.get()));
	auto *b = static_cast<metacall_exception_type *>(metacall_value_to_exception(copy.get()));
	ASSERT_NE(a, nullptr);
	ASSERT_NE(b, nullptr);
	EXPECT_NE(a->message, b->message);
	EXPECT_STREQ(b->message, "msg");
	EXPECT_STREQ(b->label, "Label");
	EXPECT_EQ(b->code, 9);
	EXPECT_STREQ(b->stacktrace, "trace");
}

TEST(ValueCopy, OfAThrowableDuplicatesTheThrownValue) {
	auto original = own(metacall_value_create_throwable(metacall_value_create_string("boom", 4)));
	auto copy = own(metacall_value_copy(original.get()));
	ASSERT_EQ(metacall_value_id(copy.get()), METACALL_THROWABLE);
	void *thrown = metacall_value_to_throwable(copy.get());
	EXPECT_NE(thrown, metacall_value_to_throwable(original.get()));
	EXPECT_STREQ(metacall_value_to_string(thrown), "boom");
}

TEST(ValueCopy, OfAPointerCarriesTheSameAddress) {
	int target = 0;
	auto original = own(metacall_value_create_ptr(&target));
	auto copy = own(metacall_value_copy(original.get()));
	EXPECT_EQ(metacall_value_to_ptr(copy.get()), &target);
}

TEST(ValueCopy, OfNullIsNull) {
	auto original = own(metacall_value_create_null());
	auto copy = own(metacall_value_copy(original.get()));
	ASSERT_NE(copy.get(), nullptr);
	EXPECT_EQ(metacall_value_id(copy.get()), METACALL_NULL);
}

namespace {

// An array nesting `levels` arrays around a long (levels 0: the long itself).
void *nested(int levels) {
	void *value = metacall_value_create_long(1);
	for (int i = 0; i < levels; ++i) {
		const void *items[] = {value};
		value = metacall_value_create_array(items, 1);
	}
	return value;
}

} // namespace

TEST(ValueCopy, UpToTheNestingLimitCopies) {
	auto original = own(nested(METACALL_VALUE_MAX_DEPTH));
	auto copy = own(metacall_value_copy(original.get()));
	EXPECT_NE(copy.get(), nullptr);
}

TEST(ValueCopy, NestedDeeperThanTheLimitIsARecursionErrorNotAStackOverflow) {
	auto original = own(nested(METACALL_VALUE_MAX_DEPTH + 1));
	metacall_error_clear();
	EXPECT_EQ(metacall_value_copy(original.get()), nullptr);
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_last(&error), 0);
	EXPECT_STREQ(error.label, "RecursionError");
	EXPECT_NE(std::strstr(error.message, "levels deep"), nullptr) << error.message;
}

// Destruction has no limit: a chain far deeper than the C stack allows is freed in a loop.
TEST(ValueDestroy, AChainOfAMillionArraysIsFreedWithoutRecursion) {
	void *chain = nested(1000000);
	metacall_value_destroy(chain);
	SUCCEED();
}
