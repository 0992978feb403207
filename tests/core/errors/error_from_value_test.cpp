// Errors: metacall_error_from_value reads the exception of a throwable or exception value and
// refuses any other value.
#include "../support/error_text.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using core_test::own;

TEST(ErrorFromValue, ReadsAThrowableWrappingAnException) {
	metacall_exception_type source{"file missing", "IOError", 2, "at open()"};
	auto thrown = own(metacall_value_create_throwable(metacall_value_create_exception(&source)));
	metacall_exception_type ex{};
	ASSERT_EQ(metacall_error_from_value(thrown.get(), &ex), 0);
	EXPECT_STREQ(ex.message, "file missing");
	EXPECT_STREQ(ex.label, "IOError");
	EXPECT_EQ(ex.code, 2);
	EXPECT_STREQ(ex.stacktrace, "at open()");
}

TEST(ErrorFromValue, ReadsAnExceptionValue) {
	metacall_exception_type source{"bad value", "ValueError", -1, ""};
	auto exception = own(metacall_value_create_exception(&source));
	metacall_exception_type ex{};
	ASSERT_EQ(metacall_error_from_value(exception.get(), &ex), 0);
	EXPECT_STREQ(ex.message, "bad value");
	EXPECT_STREQ(ex.label, "ValueError");
	EXPECT_EQ(ex.code, -1);
}

TEST(ErrorFromValue, RefusesANonExceptionAndLeavesTheStructUntouched) {
	auto number = own(metacall_value_create_int(1));
	const char *sentinel = "untouched";
	metacall_exception_type ex{sentinel, sentinel, 5, sentinel};
	EXPECT_NE(metacall_error_from_value(number.get(), &ex), 0);
	EXPECT_EQ(ex.message, sentinel);
	EXPECT_EQ(ex.label, sentinel);
	EXPECT_EQ(ex.code, 5);
	EXPECT_EQ(ex.stacktrace, sentinel);
}

TEST(ErrorFromValue, RefusesAThrowableOfANonException) {
	auto thrown = own(metacall_value_create_throwable(metacall_value_create_string("just text", 9)));
	metacall_exception_type ex{};
	EXPECT_NE(metacall_error_from_value(thrown.get(), &ex), 0);
}

TEST(ErrorFromValue, RefusesNull) {
	metacall_exception_type ex{};
	EXPECT_NE(metacall_error_from_value(nullptr, &ex), 0);
}

TEST(ErrorFromValue, RefusesANullStruct) {
	auto thrown = own(metacall_error_throw("E", 0, nullptr, "m"));
	EXPECT_NE(metacall_error_from_value(thrown.get(), nullptr), 0);
}
