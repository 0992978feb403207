// Values: arrays own their elements; created from values (taken) or from NULL (empty slots filled
// through to_array); from_array replaces the elements, destroying the ones not passed again.
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using core_test::own;

TEST(ArrayValue, TakesTheGivenElements) {
	void *a = metacall_value_create_int(1);
	void *b = metacall_value_create_string("two", 3);
	void *c = metacall_value_create_double(3.0);
	const void *elements[] = {a, b, c};
	auto v = own(metacall_value_create_array(elements, 3));
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_ARRAY);
	void **slots = metacall_value_to_array(v.get());
	ASSERT_NE(slots, nullptr);
	EXPECT_EQ(slots[0], a);
	EXPECT_EQ(slots[1], b);
	EXPECT_EQ(slots[2], c);
	EXPECT_EQ(metacall_value_to_int(slots[0]), 1);
	EXPECT_STREQ(metacall_value_to_string(slots[1]), "two");
	EXPECT_EQ(metacall_value_to_double(slots[2]), 3.0);
}

TEST(ArrayValue, CountIsTheNumberOfElements) {
	const void *elements[] = {metacall_value_create_int(1), metacall_value_create_int(2)};
	auto v = own(metacall_value_create_array(elements, 2));
	EXPECT_EQ(metacall_value_count(v.get()), 2u);
}

TEST(ArrayValue, SizeIsCountTimesPointerSize) {
	const void *elements[] = {metacall_value_create_int(1), metacall_value_create_int(2),
	                          metacall_value_create_int(3)};
	auto v = own(metacall_value_create_array(elements, 3));
	EXPECT_EQ(metacall_value_size(v.get()), 3 * sizeof(void *));
}

TEST(ArrayValue, CreatedFromNullHasEmptySlots) {
	auto v = own(metacall_value_create_array(nullptr, 3));
	ASSERT_EQ(metacall_value_count(v.get()), 3u);
	void **slots = metacall_value_to_array(v.get());
	ASSERT_NE(slots, nullptr);
	EXPECT_EQ(slots[0], nullptr);
	EXPECT_EQ(slots[1], nullptr);
	EXPECT_EQ(slots[2], nullptr);
}

TEST(ArrayValue, CreatedFromNullIsFilledThroughToArrayAndOwnsWhatIsStored) {
	auto v = own(metacall_value_create_array(nullptr, 2));
	void **slots = metacall_value_to_array(v.get());
	slots[0] = metacall_value_create_long(10);
	slots[1] = metacall_value_create_string("ten", 3);
	EXPECT_EQ(metacall_value_to_long(metacall_value_to_array(v.get())[0]), 10);
	EXPECT_STREQ(metacall_value_to_string(metacall_value_to_array(v.get())[1]), "ten");
	// Destroying v releases both stored values (LeakSanitizer checks).
}

TEST(ArrayValue, EmptyArrayHasCountZero) {
	auto v = own(metacall_value_create_array(nullptr, 0));
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_ARRAY);
	EXPECT_EQ(metacall_value_count(v.get()), 0u);
}

TEST(ArrayValue, DestroysNestedArrays) {
	const void *inner[] = {metacall_value_create_string("deep", 4)};
	const void *outer[] = {metacall_value_create_array(inner, 1), metacall_value_create_int(5)};
	auto v = own(metacall_value_create_array(outer, 2));
	void *nested = metacall_value_to_array(v.get())[0];
	EXPECT_STREQ(metacall_value_to_string(metacall_value_to_array(nested)[0]), "deep");
}

TEST(ArrayValue, ReplacingASlotDoesNotDestroyTheOldElement) {
	auto v = own(metacall_value_create_array(nullptr, 1));
	void *first = metacall_value_create_int(1);
	metacall_value_to_array(v.get())[0] = first;
	metacall_value_to_array(v.get())[0] = metacall_value_create_int(2);
	// The old element is still alive and ours: reading it must work (AddressSanitizer checks).
	EXPECT_EQ(metacall_value_to_int(first), 1);
	metacall_value_destroy(first);
	EXPECT_EQ(metacall_value_to_int(metacall_value_to_array(v.get())[0]), 2);
}

TEST(ArrayValue, FromArrayReplacesTheElements) {
	const void *old_elements[] = {metacall_value_create_int(1), metacall_value_create_int(2)};
	auto v = own(metacall_value_create_array(old_elements, 2));
	const void *new_elements[] = {metacall_value_create_string("x", 1), metacall_value_create_string("y", 1),
	                              metacall_value_create_string("z", 1)};
	EXPECT_EQ(metacall_value_from_array(v.get(), new_elements, 3), v.get());
	ASSERT_EQ(metacall_value_count(v.get()), 3u);
	void **slots = metacall_value_to_array(v.get());
	EXPECT_STREQ(metacall_value_to_string(slots[0]), "x");
	EXPECT_STREQ(metacall_value_to_string(slots[1]), "y");
	EXPECT_STREQ(metacall_value_to_string(slots[2]), "z");
	// The old elements were destroyed by from_array (LeakSanitizer checks).
}

TEST(ArrayValue, FromArrayKeepsElementsPassedAgainWithoutDoubleFree) {
	void *a = metacall_value_create_int(1);
	void *b = metacall_value_create_int(2);
	void *c = metacall_value_create_int(3);
	const void *old_elements[] = {a, b, c};
	auto v = own(metacall_value_create_array(old_elements, 3));
	void *d = metacall_value_create_int(4);
	const void *new_elements[] = {b, d}; // a and c are dropped, b is kept
	EXPECT_EQ(metacall_value_from_array(v.get(), new_elements, 2), v.get());
	ASSERT_EQ(metacall_value_count(v.get()), 2u);
	void **slots = metacall_value_to_array(v.get());
	EXPECT_EQ(slots[0], b);
	EXPECT_EQ(metacall_value_to_int(slots[0]), 2);
	EXPECT_EQ(metacall_value_to_int(slots[1]), 4);
}

TEST(ArrayValue, FromArrayWithZeroElementsEmptiesIt) {
	const void *old_elements[] = {metacall_value_create_int(1)};
	auto v = own(metacall_value_create_array(old_elements, 1));
	EXPECT_EQ(metacall_value_from_array(v.get(), nullptr, 0), v.get());
	EXPECT_EQ(metacall_value_count(v.get()), 0u);
}
