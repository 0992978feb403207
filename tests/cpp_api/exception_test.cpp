// Errors raised by called functions arrive as metacall::exception with label, message, code and
// stack trace; C++ exceptions thrown by host callables never cross the C API: they become
// throwables that any caller sees as its error.
#include "cpp_api_test.h"

#include <stdexcept>

using metacall::value;

namespace {

using Exceptions = cpp_api_test::CppApi;

void *c_fails(size_t, void *[], void *) {
	return metacall_error_throw("ValueError", 7, "at c_fails (host.c:12)", "bad input %d", 3);
}

// Runs `body`, expecting a metacall::exception, and returns it.
template <typename Body>
metacall::exception caught(Body body) {
	try {
		body();
	} catch (const metacall::exception &e) {
		return e;
	}
	ADD_FAILURE() << "no metacall::exception";
	return metacall::exception("None", "none");
}

} // namespace

TEST_F(Exceptions, ThrowableResultKeepsLabelMessageCodeAndStack) {
	ASSERT_EQ(metacall_register("c_fails", c_fails, nullptr, METACALL_NULL, 0), 0);
	metacall::exception e = caught([] { metacall::call<void>("c_fails"); });
	EXPECT_EQ(e.label(), "ValueError");
	EXPECT_STREQ(e.what(), "bad input 3");
	EXPECT_EQ(e.code(), 7);
	EXPECT_EQ(e.stacktrace(), "at c_fails (host.c:12)");
}

TEST_F(Exceptions, ExceptionIsAnErrorAndCopiesKeepTheFields) {
	ASSERT_EQ(metacall_register("c_fails", c_fails, nullptr, METACALL_NULL, 0), 0);
	EXPECT_THROW(metacall::call<void>("c_fails"), metacall::error);
	metacall::exception e = caught([] { metacall::call<void>("c_fails"); });
	metacall::exception copy = e;
	EXPECT_EQ(copy.label(), "ValueError");
	EXPECT_EQ(copy.code(), 7);
	EXPECT_STREQ(copy.what(), e.what());
}

TEST_F(Exceptions, ScriptErrorsArriveWithTheirStack) {
	auto script = metacall::handle::load_from_memory("mock", cpp_api_test::mock_script);
	metacall::exception e = caught([&] { script.call<void>("fail", "boom"); });
	EXPECT_EQ(e.label(), "MockError");
	EXPECT_STREQ(e.what(), "boom");
	EXPECT_EQ(e.code(), 1);
	EXPECT_NE(e.stacktrace().find("at fail ("), std::string::npos) << e.stacktrace();
}

TEST_F(Exceptions, StdExceptionFromACallableBecomesACppError) {
	metacall::register_function("throws", []() -> long { throw std::runtime_error("it broke"); });
	metacall::exception e = caught([] { metacall::call<long>("throws"); });
	EXPECT_EQ(e.label(), "CppError");
	EXPECT_STREQ(e.what(), "it broke");
}

TEST_F(Exceptions, CallableErrorIsSeenByTheCApiAsAThrowable) {
	metacall::register_function("throws", []() -> long { throw std::runtime_error("it broke"); });
	value result(metacallv_s("throws", nullptr, 0));
	ASSERT_EQ(result.type(), METACALL_THROWABLE);
	metacall_exception_type ex{};
	ASSERT_EQ(metacall_error_from_value(result.get(), &ex), 0);
	EXPECT_STREQ(ex.label, "CppError");
	EXPECT_STREQ(ex.message, "it broke");
}

TEST_F(Exceptions, MetacallExceptionFromACallableKeepsItsFields) {
	metacall::register_function(
	    "raises", []() -> long { throw metacall::exception("QuotaError", "over quota", 429, "at raises"); });
	metacall::exception e = caught([] { metacall::call<long>("raises"); });
	EXPECT_EQ(e.label(), "QuotaError");
	EXPECT_STREQ(e.what(), "over quota");
	EXPECT_EQ(e.code(), 429);
	EXPECT_EQ(e.stacktrace(), "at raises");
}

TEST_F(Exceptions, NonStandardThrowFromACallableIsCaughtToo) {
	metacall::register_function("throws_int", []() -> long { throw 42; });
	metacall::exception e = caught([] { metacall::call<long>("throws_int"); });
	EXPECT_EQ(e.label(), "CppError");
	EXPECT_STREQ(e.what(), "an unknown C++ exception was thrown");
}

TEST_F(Exceptions, ArgumentThatDoesNotConvertInACallableIsARangeError) {
	// The declared type of unsigned char is Short: 300 passes the core, then does not fit.
	metacall::register_function("small", [](unsigned char x) { return static_cast<long>(x); });
	metacall::exception e = caught([] { metacall::call<long>("small", 300L); });
	EXPECT_EQ(e.label(), "RangeError");
	EXPECT_NE(std::string(e.what()).find("unsigned char"), std::string::npos) << e.what();
	EXPECT_EQ(metacall::call<long>("small", 200L), 200);
}

TEST_F(Exceptions, ErrorsPassThroughNestedCallsUnchanged) {
	ASSERT_EQ(metacall_register("c_fails", c_fails, nullptr, METACALL_NULL, 0), 0);
	metacall::register_function("outer", []() -> long {
		metacall::call<void>("c_fails"); // throws metacall::exception: turned back into the same throwable
		return 0;
	});
	metacall::exception e = caught([] { metacall::call<long>("outer"); });
	EXPECT_EQ(e.label(), "ValueError");
	EXPECT_EQ(e.code(), 7);
	EXPECT_EQ(e.stacktrace(), "at c_fails (host.c:12)");
}

TEST_F(Exceptions, ThrownValuesThatAreNotExceptionsAreDescribed) {
	value thrown_string(metacall_value_create_throwable(metacall_value_create_string("plain", 5)));
	metacall::exception from_string = metacall::exception::from_value(thrown_string.get());
	EXPECT_STREQ(from_string.what(), "plain");
	value thrown_long(metacall_value_create_throwable(metacall_value_create_long(3)));
	EXPECT_STREQ(metacall::exception::from_value(thrown_long.get()).what(), "a Long value was thrown");
}
