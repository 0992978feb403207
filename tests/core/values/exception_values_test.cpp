// Values: exceptions copy the fields of a struct metacall_exception_type; throwables take
// ownership of the value they throw.
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using core_test::own;

namespace {

const metacall_exception_type *fields_of(void *exception_value) {
	return static_cast<const metacall_exception_type *>(metacall_value_to_exception(exception_value));
}

} // namespace

TEST(ExceptionValue, HoldsEveryField) {
	metacall_exception_type ex{"something broke", "ValueError", 42, "at line 7"};
	auto v = own(metacall_value_create_exception(&ex));
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_EXCEPTION);
	const metacall_exception_type *read = fields_of(v.get());
	ASSERT_NE(read, nullptr);
	EXPECT_STREQ(read->message, "something broke");
	EXPECT_STREQ(read->label, "ValueError");
	EXPECT_EQ(read->code, 42);
	EXPECT_STREQ(read->stacktrace, "at line 7");
}

TEST(ExceptionValue, CopiesTheStrings) {
	char message[] = "original message";
	char label[] = "OriginalLabel";
	metacall_exception_type ex{message, label, 1, nullptr};
	auto v = own(metacall_value_create_exception(&ex));
	message[0] = 'X';
	label[0] = 'X';
	const metacall_exception_type *read = fields_of(v.get());
	ASSERT_NE(read, nullptr);
	EXPECT_STREQ(read->message, "original message");
	EXPECT_STREQ(read->label, "OriginalLabel");
	EXPECT_NE(read->message, message);
}

TEST(ExceptionValue, NullStringsReadAsEmpty) {
	metacall_exception_type ex{nullptr, nullptr, -3, nullptr};
	auto v = own(metacall_value_create_exception(&ex));
	const metacall_exception_type *read = fields_of(v.get());
	ASSERT_NE(read, nullptr);
	ASSERT_NE(read->message, nullptr);
	ASSERT_NE(read->label, nullptr);
	ASSERT_NE(read->stacktrace, nullptr);
	EXPECT_STREQ(read->message, "");
	EXPECT_STREQ(read->label, "");
	EXPECT_STREQ(read->stacktrace, "");
	EXPECT_EQ(read->code, -3);
}

TEST(ExceptionValue, FromExceptionReplacesTheFields) {
	metacall_exception_type first{"first", "FirstError", 1, ""};
	metacall_exception_type second{"second", "SecondError", 2, "trace"};
	auto v = own(metacall_value_create_exception(&first));
	EXPECT_EQ(metacall_value_from_exception(v.get(), &second), v.get());
	const metacall_exception_type *read = fields_of(v.get());
	ASSERT_NE(read, nullptr);
	EXPECT_STREQ(read->message, "second");
	EXPECT_STREQ(read->label, "SecondError");
	EXPECT_EQ(read->code, 2);
	EXPECT_STREQ(read->stacktrace, "trace");
}

TEST(ThrowableValue, TakesOwnershipOfTheThrownValue) {
	metacall_exception_type ex{"thrown", "RuntimeError", 0, ""};
	void *exception = metacall_value_create_exception(&ex);
	auto v = own(metacall_value_create_throwable(exception));
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_THROWABLE);
	EXPECT_EQ(metacall_value_to_throwable(v.get()), exception);
	EXPECT_EQ(metacall_value_id(metacall_value_to_throwable(v.get())), METACALL_EXCEPTION);
	// Destroying v destroys the exception too (LeakSanitizer checks).
}

TEST(ThrowableValue, MayThrowAnyValue) {
	auto v = own(metacall_value_create_throwable(metacall_value_create_int(13)));
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_THROWABLE);
	EXPECT_EQ(metacall_value_to_int(metacall_value_to_throwable(v.get())), 13);
}

TEST(ThrowableValue, WithNullCarriesNull) {
	auto v = own(metacall_value_create_throwable(nullptr));
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_THROWABLE);
	void *thrown = metacall_value_to_throwable(v.get());
	EXPECT_TRUE(thrown == nullptr || metacall_value_id(thrown) == METACALL_NULL)
	    << "thrown value has type " << metacall_value_type_name(thrown);
}

TEST(ThrowableValue, FromThrowableReplacesAndDestroysThePreviousValue) {
	auto v = own(metacall_value_create_throwable(metacall_value_create_string("old", 3)));
	void *replacement = metacall_value_create_int(99);
	EXPECT_EQ(metacall_value_from_throwable(v.get(), replacement), v.get());
	EXPECT_EQ(metacall_value_to_throwable(v.get()), replacement);
	EXPECT_EQ(metacall_value_to_int(metacall_value_to_throwable(v.get())), 99);
	// The old string was destroyed (LeakSanitizer checks).
}
