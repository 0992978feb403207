// Calls: metacall_register / metacall_registerv put host functions in the global scope (or keep
// them anonymous) and refuse a name already there.
#include "host_functions.h"

#include "../support/error_text.h"
#include "../support/owned_value.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using calls_test::record;
using core_test::LastErrorContains;
using core_test::own;

using Register = core_test::RuntimeTest;

TEST_F(Register, AddsTheFunctionToTheGlobalScope) {
	void *func = nullptr;
	ASSERT_EQ(metacall_register("add", calls_test::add, &func, METACALL_INT, 2, METACALL_INT, METACALL_INT),
	          0);
	ASSERT_NE(func, nullptr);
	EXPECT_EQ(metacall_function("add"), func);
}

TEST_F(Register, FuncOutParameterMayBeNull) {
	ASSERT_EQ(metacall_register("add", calls_test::add, nullptr, METACALL_INT, 2, METACALL_INT, METACALL_INT),
	          0);
	EXPECT_NE(metacall_function("add"), nullptr);
}

TEST_F(Register, RegistervTakesTypesFromTheArray) {
	enum metacall_value_id types[] = {METACALL_STRING, METACALL_DOUBLE, METACALL_MAP};
	void *func = nullptr;
	ASSERT_EQ(metacall_registerv("three", calls_test::answer, &func, METACALL_BOOL, 3, types), 0);
	ASSERT_EQ(metacall_function_size(func), 3u);
	for (size_t i = 0; i < 3; ++i) {
		enum metacall_value_id id = METACALL_INVALID;
		ASSERT_EQ(metacall_function_parameter_type(func, i, &id), 0);
		EXPECT_EQ(id, types[i]) << "parameter " << i;
	}
	enum metacall_value_id ret = METACALL_INVALID;
	ASSERT_EQ(metacall_function_return_type(func, &ret), 0);
	EXPECT_EQ(ret, METACALL_BOOL);
}

TEST_F(Register, RegistervCallsWork) {
	enum metacall_value_id types[] = {METACALL_INT, METACALL_INT};
	ASSERT_EQ(metacall_registerv("addv", calls_test::add, nullptr, METACALL_INT, 2, types), 0);
	auto result = own(metacall("addv", 30, 12));
	EXPECT_EQ(metacall_value_to_int(result.get()), 42);
}

TEST_F(Register, DuplicateNameFailsNamingItAndKeepsTheFirst) {
	ASSERT_EQ(metacall_register("dup", calls_test::add, nullptr, METACALL_INT, 2, METACALL_INT, METACALL_INT),
	          0);
	void *second = nullptr;
	metacall_error_clear();
	EXPECT_NE(metacall_register("dup", calls_test::answer, &second, METACALL_INT, 0), 0);
	EXPECT_TRUE(LastErrorContains("dup"));
	auto result = own(metacall("dup", 1, 2));
	EXPECT_EQ(metacall_value_to_int(result.get()), 3);
}

TEST_F(Register, DuplicateNameThroughRegistervFails) {
	ASSERT_EQ(metacall_register("dup", calls_test::answer, nullptr, METACALL_INT, 0), 0);
	metacall_error_clear();
	EXPECT_NE(metacall_registerv("dup", calls_test::answer, nullptr, METACALL_INT, 0, nullptr), 0);
	EXPECT_TRUE(LastErrorContains("dup"));
}

TEST_F(Register, NullInvokeIsRefused) {
	metacall_error_clear();
	EXPECT_NE(metacall_register("no_invoke", nullptr, nullptr, METACALL_INT, 0), 0);
	EXPECT_TRUE(LastErrorContains("metacall_register"));
	EXPECT_EQ(metacall_function("no_invoke"), nullptr);
}

TEST_F(Register, AnonymousFunctionIsCallableThroughItsPointer) {
	void *func = nullptr;
	ASSERT_EQ(metacall_register(nullptr, calls_test::add, &func, METACALL_INT, 2, METACALL_INT, METACALL_INT),
	          0);
	ASSERT_NE(func, nullptr);
	auto a = own(metacall_value_create_int(4));
	auto b = own(metacall_value_create_int(5));
	void *args[] = {a.get(), b.get()};
	auto result = own(metacallfv_s(func, args, 2));
	EXPECT_EQ(metacall_value_to_int(result.get()), 9);
}

TEST_F(Register, AnonymousFunctionIsCallableAsAFunctionValue) {
	void *func = nullptr;
	ASSERT_EQ(metacall_register(nullptr, calls_test::answer, &func, METACALL_INT, 0), 0);
	auto value = own(metacall_value_create_function(func));
	ASSERT_EQ(metacall_value_id(value.get()), METACALL_FUNCTION);
	auto result = own(metacallfv_s(metacall_value_to_function(value.get()), nullptr, 0));
	EXPECT_EQ(metacall_value_to_int(result.get()), 42);
}

TEST_F(Register, AnonymousFunctionsDoNotTakeNames) {
	void *first = nullptr, *second = nullptr;
	ASSERT_EQ(metacall_register(nullptr, calls_test::answer, &first, METACALL_INT, 0), 0);
	ASSERT_EQ(metacall_register(nullptr, calls_test::answer, &second, METACALL_INT, 0), 0);
	EXPECT_NE(first, second);
	EXPECT_EQ(metacall_function(""), nullptr);
	// A named registration is still free to use any name.
	EXPECT_EQ(metacall_register("answer", calls_test::answer, nullptr, METACALL_INT, 0), 0);
	EXPECT_NE(metacall_function("answer"), first);
}

TEST_F(Register, ZeroParameterFunctionCalledWithoutArguments) {
	record = calls_test::InvokeRecord{};
	ASSERT_EQ(metacall_register("answer", calls_test::answer, nullptr, METACALL_INT, 0), 0);
	auto result = own(metacallv_s("answer", nullptr, 0));
	EXPECT_EQ(metacall_value_to_int(result.get()), 42);
	EXPECT_EQ(record.calls, 1);
	EXPECT_TRUE(record.arg_ids.empty());
}

// A name is how every language finds the function: text that is not UTF-8 is refused.
TEST(RegisterNames, ANameThatIsNotUtf8IsRefusedNamingTheByte) {
	ASSERT_EQ(metacall_initialize(), 0);
	metacall_error_clear();
	EXPECT_NE(
	    metacall_register(
	        "caf\xc3", [](size_t, void *[], void *) -> void * { return nullptr; }, nullptr, METACALL_NULL, 0),
	    0);
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_last(&error), 0);
	EXPECT_STREQ(error.label, "TypeError");
	EXPECT_NE(std::string(error.message).find("not valid UTF-8 (byte 3)"), std::string::npos)
	    << error.message;
	EXPECT_EQ(metacall_register(
	              "caf\xc3\xa9", [](size_t, void *[], void *) -> void * { return nullptr; }, nullptr,
	              METACALL_NULL, 0),
	          0);
	metacall_destroy();
}
