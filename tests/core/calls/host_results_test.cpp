// Calls: what a host function's invoke returns becomes the call's result: NULL gives a null
// value, a throwable passes through to the caller.
#include "host_functions.h"

#include "../support/error_text.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using calls_test::record;
using core_test::own;

using HostResults = calls_test::HostFunctionsTest;

TEST_F(HostResults, InvokeReturningNullGivesANullValue) {
	auto result = own(metacallv_s("nothing", nullptr, 0));
	ASSERT_NE(result.get(), nullptr) << core_test::last_error_message().value_or("no error");
	EXPECT_EQ(metacall_value_id(result.get()), METACALL_NULL);
	EXPECT_EQ(record.calls, 1);
}

TEST_F(HostResults, InvokeReturningAThrowableGivesThatThrowable) {
	auto result = own(metacallv_s("fail", nullptr, 0));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << metacall_value_type_name(result.get());
	auto fields = core_test::error_fields(result.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->label, "ValueError");
	EXPECT_EQ(fields->code, 7);
	EXPECT_EQ(fields->message, "fail was asked to fail 3 times");
	EXPECT_EQ(fields->stacktrace, "at fail()");
}

TEST_F(HostResults, ThrowableResultIsNotALastError) {
	metacall_error_clear();
	auto result = own(metacallv_s("fail", nullptr, 0));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE);
	EXPECT_FALSE(core_test::last_error_message().has_value());
}

TEST_F(HostResults, InvokeWithoutClosureReceivesNullData) {
	auto result = own(metacallv_s("closure_data", nullptr, 0));
	EXPECT_EQ(metacall_value_to_ptr(result.get()), nullptr);
	EXPECT_EQ(record.calls, 1);
}

namespace {

// A host function with a bug: it returns a C string instead of a value.
void *returns_a_c_string(size_t, void *[], void *) {
	static char text[64] = "not a value, but a C string of some length";
	return text;
}

} // namespace

TEST_F(HostResults, InvokeReturningAPointerThatIsNotAValueIsATypeErrorNamingTheFunction) {
	ASSERT_EQ(metacall_register("buggy_host", returns_a_c_string, nullptr, METACALL_STRING, 0), 0);
	auto result = own(metacallv_s("buggy_host", nullptr, 0));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << metacall_value_type_name(result.get());
	auto fields = core_test::error_fields(result.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->label, "TypeError");
	EXPECT_NE(fields->message.find("'buggy_host' returned a pointer that is not a value"), std::string::npos)
	    << fields->message;
}
