// Values: maps are sequences of [key, value] arrays; they own their tuples like arrays do.
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using core_test::own;

namespace {

void *tuple(void *key, void *value) {
	const void *pair[] = {key, value};
	return metacall_value_create_array(pair, 2);
}

} // namespace

TEST(MapValue, TakesTheGivenTuples) {
	const void *tuples[] = {tuple(metacall_value_create_string("one", 3), metacall_value_create_int(1)),
	                        tuple(metacall_value_create_string("two", 3), metacall_value_create_int(2))};
	auto v = own(metacall_value_create_map(tuples, 2));
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_MAP);
	void **slots = metacall_value_to_map(v.get());
	ASSERT_NE(slots, nullptr);
	EXPECT_EQ(slots[0], tuples[0]);
	EXPECT_EQ(slots[1], tuples[1]);
	void **second = metacall_value_to_array(slots[1]);
	EXPECT_STREQ(metacall_value_to_string(second[0]), "two");
	EXPECT_EQ(metacall_value_to_int(second[1]), 2);
}

TEST(MapValue, CountIsTheNumberOfEntries) {
	const void *tuples[] = {tuple(metacall_value_create_int(1), metacall_value_create_int(10)),
	                        tuple(metacall_value_create_int(2), metacall_value_create_int(20)),
	                        tuple(metacall_value_create_int(3), metacall_value_create_int(30))};
	auto v = own(metacall_value_create_map(tuples, 3));
	EXPECT_EQ(metacall_value_count(v.get()), 3u);
}

TEST(MapValue, SizeIsCountTimesPointerSize) {
	const void *tuples[] = {tuple(metacall_value_create_int(1), metacall_value_create_int(10)),
	                        tuple(metacall_value_create_int(2), metacall_value_create_int(20))};
	auto v = own(metacall_value_create_map(tuples, 2));
	EXPECT_EQ(metacall_value_size(v.get()), 2 * sizeof(void *));
}

TEST(MapValue, CreatedFromNullIsFilledThroughToMap) {
	auto v = own(metacall_value_create_map(nullptr, 1));
	ASSERT_EQ(metacall_value_count(v.get()), 1u);
	void **slots = metacall_value_to_map(v.get());
	ASSERT_NE(slots, nullptr);
	EXPECT_EQ(slots[0], nullptr);
	void *entry = metacall_value_create_array(nullptr, 2);
	metacall_value_to_array(entry)[0] = metacall_value_create_string("key", 3);
	metacall_value_to_array(entry)[1] = metacall_value_create_double(0.5);
	slots[0] = entry;
	void **pair = metacall_value_to_array(metacall_value_to_map(v.get())[0]);
	EXPECT_STREQ(metacall_value_to_string(pair[0]), "key");
	EXPECT_EQ(metacall_value_to_double(pair[1]), 0.5);
}

TEST(MapValue, FromMapReplacesTheTuples) {
	const void *old_tuples[] = {tuple(metacall_value_create_int(1), metacall_value_create_int(10))};
	auto v = own(metacall_value_create_map(old_tuples, 1));
	const void *new_tuples[] = {tuple(metacall_value_create_string("a", 1), metacall_value_create_bool(1)),
	                            tuple(metacall_value_create_string("b", 1), metacall_value_create_bool(0))};
	EXPECT_EQ(metacall_value_from_map(v.get(), new_tuples, 2), v.get());
	ASSERT_EQ(metacall_value_count(v.get()), 2u);
	void **first = metacall_value_to_array(metacall_value_to_map(v.get())[0]);
	EXPECT_STREQ(metacall_value_to_string(first[0]), "a");
	EXPECT_EQ(metacall_value_to_bool(first[1]), 1);
}
