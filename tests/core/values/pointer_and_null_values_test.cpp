// Values: pointers carry an address without owning it; null has no data.
#include "../support/error_text.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using core_test::own;

TEST(PointerValue, CarriesTheAddress) {
	int target = 5;
	auto v = own(metacall_value_create_ptr(&target));
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_PTR);
	EXPECT_EQ(metacall_value_to_ptr(v.get()), &target);
}

TEST(PointerValue, DoesNotOwnThePointee) {
	int on_stack = 5; // freeing it would be reported by AddressSanitizer
	metacall_value_destroy(metacall_value_create_ptr(&on_stack));
	EXPECT_EQ(on_stack, 5);
}

TEST(PointerValue, CarriesNull) {
	auto v = own(metacall_value_create_ptr(nullptr));
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_PTR);
	EXPECT_EQ(metacall_value_to_ptr(v.get()), nullptr);
}

TEST(PointerValue, SizeIsPointerSize) {
	int target = 0;
	auto v = own(metacall_value_create_ptr(&target));
	EXPECT_EQ(metacall_value_size(v.get()), sizeof(void *));
}

TEST(PointerValue, FromPtrAssignsInPlace) {
	int first = 1, second = 2;
	auto v = own(metacall_value_create_ptr(&first));
	EXPECT_EQ(metacall_value_from_ptr(v.get(), &second), v.get());
	EXPECT_EQ(metacall_value_to_ptr(v.get()), &second);
}

TEST(NullValue, HasTheNullId) {
	auto v = own(metacall_value_create_null());
	EXPECT_EQ(metacall_value_id(v.get()), METACALL_NULL);
}

TEST(NullValue, ToNullGivesNullWithoutError) {
	auto v = own(metacall_value_create_null());
	metacall_error_clear();
	EXPECT_EQ(metacall_value_to_null(v.get()), nullptr);
	EXPECT_FALSE(core_test::last_error_message().has_value()) << *core_test::last_error_message();
}

TEST(NullValue, CountIsOne) {
	auto v = own(metacall_value_create_null());
	EXPECT_EQ(metacall_value_count(v.get()), 1u);
}

TEST(NullValue, FromNullOnANullValueReturnsIt) {
	auto v = own(metacall_value_create_null());
	EXPECT_EQ(metacall_value_from_null(v.get()), v.get());
	EXPECT_EQ(metacall_value_id(v.get()), METACALL_NULL);
}
