// Calls: a call that cannot be made (unknown name, no function, undeclared types for the
// signature-typed families) returns NULL and a last error naming what was wrong.
#include "host_functions.h"

#include "../support/error_text.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using calls_test::record;
using core_test::LastErrorContains;
using core_test::own;

using UnknownFunction = calls_test::HostFunctionsTest;

TEST_F(UnknownFunction, MetacallvSReturnsNullNamingIt) {
	auto a = own(metacall_value_create_int(1));
	void *args[] = {a.get()};
	EXPECT_EQ(metacallv_s("no_such_function", args, 1), nullptr);
	EXPECT_TRUE(LastErrorContains("no_such_function"));
}

TEST_F(UnknownFunction, MetacallvReturnsNullNamingIt) {
	auto a = own(metacall_value_create_int(1));
	void *args[] = {a.get()};
	EXPECT_EQ(metacallv("no_such_function", args), nullptr);
	EXPECT_TRUE(LastErrorContains("no_such_function"));
}

TEST_F(UnknownFunction, MetacallReturnsNullNamingIt) {
	EXPECT_EQ(metacall("no_such_function", 1, 2), nullptr);
	EXPECT_TRUE(LastErrorContains("no_such_function"));
}

TEST_F(UnknownFunction, MetacalltSReturnsNullNamingIt) {
	const enum metacall_value_id ids[] = {METACALL_INT};
	EXPECT_EQ(metacallt_s("no_such_function", ids, 1, 1), nullptr);
	EXPECT_TRUE(LastErrorContains("no_such_function"));
}

TEST_F(UnknownFunction, NullNameReturnsNull) {
	EXPECT_EQ(metacallv_s(nullptr, nullptr, 0), nullptr);
	EXPECT_TRUE(core_test::last_error_message().has_value());
}

TEST_F(UnknownFunction, MetacallfvSOfNullFunctionReturnsNull) {
	EXPECT_EQ(metacallfv_s(nullptr, nullptr, 0), nullptr);
	EXPECT_TRUE(LastErrorContains("metacallfv_s"));
}

TEST_F(UnknownFunction, MetacallfvSOfAValueInsteadOfAFunctionReturnsNull) {
	auto not_a_function = own(metacall_value_create_int(1));
	EXPECT_EQ(metacallfv_s(not_a_function.get(), nullptr, 0), nullptr);
	EXPECT_TRUE(LastErrorContains("metacallfv_s"));
}

TEST_F(UnknownFunction, MetacallOnUndeclaredParameterTypesFailsWithoutInvoking) {
	EXPECT_EQ(metacall("untyped", 5), nullptr);
	EXPECT_TRUE(LastErrorContains("untyped"));
	EXPECT_EQ(record.calls, 0);
}

TEST_F(UnknownFunction, MetacallfOnUndeclaredParameterTypesFailsWithoutInvoking) {
	EXPECT_EQ(metacallf(untyped_func, 5), nullptr);
	EXPECT_TRUE(LastErrorContains("untyped"));
	EXPECT_EQ(record.calls, 0);
}

TEST_F(UnknownFunction, MetacalltWorksWhereMetacallCannot) {
	const enum metacall_value_id ids[] = {METACALL_INT};
	auto result = own(metacallt("untyped", ids, 5));
	ASSERT_NE(result.get(), nullptr) << core_test::last_error_message().value_or("no error");
	EXPECT_EQ(metacall_value_to_int(result.get()), 5);
}

TEST_F(UnknownFunction, NameWithPercentSignsIsReportedVerbatim) {
	EXPECT_EQ(metacallv_s("100%s%n%d", nullptr, 0), nullptr);
	EXPECT_TRUE(LastErrorContains("100%s%n%d"));
}
