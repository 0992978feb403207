// Async: metacall_await_future runs the resolve or reject callback with the settled value, on the
// settling thread (or at once when already settled); the callback's return settles the future it
// returned: resolved, unless the callback returned a throwable. NULL callbacks pass through.
#include "await_probe.h"

#include "../support/error_text.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using async_test::AwaitProbe;
using async_test::Outcome;
using async_test::outcome_of;
using core_test::own;

class AwaitFuture : public core_test::RuntimeTest {
protected:
	void SetUp() override {
		RuntimeTest::SetUp();
		async_test::callbacks_without_data = 0;
		future = own(metacall_future_create());
		ASSERT_NE(future, nullptr);
	}

	void TearDown() override {
		EXPECT_EQ(async_test::callbacks_without_data.load(), 0) << "a callback received data == NULL";
		future.reset();
		RuntimeTest::TearDown();
	}

	core_test::Value await_with(AwaitProbe &probe) {
		return own(
		    metacall_await_future(future.get(), AwaitProbe::on_resolve, AwaitProbe::on_reject, &probe));
	}

	core_test::Value future;
};

TEST_F(AwaitFuture, ReturnsANewFuture) {
	AwaitProbe probe;
	auto chained = await_with(probe);
	ASSERT_NE(chained.get(), nullptr);
	EXPECT_EQ(metacall_value_id(chained.get()), METACALL_FUTURE);
	EXPECT_NE(chained.get(), future.get());
	metacall_future_resolve(future.get(), nullptr);
}

TEST_F(AwaitFuture, PendingFutureRunsNoCallbackYet) {
	AwaitProbe probe;
	auto chained = await_with(probe);
	EXPECT_EQ(probe.runs(), 0);
	metacall_future_resolve(future.get(), nullptr);
}

TEST_F(AwaitFuture, ResolveCallbackReceivesTheValue) {
	AwaitProbe probe;
	auto chained = await_with(probe);
	ASSERT_EQ(metacall_future_resolve(future.get(), metacall_value_create_int(21)), 0);
	ASSERT_TRUE(probe.ran.wait());
	EXPECT_EQ(probe.resolve_runs, 1);
	EXPECT_EQ(probe.reject_runs, 0);
	EXPECT_EQ(metacall_value_to_int(probe.received.get()), 21);
}

TEST_F(AwaitFuture, RejectCallbackReceivesTheError) {
	AwaitProbe probe;
	auto chained = await_with(probe);
	ASSERT_EQ(metacall_future_reject(future.get(), metacall_error_throw("E", 3, nullptr, "nope")), 0);
	ASSERT_TRUE(probe.ran.wait());
	EXPECT_EQ(probe.reject_runs, 1);
	EXPECT_EQ(probe.resolve_runs, 0);
	auto fields = core_test::error_fields(probe.received.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->message, "nope");
	EXPECT_EQ(fields->code, 3);
}

TEST_F(AwaitFuture, ResolveCallbackReturnResolvesTheReturnedFuture) {
	AwaitProbe probe;
	probe.resolve_reply = [](void *v) { return metacall_value_create_int(metacall_value_to_int(v) * 2); };
	auto chained = await_with(probe);
	ASSERT_EQ(metacall_future_resolve(future.get(), metacall_value_create_int(21)), 0);
	Outcome o = outcome_of(chained.get());
	ASSERT_EQ(o.state, Outcome::Resolved);
	EXPECT_EQ(metacall_value_to_int(o.value.get()), 42);
}

TEST_F(AwaitFuture, RejectCallbackReturningAValueResolvesTheReturnedFuture) {
	AwaitProbe probe;
	probe.reject_reply = [](void *) { return metacall_value_create_string("recovered", 9); };
	auto chained = await_with(probe);
	ASSERT_EQ(metacall_future_reject(future.get(), metacall_error_throw("E", 0, nullptr, "x")), 0);
	Outcome o = outcome_of(chained.get());
	ASSERT_EQ(o.state, Outcome::Resolved);
	EXPECT_STREQ(metacall_value_to_string(o.value.get()), "recovered");
}

TEST_F(AwaitFuture, CallbackReturningAThrowableRejectsTheReturnedFuture) {
	AwaitProbe probe;
	probe.resolve_reply = [](void *) { return metacall_error_throw("RangeError", 9, nullptr, "too big"); };
	auto chained = await_with(probe);
	ASSERT_EQ(metacall_future_resolve(future.get(), metacall_value_create_int(1)), 0);
	Outcome o = outcome_of(chained.get());
	ASSERT_EQ(o.state, Outcome::Rejected);
	auto fields = core_test::error_fields(o.value.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->label, "RangeError");
	EXPECT_EQ(fields->message, "too big");
}

TEST_F(AwaitFuture, CallbackReturningNullResolvesWithNull) {
	AwaitProbe probe;
	probe.resolve_reply = [](void *) -> void * { return nullptr; };
	auto chained = await_with(probe);
	ASSERT_EQ(metacall_future_resolve(future.get(), metacall_value_create_int(1)), 0);
	Outcome o = outcome_of(chained.get());
	ASSERT_EQ(o.state, Outcome::Resolved);
	EXPECT_TRUE(o.value == nullptr || metacall_value_id(o.value.get()) == METACALL_NULL);
}

TEST_F(AwaitFuture, NullCallbacksPassAResolutionThrough) {
	auto chained = own(metacall_await_future(future.get(), nullptr, nullptr, nullptr));
	ASSERT_NE(chained.get(), nullptr);
	ASSERT_EQ(metacall_future_resolve(future.get(), metacall_value_create_long(77)), 0);
	Outcome o = outcome_of(chained.get());
	ASSERT_EQ(o.state, Outcome::Resolved);
	EXPECT_EQ(metacall_value_to_long(o.value.get()), 77);
}

TEST_F(AwaitFuture, NullCallbacksPassARejectionThrough) {
	auto chained = own(metacall_await_future(future.get(), nullptr, nullptr, nullptr));
	ASSERT_NE(chained.get(), nullptr);
	ASSERT_EQ(metacall_future_reject(future.get(), metacall_error_throw("E", 1, nullptr, "passed")), 0);
	Outcome o = outcome_of(chained.get());
	ASSERT_EQ(o.state, Outcome::Rejected);
	auto fields = core_test::error_fields(o.value.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->message, "passed");
}

TEST_F(AwaitFuture, NullResolveCallbackPassesAResolutionThroughWithoutRejecting) {
	AwaitProbe probe;
	auto chained = own(metacall_await_future(future.get(), nullptr, AwaitProbe::on_reject, &probe));
	ASSERT_EQ(metacall_future_resolve(future.get(), metacall_value_create_int(5)), 0);
	Outcome o = outcome_of(chained.get());
	ASSERT_EQ(o.state, Outcome::Resolved);
	EXPECT_EQ(metacall_value_to_int(o.value.get()), 5);
	EXPECT_EQ(probe.runs(), 0);
}

TEST_F(AwaitFuture, AlreadySettledRunsTheCallbackAtOnceOnTheCallingThread) {
	ASSERT_EQ(metacall_future_resolve(future.get(), metacall_value_create_int(6)), 0);
	AwaitProbe probe;
	auto chained = await_with(probe);
	EXPECT_EQ(probe.resolve_runs, 1); // before metacall_await_future returned
	EXPECT_EQ(probe.thread, std::this_thread::get_id());
	EXPECT_EQ(metacall_value_to_int(probe.received.get()), 6);
}

TEST_F(AwaitFuture, AlreadyRejectedRunsRejectAtOnce) {
	ASSERT_EQ(metacall_future_reject(future.get(), metacall_error_throw("E", 0, nullptr, "early")), 0);
	AwaitProbe probe;
	auto chained = await_with(probe);
	EXPECT_EQ(probe.reject_runs, 1);
	EXPECT_EQ(probe.resolve_runs, 0);
}

TEST_F(AwaitFuture, SettlingFromAnotherThreadRunsTheCallbackThere) {
	AwaitProbe probe;
	auto chained = await_with(probe);
	std::thread::id settler_id;
	std::thread settler([&] {
		settler_id = std::this_thread::get_id();
		std::this_thread::sleep_for(std::chrono::milliseconds(20));
		metacall_future_resolve(future.get(), metacall_value_create_int(31));
	});
	const bool ran = probe.ran.wait();
	settler.join();
	ASSERT_TRUE(ran) << "callback did not run within the time limit";
	EXPECT_EQ(probe.thread, settler_id);
	EXPECT_EQ(metacall_value_to_int(probe.received.get()), 31);
	Outcome o = outcome_of(chained.get());
	ASSERT_EQ(o.state, Outcome::Resolved);
	EXPECT_EQ(metacall_value_to_int(o.value.get()), 31);
}

TEST_F(AwaitFuture, SeveralAwaitsOnOneFutureAllRun) {
	AwaitProbe first, second;
	auto a = await_with(first);
	auto b = await_with(second);
	ASSERT_EQ(metacall_future_resolve(future.get(), metacall_value_create_int(2)), 0);
	ASSERT_TRUE(first.ran.wait());
	ASSERT_TRUE(second.ran.wait());
	EXPECT_EQ(metacall_value_to_int(first.received.get()), 2);
	EXPECT_EQ(metacall_value_to_int(second.received.get()), 2);
}

TEST_F(AwaitFuture, PendingAwaitDestroyedUnsettledReleasesEverything) {
	AwaitProbe probe;
	{ auto chained = await_with(probe); }
	future.reset();
	SUCCEED(); // LeakSanitizer checks that nothing is left
}

TEST_F(AwaitFuture, NullFutureFails) {
	AwaitProbe probe;
	metacall_error_clear();
	EXPECT_EQ(metacall_await_future(nullptr, AwaitProbe::on_resolve, AwaitProbe::on_reject, &probe), nullptr);
	EXPECT_TRUE(core_test::last_error_message().has_value());
	EXPECT_EQ(probe.runs(), 0);
}
