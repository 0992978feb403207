// Calls that cannot go through: wrong argument counts and unknown names. Errors, never crashes.
#include "fixture.h"

namespace {

// The throwable of a wrong-count call: a TypeError naming the function and both counts.
void expect_count_error(void *result, std::size_t declared, std::size_t given) {
	ASSERT_TRUE(is_throwable_with_label(result, "TypeError"));
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(result, &error), 0);
	const std::string message = error.message;
	EXPECT_NE(message.find("add"), std::string::npos) << message;
	EXPECT_TRUE(mentions_number(message, static_cast<long>(declared))) << message;
	EXPECT_TRUE(mentions_number(message, static_cast<long>(given))) << message;
}

TEST_P(Conformance, TooFewArgumentsThrowATypeErrorNamingTheCounts) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	Args args{metacall_value_create_long(1)};
	const ValuePtr result(metacallv_s("add", args.data(), args.size()));
	expect_count_error(result.get(), 2, 1);
}

TEST_P(Conformance, TooManyArgumentsThrowATypeErrorNamingTheCounts) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	Args args{metacall_value_create_long(1), metacall_value_create_long(2), metacall_value_create_long(3)};
	const ValuePtr result(metacallv_s("add", args.data(), args.size()));
	expect_count_error(result.get(), 2, 3);
}

TEST_P(Conformance, NoArgumentsToATwoParameterFunctionThrowATypeError) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *add = metacall_function("add");
	ASSERT_NE(add, nullptr) << last_error_message();
	const ValuePtr result(metacallfv_s(add, nullptr, 0));
	expect_count_error(result.get(), 2, 0);
}

TEST_P(Conformance, UnknownNameReturnsNullAndNamesIt) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	metacall_error_clear();
	const ValuePtr result(metacallv_s("no_such_function", nullptr, 0));
	EXPECT_EQ(result, nullptr) << describe(result.get());
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_last(&error), 0) << "no error recorded";
	EXPECT_NE(std::string(error.message).find("no_such_function"), std::string::npos) << error.message;
}

TEST_P(Conformance, UnknownNameInAHandleReturnsNullAndNamesIt) {
	void *handle = nullptr;
	ASSERT_EQ(load(loader().main_script, &handle), 0) << last_error_message();
	metacall_error_clear();
	const ValuePtr result(metacallhv_s(handle, "not_in_this_handle", nullptr, 0));
	EXPECT_EQ(result, nullptr) << describe(result.get());
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_last(&error), 0) << "no error recorded";
	EXPECT_NE(std::string(error.message).find("not_in_this_handle"), std::string::npos) << error.message;
}

TEST_P(Conformance, UnknownNameIsNotAFunction) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	EXPECT_EQ(metacall_function("no_such_function"), nullptr);
}

} // namespace
