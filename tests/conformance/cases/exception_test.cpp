// A function that throws: the call returns a throwable carrying the error, never a crash.
#include "fixture.h"

namespace {

TEST_P(Conformance, FailReturnsAThrowable) {
	CONFORMANCE_REQUIRE_EXCEPTIONS();
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	Args args{metacall_value_create_string("boom", 4)};
	const ValuePtr result(metacallv_s("fail", args.data(), args.size()));
	ASSERT_NE(result, nullptr) << last_error_message();
	EXPECT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << describe(result.get());
}

TEST_P(Conformance, FailCarriesTheLoadersLabel) {
	CONFORMANCE_REQUIRE_EXCEPTIONS();
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	Args args{metacall_value_create_string("boom", 4)};
	const ValuePtr result(metacallv_s("fail", args.data(), args.size()));
	EXPECT_TRUE(is_throwable_with_label(result.get(), loader().error_label));
}

TEST_P(Conformance, FailCarriesTheMessage) {
	CONFORMANCE_REQUIRE_EXCEPTIONS();
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	Args args{metacall_value_create_string("boom", 4)};
	const ValuePtr result(metacallv_s("fail", args.data(), args.size()));
	ASSERT_NE(result, nullptr) << last_error_message();
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(result.get(), &error), 0) << describe(result.get());
	EXPECT_STREQ(error.message, "boom");
}

TEST_P(Conformance, FailCarriesAStackTrace) {
	CONFORMANCE_REQUIRE_EXCEPTIONS();
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	Args args{metacall_value_create_string("boom", 4)};
	const ValuePtr result(metacallv_s("fail", args.data(), args.size()));
	ASSERT_NE(result, nullptr) << last_error_message();
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(result.get(), &error), 0) << describe(result.get());
	ASSERT_NE(error.stacktrace, nullptr);
	EXPECT_STRNE(error.stacktrace, "");
}

TEST_P(Conformance, ALoaderStillWorksAfterAFunctionThrew) {
	CONFORMANCE_REQUIRE_EXCEPTIONS();
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	Args args{metacall_value_create_string("boom", 4)};
	const ValuePtr thrown(metacallv_s("fail", args.data(), args.size()));
	ASSERT_TRUE(is_throwable_with_label(thrown.get(), loader().error_label));
	EXPECT_TRUE(is_number(add_through(metacall_function("add"), 1, 1).get(), 2));
}

} // namespace
