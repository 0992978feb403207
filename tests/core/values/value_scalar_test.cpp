// metacall_value_scalar: the type and the scalar of a value in one call, for loaders' call paths.
#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

#include <gtest/gtest.h>

#include "owned_values.h"

namespace {

TEST(ValueScalar, GivesTheTypeAndTheAddressOfAnInteger) {
	const ValuePtr value(metacall_value_create_int(-42));
	enum metacall_value_id id = METACALL_NULL;
	const void *scalar = metacall_value_scalar(value.get(), &id);
	EXPECT_EQ(id, METACALL_INT);
	ASSERT_NE(scalar, nullptr);
	EXPECT_EQ(*static_cast<const int *>(scalar), -42);
}

TEST(ValueScalar, GivesEveryNumericTypeAsItsCType) {
	const ValuePtr l(metacall_value_create_long(1L << 40));
	const ValuePtr d(metacall_value_create_double(2.5));
	const ValuePtr b(metacall_value_create_bool(1));
	enum metacall_value_id id = METACALL_NULL;
	EXPECT_EQ(*static_cast<const long *>(metacall_value_scalar(l.get(), &id)), 1L << 40);
	EXPECT_EQ(id, METACALL_LONG);
	EXPECT_EQ(*static_cast<const double *>(metacall_value_scalar(d.get(), &id)), 2.5);
	EXPECT_EQ(id, METACALL_DOUBLE);
	EXPECT_EQ(*static_cast<const unsigned char *>(metacall_value_scalar(b.get(), &id)), 1);
	EXPECT_EQ(id, METACALL_BOOL);
}

TEST(ValueScalar, GivesAPointersAddress) {
	int target = 0;
	const ValuePtr value(metacall_value_create_ptr(&target));
	enum metacall_value_id id = METACALL_NULL;
	const void *scalar = metacall_value_scalar(value.get(), &id);
	EXPECT_EQ(id, METACALL_PTR);
	ASSERT_NE(scalar, nullptr);
	EXPECT_EQ(*static_cast<void *const *>(scalar), &target);
}

TEST(ValueScalar, GivesNullButTheTypeForAString) {
	const ValuePtr value(metacall_value_create_string("abc", 3));
	enum metacall_value_id id = METACALL_NULL;
	EXPECT_EQ(metacall_value_scalar(value.get(), &id), nullptr);
	EXPECT_EQ(id, METACALL_STRING);
}

TEST(ValueScalar, GivesInvalidForWhatIsNotAValue) {
	enum metacall_value_id id = METACALL_NULL;
	EXPECT_EQ(metacall_value_scalar(nullptr, &id), nullptr);
	EXPECT_EQ(id, METACALL_INVALID);
}

} // namespace
