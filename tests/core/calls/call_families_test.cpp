// Calls: every call family reaches a registered host function and returns its result as a new
// value owned by the caller; arguments stay the caller's.
#include "host_functions.h"

#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using calls_test::HostFunctionsTest;
using calls_test::record;
using core_test::own;
using core_test::Value;

namespace {

// Two int values for add(2, 3), destroyed by the test.
struct AddArgs {
	Value a = own(metacall_value_create_int(2));
	Value b = own(metacall_value_create_int(3));
	void *args[2] = {a.get(), b.get()};
};

} // namespace

using CallFamilies = HostFunctionsTest;

TEST_F(CallFamilies, MetacallConvertsIntArgumentsBySignature) {
	auto result = own(metacall("add", 2, 3));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_INT);
	EXPECT_EQ(metacall_value_to_int(result.get()), 5);
}

TEST_F(CallFamilies, MetacallConvertsStringArgumentsBySignature) {
	auto result = own(metacall("concat", "foo", "bar"));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_STRING);
	EXPECT_STREQ(metacall_value_to_string(result.get()), "foobar");
}

TEST_F(CallFamilies, MetacallConvertsDoubleArgumentsBySignature) {
	auto result = own(metacall("half", 5.0));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_DOUBLE);
	EXPECT_EQ(metacall_value_to_double(result.get()), 2.5);
}

TEST_F(CallFamilies, MetacallPassesArrayArgumentsAsValues) {
	const void *elements[] = {metacall_value_create_int(1), metacall_value_create_int(2),
	                          metacall_value_create_int(39)};
	auto array = own(metacall_value_create_array(elements, 3));
	auto result = own(metacall("sum_array", array.get()));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_LONG);
	EXPECT_EQ(metacall_value_to_long(result.get()), 42);
	EXPECT_EQ(metacall_value_count(array.get()), 3u); // still ours and intact
}

TEST_F(CallFamilies, MetacallWithoutParameters) {
	auto result = own(metacall("answer"));
	EXPECT_EQ(metacall_value_to_int(result.get()), 42);
}

TEST_F(CallFamilies, MetacalltConvertsByTheGivenIds) {
	const enum metacall_value_id ids[] = {METACALL_INT, METACALL_INT};
	auto result = own(metacallt("add", ids, 20, 22));
	EXPECT_EQ(metacall_value_to_int(result.get()), 42);
}

TEST_F(CallFamilies, MetacalltWithLongIdsConvertsToTheDeclaredInt) {
	const enum metacall_value_id ids[] = {METACALL_LONG, METACALL_LONG};
	auto result = own(metacallt("add", ids, 20L, 22L));
	EXPECT_EQ(metacall_value_to_int(result.get()), 42);
	ASSERT_EQ(record.arg_ids.size(), 2u);
	EXPECT_EQ(record.arg_ids[0], METACALL_INT);
}

TEST_F(CallFamilies, MetacalltSWithExplicitCount) {
	const enum metacall_value_id ids[] = {METACALL_INT, METACALL_INT};
	auto result = own(metacallt_s("add", ids, 2, 40, 2));
	EXPECT_EQ(metacall_value_to_int(result.get()), 42);
}

TEST_F(CallFamilies, MetacalltSWithStringIds) {
	const enum metacall_value_id ids[] = {METACALL_STRING, METACALL_STRING};
	auto result = own(metacallt_s("concat", ids, 2, "x", "y"));
	EXPECT_STREQ(metacall_value_to_string(result.get()), "xy");
}

TEST_F(CallFamilies, MetacallvUsesTheDeclaredCount) {
	AddArgs a;
	auto result = own(metacallv("add", a.args));
	EXPECT_EQ(metacall_value_to_int(result.get()), 5);
}

TEST_F(CallFamilies, MetacallvSWithExplicitCount) {
	AddArgs a;
	auto result = own(metacallv_s("add", a.args, 2));
	EXPECT_EQ(metacall_value_to_int(result.get()), 5);
}

TEST_F(CallFamilies, MetacallvSWithNoArgumentsAcceptsNullArray) {
	auto result = own(metacallv_s("answer", nullptr, 0));
	EXPECT_EQ(metacall_value_to_int(result.get()), 42);
}

TEST_F(CallFamilies, MetacallvSLeavesTheArgumentsToTheCaller) {
	AddArgs a;
	auto result = own(metacallv_s("add", a.args, 2));
	EXPECT_EQ(metacall_value_to_int(a.a.get()), 2);
	EXPECT_EQ(metacall_value_to_int(a.b.get()), 3);
	// AddArgs destroys them: a double free would be reported by AddressSanitizer.
}

TEST_F(CallFamilies, ResultIsANewValueEachCall) {
	AddArgs a;
	auto first = own(metacallv_s("add", a.args, 2));
	auto second = own(metacallv_s("add", a.args, 2));
	ASSERT_NE(first.get(), nullptr);
	EXPECT_NE(first.get(), second.get());
	EXPECT_EQ(metacall_value_to_int(first.get()), 5);
	EXPECT_EQ(metacall_value_to_int(second.get()), 5);
}

TEST_F(CallFamilies, MetacallfvThroughTheFunctionPointer) {
	AddArgs a;
	auto result = own(metacallfv(add_func, a.args));
	EXPECT_EQ(metacall_value_to_int(result.get()), 5);
}

TEST_F(CallFamilies, MetacallfvSThroughTheFunctionPointer) {
	AddArgs a;
	auto result = own(metacallfv_s(add_func, a.args, 2));
	EXPECT_EQ(metacall_value_to_int(result.get()), 5);
}

TEST_F(CallFamilies, MetacallfvSThroughMetacallFunction) {
	void *func = metacall_function("add");
	ASSERT_EQ(func, add_func);
	AddArgs a;
	auto result = own(metacallfv_s(func, a.args, 2));
	EXPECT_EQ(metacall_value_to_int(result.get()), 5);
}

TEST_F(CallFamilies, MetacallfConvertsBySignature) {
	auto result = own(metacallf(add_func, 100, -58));
	EXPECT_EQ(metacall_value_to_int(result.get()), 42);
}

TEST_F(CallFamilies, MetacallhvSWithANullHandleFailsNamingTheFunction) {
	AddArgs a;
	metacall_error_clear();
	EXPECT_EQ(metacallhv_s(nullptr, "add", a.args, 2), nullptr);
	EXPECT_TRUE(core_test::LastErrorContains("metacallhv_s"));
}

TEST_F(CallFamilies, MetacallhvWithANullHandleFails) {
	AddArgs a;
	metacall_error_clear();
	EXPECT_EQ(metacallhv(nullptr, "add", a.args), nullptr);
	EXPECT_TRUE(core_test::last_error_message().has_value());
}

TEST_F(CallFamilies, HostFunctionMayCallBackIntoTheCore) {
	void *outer = nullptr;
	auto reenter = [](size_t, void *[], void *) -> void * {
		void *args[] = {metacall_value_create_int(20), metacall_value_create_int(1)};
		void *inner = metacallv_s("add", args, 2);
		metacall_value_destroy(args[0]);
		metacall_value_destroy(args[1]);
		return inner;
	};
	ASSERT_EQ(metacall_register("reenter", reenter, &outer, METACALL_INT, 0), 0);
	auto result = own(metacallv_s("reenter", nullptr, 0));
	EXPECT_EQ(metacall_value_to_int(result.get()), 21);
}
