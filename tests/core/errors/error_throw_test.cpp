// Errors: metacall_error_throw builds a throwable wrapping an exception from its arguments.
#include "../support/error_text.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <string>

using core_test::own;

TEST(ErrorThrow, GivesAThrowableWrappingAnException) {
	auto thrown = own(metacall_error_throw("ValueError", 3, "trace", "plain"));
	ASSERT_EQ(metacall_value_id(thrown.get()), METACALL_THROWABLE);
	EXPECT_EQ(metacall_value_id(metacall_value_to_throwable(thrown.get())), METACALL_EXCEPTION);
}

TEST(ErrorThrow, CarriesLabelCodeAndStacktrace) {
	auto thrown = own(metacall_error_throw("KeyError", -17, "at lookup()", "missing"));
	auto fields = core_test::error_fields(thrown.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->label, "KeyError");
	EXPECT_EQ(fields->code, -17);
	EXPECT_EQ(fields->stacktrace, "at lookup()");
	EXPECT_EQ(fields->message, "missing");
}

TEST(ErrorThrow, FormatsTheMessagePrintfStyle) {
	auto thrown = own(metacall_error_throw("E", 0, nullptr, "bad %d of %s (%.1f)", 7, "x", 0.5));
	auto fields = core_test::error_fields(thrown.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->message, "bad 7 of x (0.5)");
}

TEST(ErrorThrow, NullStacktraceReadsAsEmpty) {
	auto thrown = own(metacall_error_throw("E", 0, nullptr, "m"));
	auto fields = core_test::error_fields(thrown.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->stacktrace, "");
}

TEST(ErrorThrow, KeepsALongMessageWhole) {
	const std::string long_text(20000, 'x');
	auto thrown = own(metacall_error_throw("E", 0, nullptr, "%s!", long_text.c_str()));
	auto fields = core_test::error_fields(thrown.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->message, long_text + "!");
}
