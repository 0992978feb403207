// Errors: the last error is per thread, set by a failing function, kept through successful calls
// and forgotten by metacall_error_clear.
#include "../support/error_text.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <thread>

using core_test::last_error_message;
using core_test::LastErrorContains;

namespace {

void fail_once() {
	(void)metacall_value_to_int(nullptr);
}

} // namespace

TEST(ErrorLast, ReportsNoneAfterClearAndLeavesTheStructUntouched) {
	fail_once();
	metacall_error_clear();
	const char *sentinel = "untouched";
	metacall_exception_type ex{sentinel, sentinel, 77, sentinel};
	EXPECT_NE(metacall_error_last(&ex), 0);
	EXPECT_EQ(ex.message, sentinel);
	EXPECT_EQ(ex.label, sentinel);
	EXPECT_EQ(ex.code, 77);
	EXPECT_EQ(ex.stacktrace, sentinel);
}

TEST(ErrorLast, IsFilledAfterAFailureWithNonNullFields) {
	metacall_error_clear();
	fail_once();
	metacall_exception_type ex{};
	ASSERT_EQ(metacall_error_last(&ex), 0);
	ASSERT_NE(ex.message, nullptr);
	ASSERT_NE(ex.label, nullptr);
	ASSERT_NE(ex.stacktrace, nullptr);
	EXPECT_NE(std::string(ex.message), "");
	EXPECT_NE(std::string(ex.label), "");
}

TEST(ErrorLast, IsKeptThroughSuccessfulCalls) {
	metacall_error_clear();
	fail_once();
	auto v = core_test::own(metacall_value_create_int(4));
	EXPECT_EQ(metacall_value_to_int(v.get()), 4);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_int"));
}

TEST(ErrorLast, IsReplacedByTheNextFailure) {
	metacall_error_clear();
	fail_once();
	(void)metacall_value_to_double(nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_to_double"));
}

TEST(ErrorLast, OfOneThreadIsNotSeenByAnother) {
	metacall_error_clear();
	std::optional<std::string> seen_by_other_thread;
	std::thread other([&] {
		fail_once();
		seen_by_other_thread = last_error_message();
	});
	other.join();
	ASSERT_TRUE(seen_by_other_thread.has_value()) << "the failing thread saw no error of its own";
	EXPECT_FALSE(last_error_message().has_value()) << "main thread sees: " << *last_error_message();
}

TEST(ErrorLast, IsNotSeenByANewThread) {
	fail_once();
	std::optional<std::string> seen;
	std::thread other([&] { seen = last_error_message(); });
	other.join();
	EXPECT_FALSE(seen.has_value()) << "new thread sees: " << *seen;
	EXPECT_TRUE(LastErrorContains("metacall_value_to_int"));
}

TEST(ErrorClear, OnOneThreadKeepsAnotherThreadsError) {
	fail_once();
	std::thread other([] { metacall_error_clear(); });
	other.join();
	EXPECT_TRUE(LastErrorContains("metacall_value_to_int"));
}
