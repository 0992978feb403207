// Calls: arguments are checked against the declared count and converted to the declared types
// (metacall_value_cast rules) before invoke runs; a mismatch returns a "TypeError" throwable and
// invoke is not called. The caller's argument values are never changed.
#include "host_functions.h"

#include "../support/error_text.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using calls_test::record;
using core_test::Contains;
using core_test::own;

using ArgumentConversion = calls_test::HostFunctionsTest;

TEST_F(ArgumentConversion, LongArgumentToIntParameterIsConverted) {
	auto a = own(metacall_value_create_long(40));
	auto b = own(metacall_value_create_long(2));
	void *args[] = {a.get(), b.get()};
	auto result = own(metacallv_s("add", args, 2));
	EXPECT_EQ(metacall_value_to_int(result.get()), 42);
	ASSERT_EQ(record.arg_ids.size(), 2u);
	EXPECT_EQ(record.arg_ids[0], METACALL_INT);
	EXPECT_EQ(record.arg_ids[1], METACALL_INT);
}

TEST_F(ArgumentConversion, ConvertingLeavesTheCallersArgumentsUnchanged) {
	auto a = own(metacall_value_create_long(40));
	auto b = own(metacall_value_create_long(2));
	void *args[] = {a.get(), b.get()};
	auto result = own(metacallv_s("add", args, 2));
	EXPECT_EQ(metacall_value_id(a.get()), METACALL_LONG);
	EXPECT_EQ(metacall_value_to_long(a.get()), 40);
	EXPECT_EQ(metacall_value_id(b.get()), METACALL_LONG);
}

TEST_F(ArgumentConversion, IntArgumentToDoubleParameterIsConverted) {
	auto x = own(metacall_value_create_int(9));
	void *args[] = {x.get()};
	auto result = own(metacallv_s("half", args, 1));
	EXPECT_EQ(metacall_value_to_double(result.get()), 4.5);
	ASSERT_EQ(record.arg_ids.size(), 1u);
	EXPECT_EQ(record.arg_ids[0], METACALL_DOUBLE);
}

// Only numbers convert to numbers: a string that happens to hold digits is still a string.
TEST_F(ArgumentConversion, NumericStringToIntParameterIsATypeErrorWithoutInvoking) {
	auto a = own(metacall_value_create_string("40", 2));
	auto b = own(metacall_value_create_int(2));
	void *args[] = {a.get(), b.get()};
	auto result = own(metacallv_s("add", args, 2));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << metacall_value_type_name(result.get());
	auto fields = core_test::error_fields(result.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->label, "TypeError");
	EXPECT_TRUE(Contains(fields->message, "expected Integer, got String"));
	EXPECT_EQ(record.calls, 0);
}

TEST_F(ArgumentConversion, NonNumericStringToIntParameterIsATypeErrorWithoutInvoking) {
	auto a = own(metacall_value_create_string("abc", 3));
	auto b = own(metacall_value_create_int(2));
	void *args[] = {a.get(), b.get()};
	auto result = own(metacallv_s("add", args, 2));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << metacall_value_type_name(result.get());
	auto fields = core_test::error_fields(result.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->label, "TypeError");
	EXPECT_TRUE(Contains(fields->message, "add"));
	EXPECT_EQ(record.calls, 0);
}

TEST_F(ArgumentConversion, LongOutOfIntRangeIsATypeErrorWithoutInvoking) {
	auto a = own(metacall_value_create_long(1L << 40));
	auto b = own(metacall_value_create_int(2));
	void *args[] = {a.get(), b.get()};
	auto result = own(metacallv_s("add", args, 2));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << metacall_value_type_name(result.get());
	auto fields = core_test::error_fields(result.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->label, "TypeError");
	EXPECT_EQ(record.calls, 0);
}

TEST_F(ArgumentConversion, ArrayToStringParameterIsATypeError) {
	auto a = own(metacall_value_create_array(nullptr, 0));
	auto b = own(metacall_value_create_string("s", 1));
	void *args[] = {a.get(), b.get()};
	auto result = own(metacallv_s("concat", args, 2));
	auto fields = core_test::error_fields(result.get());
	ASSERT_TRUE(fields.has_value()) << metacall_value_type_name(result.get());
	EXPECT_EQ(fields->label, "TypeError");
	EXPECT_EQ(record.calls, 0);
}

TEST_F(ArgumentConversion, TooFewArgumentsIsATypeErrorNamingFunctionAndCounts) {
	auto a = own(metacall_value_create_int(1));
	void *args[] = {a.get()};
	auto result = own(metacallv_s("add", args, 1));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << metacall_value_type_name(result.get());
	auto fields = core_test::error_fields(result.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->label, "TypeError");
	EXPECT_TRUE(Contains(fields->message, "add"));
	EXPECT_TRUE(Contains(fields->message, "2"));
	EXPECT_TRUE(Contains(fields->message, "1"));
	EXPECT_EQ(record.calls, 0);
}

TEST_F(ArgumentConversion, TooManyArgumentsIsATypeErrorNamingFunctionAndCounts) {
	auto a = own(metacall_value_create_int(1));
	void *args[] = {a.get(), a.get(), a.get()};
	auto result = own(metacallv_s("add", args, 3));
	auto fields = core_test::error_fields(result.get());
	ASSERT_TRUE(fields.has_value()) << metacall_value_type_name(result.get());
	EXPECT_EQ(fields->label, "TypeError");
	EXPECT_TRUE(Contains(fields->message, "add"));
	EXPECT_TRUE(Contains(fields->message, "2"));
	EXPECT_TRUE(Contains(fields->message, "3"));
	EXPECT_EQ(record.calls, 0);
}

TEST_F(ArgumentConversion, ArgumentsToAFunctionWithoutParametersIsATypeError) {
	auto a = own(metacall_value_create_int(1));
	void *args[] = {a.get()};
	auto result = own(metacallv_s("answer", args, 1));
	auto fields = core_test::error_fields(result.get());
	ASSERT_TRUE(fields.has_value()) << metacall_value_type_name(result.get());
	EXPECT_EQ(fields->label, "TypeError");
	EXPECT_EQ(record.calls, 0);
}

TEST_F(ArgumentConversion, WrongCountThroughMetacallfvSIsATypeError) {
	auto a = own(metacall_value_create_int(1));
	void *args[] = {a.get()};
	auto result = own(metacallfv_s(add_func, args, 1));
	auto fields = core_test::error_fields(result.get());
	ASSERT_TRUE(fields.has_value()) << metacall_value_type_name(result.get());
	EXPECT_EQ(fields->label, "TypeError");
	EXPECT_EQ(record.calls, 0);
}

TEST_F(ArgumentConversion, UndeclaredParameterTypeReceivesTheValueAsGiven) {
	auto a = own(metacall_value_create_string("as is", 5));
	void *args[] = {a.get()};
	auto result = own(metacallv_s("untyped", args, 1));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_STRING) << metacall_value_type_name(result.get());
	EXPECT_STREQ(metacall_value_to_string(result.get()), "as is");
	ASSERT_EQ(record.arg_ids.size(), 1u);
	EXPECT_EQ(record.arg_ids[0], METACALL_STRING);
}

TEST_F(ArgumentConversion, NullArgumentIsRefusedNamingTheFunctionWithoutInvoking) {
	// A NULL argument is an invalid pointer: the call cannot be made at all.
	void *args[] = {nullptr, nullptr};
	metacall_error_clear();
	EXPECT_EQ(metacallv_s("add", args, 2), nullptr);
	EXPECT_TRUE(core_test::LastErrorContains("add"));
	EXPECT_EQ(record.calls, 0);
}

TEST_F(ArgumentConversion, MetacalltSWithTheWrongCountIsATypeErrorWithoutInvoking) {
	const enum metacall_value_id ids[] = {METACALL_INT};
	auto result = own(metacallt_s("add", ids, 1, 5));
	auto fields = core_test::error_fields(result.get());
	ASSERT_TRUE(fields.has_value()) << metacall_value_type_name(result.get());
	EXPECT_EQ(fields->label, "TypeError");
	EXPECT_TRUE(Contains(fields->message, "add"));
	EXPECT_EQ(record.calls, 0);
}
