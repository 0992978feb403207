// Async: a future made by metacall_future_create settles exactly once, by resolve or reject;
// copies of its value share it.
#include "await_probe.h"

#include "../support/error_text.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

using async_test::Outcome;
using async_test::outcome_of;
using core_test::own;

using FutureSettle = core_test::RuntimeTest;

TEST_F(FutureSettle, CreateGivesAFutureValue) {
	auto future = own(metacall_future_create());
	ASSERT_NE(future.get(), nullptr);
	EXPECT_EQ(metacall_value_id(future.get()), METACALL_FUTURE);
	EXPECT_STREQ(metacall_value_type_name(future.get()), "Future");
}

TEST_F(FutureSettle, ResolveSettlesWithTheValue) {
	auto future = own(metacall_future_create());
	EXPECT_EQ(metacall_future_resolve(future.get(), metacall_value_create_int(11)), 0);
	Outcome o = outcome_of(future.get());
	ASSERT_EQ(o.state, Outcome::Resolved);
	EXPECT_EQ(metacall_value_to_int(o.value.get()), 11);
}

TEST_F(FutureSettle, RejectSettlesWithTheError) {
	auto future = own(metacall_future_create());
	EXPECT_EQ(metacall_future_reject(future.get(), metacall_error_throw("IOError", 5, nullptr, "gone")), 0);
	Outcome o = outcome_of(future.get());
	ASSERT_EQ(o.state, Outcome::Rejected);
	auto fields = core_test::error_fields(o.value.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->label, "IOError");
	EXPECT_EQ(fields->message, "gone");
}

TEST_F(FutureSettle, ResolveWithNullSettlesWithNull) {
	auto future = own(metacall_future_create());
	EXPECT_EQ(metacall_future_resolve(future.get(), nullptr), 0);
	Outcome o = outcome_of(future.get());
	ASSERT_EQ(o.state, Outcome::Resolved);
	EXPECT_TRUE(o.value == nullptr || metacall_value_id(o.value.get()) == METACALL_NULL);
}

TEST_F(FutureSettle, SecondResolveFailsAndKeepsTheFirstValue) {
	auto future = own(metacall_future_create());
	ASSERT_EQ(metacall_future_resolve(future.get(), metacall_value_create_int(1)), 0);
	EXPECT_NE(metacall_future_resolve(future.get(), metacall_value_create_int(2)), 0);
	// The refused value was destroyed by the call (LeakSanitizer checks).
	Outcome o = outcome_of(future.get());
	ASSERT_EQ(o.state, Outcome::Resolved);
	EXPECT_EQ(metacall_value_to_int(o.value.get()), 1);
}

TEST_F(FutureSettle, RejectAfterResolveFails) {
	auto future = own(metacall_future_create());
	ASSERT_EQ(metacall_future_resolve(future.get(), metacall_value_create_int(1)), 0);
	EXPECT_NE(metacall_future_reject(future.get(), metacall_error_throw("E", 0, nullptr, "late")), 0);
	EXPECT_EQ(outcome_of(future.get()).state, Outcome::Resolved);
}

TEST_F(FutureSettle, ResolveAfterRejectFails) {
	auto future = own(metacall_future_create());
	ASSERT_EQ(metacall_future_reject(future.get(), metacall_error_throw("E", 0, nullptr, "first")), 0);
	EXPECT_NE(metacall_future_resolve(future.get(), metacall_value_create_int(1)), 0);
	EXPECT_EQ(outcome_of(future.get()).state, Outcome::Rejected);
}

TEST_F(FutureSettle, ResolveOfANonFutureFailsAndDestroysTheResult) {
	auto not_future = own(metacall_value_create_int(3));
	metacall_error_clear();
	EXPECT_NE(metacall_future_resolve(not_future.get(), metacall_value_create_string("lost", 4)), 0);
	EXPECT_TRUE(core_test::LastErrorContains("metacall_future_resolve"));
	EXPECT_EQ(metacall_value_to_int(not_future.get()), 3);
}

TEST_F(FutureSettle, ResolveOfNullFailsAndDestroysTheResult) {
	EXPECT_NE(metacall_future_resolve(nullptr, metacall_value_create_string("lost", 4)), 0);
}

TEST_F(FutureSettle, RejectOfNullFailsAndDestroysTheError) {
	EXPECT_NE(metacall_future_reject(nullptr, metacall_error_throw("E", 0, nullptr, "lost")), 0);
}

TEST_F(FutureSettle, CopySharesTheFuture) {
	auto future = own(metacall_future_create());
	auto copy = own(metacall_value_copy(future.get()));
	ASSERT_EQ(metacall_value_id(copy.get()), METACALL_FUTURE);
	ASSERT_EQ(metacall_future_resolve(copy.get(), metacall_value_create_int(8)), 0);
	Outcome o = outcome_of(future.get());
	ASSERT_EQ(o.state, Outcome::Resolved);
	EXPECT_EQ(metacall_value_to_int(o.value.get()), 8);
}

TEST_F(FutureSettle, CreateFutureFromToFutureSharesIt) {
	auto future = own(metacall_future_create());
	void *shared = metacall_value_to_future(future.get());
	ASSERT_NE(shared, nullptr);
	auto other = own(metacall_value_create_future(shared));
	ASSERT_EQ(metacall_value_id(other.get()), METACALL_FUTURE);
	ASSERT_EQ(metacall_future_resolve(other.get(), metacall_value_create_int(9)), 0);
	EXPECT_EQ(metacall_value_to_int(outcome_of(future.get()).value.get()), 9);
}

TEST_F(FutureSettle, SharedFutureOutlivesTheValueItCameFrom) {
	auto future = own(metacall_future_create());
	auto copy = own(metacall_value_copy(future.get()));
	future.reset();
	ASSERT_EQ(metacall_future_resolve(copy.get(), metacall_value_create_int(4)), 0);
	EXPECT_EQ(metacall_value_to_int(outcome_of(copy.get()).value.get()), 4);
}

TEST_F(FutureSettle, PendingFutureDestroyedUnsettledReleasesEverything) {
	metacall_value_destroy(metacall_future_create());
	SUCCEED(); // LeakSanitizer checks
}

TEST_F(FutureSettle, ConcurrentSettlersSettleItExactlyOnce) {
	auto future = own(metacall_future_create());
	std::atomic<int> winners{0};
	std::vector<std::thread> settlers;
	for (int i = 0; i < 8; ++i) {
		settlers.emplace_back([&, i] {
			int rc = (i % 2 == 0)
			             ? metacall_future_resolve(future.get(), metacall_value_create_int(i))
			             : metacall_future_reject(future.get(), metacall_error_throw("E", i, nullptr, "r"));
			if (rc == 0) {
				++winners;
			}
		});
	}
	for (auto &t : settlers) {
		t.join();
	}
	EXPECT_EQ(winners.load(), 1);
	EXPECT_NE(outcome_of(future.get()).state, Outcome::Pending);
}
