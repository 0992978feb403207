// Promises <-> futures: metacall_await on async functions and on functions returning a promise,
// settled by timers (the event loop keeps running between calls), and JS awaiting futures that
// C settles later from another thread.
#include "node_test.h"

#include <thread>

namespace {

class NodeAsync : public NodeLoaderTest {
protected:
	void SetUp() override {
		NodeLoaderTest::SetUp();
		ASSERT_EQ(load("promises.js"), 0) << last_error();
	}

	// A function value for a host function that returns a copy of the pending future `future`.
	static void *returning(void *future) {
		void *func = nullptr;
		EXPECT_EQ(metacall_registerv_closure(
		              nullptr, [](size_t, void *[], void *data) { return metacall_value_copy(data); }, future,
		              &func, METACALL_FUTURE, 0, nullptr),
		          0)
		    << last_error();
		return metacall_value_create_function(func);
	}

	// Settles `future` from another thread after `delay`.
	static std::thread settle_later(void *future, bool resolve, void *value,
	                                std::chrono::milliseconds delay = std::chrono::milliseconds(50)) {
		return std::thread([=] {
			std::this_thread::sleep_for(delay);
			if (resolve)
				metacall_future_resolve(future, value);
			else
				metacall_future_reject(future, value);
		});
	}

	Settlement settlement_;
};

TEST_F(NodeAsync, AwaitingAnAsyncFunctionResolvesAfterItsTimer) {
	const ValuePtr future =
	    await("resolve_later", {string_value("done"), metacall_value_create_long(30)}, settlement_);
	ASSERT_NE(future, nullptr) << last_error();
	ASSERT_TRUE(settlement_.wait()) << "never settled";
	EXPECT_TRUE(settlement_.resolved());
	EXPECT_TRUE(is_string(settlement_.value(), "done"));
}

TEST_F(NodeAsync, TimersKeepRunningBetweenCalls) {
	Settlement slow, fast;
	const ValuePtr slow_future =
	    await("resolve_later", {metacall_value_create_long(1), metacall_value_create_long(80)}, slow);
	const ValuePtr fast_future =
	    await("resolve_later", {metacall_value_create_long(2), metacall_value_create_long(10)}, fast);
	ASSERT_NE(slow_future, nullptr) << last_error();
	ASSERT_NE(fast_future, nullptr) << last_error();
	// Calls in between do not stop or flush the timers.
	for (int i = 0; i < 5; ++i)
		EXPECT_TRUE(is_bool(call("is_promise", {metacall_value_create_long(i)}).get(), false));
	ASSERT_TRUE(fast.wait()) << "the 10 ms timer never fired";
	EXPECT_TRUE(is_long(fast.value(), 2));
	ASSERT_TRUE(slow.wait()) << "the 80 ms timer never fired";
	EXPECT_TRUE(is_long(slow.value(), 1));
}

TEST_F(NodeAsync, AnAsyncFunctionThatRejectsLaterRunsRejectWithItsError) {
	const ValuePtr future =
	    await("reject_later", {string_value("late failure"), metacall_value_create_long(20)}, settlement_);
	ASSERT_NE(future, nullptr) << last_error();
	ASSERT_TRUE(settlement_.wait()) << "never settled";
	EXPECT_FALSE(settlement_.resolved());
	EXPECT_TRUE(is_error(settlement_.value(), "RangeError", "late failure"));
}

TEST_F(NodeAsync, ASyncFunctionReturningAPromiseGivesAFuture) {
	EXPECT_EQ(metacall_function_async(metacall_function("promise_later")), 0);
	const ValuePtr result =
	    call("promise_later", {metacall_value_create_long(1), metacall_value_create_long(1)});
	EXPECT_EQ(metacall_value_id(result.get()), METACALL_FUTURE) << describe(result.get());
}

TEST_F(NodeAsync, AwaitingASyncFunctionReturningAPromiseResolvesWithItsValue) {
	const ValuePtr future =
	    await("promise_later", {string_value("from a promise"), metacall_value_create_long(30)}, settlement_);
	ASSERT_NE(future, nullptr) << last_error();
	ASSERT_TRUE(settlement_.wait()) << "never settled";
	EXPECT_TRUE(settlement_.resolved());
	EXPECT_TRUE(is_string(settlement_.value(), "from a promise"));
}

TEST_F(NodeAsync, AwaitingASyncFunctionReturningARejectedPromiseRunsReject) {
	const ValuePtr future =
	    await("rejected_promise_later", {string_value("promised failure"), metacall_value_create_long(30)},
	          settlement_);
	ASSERT_NE(future, nullptr) << last_error();
	ASSERT_TRUE(settlement_.wait()) << "never settled";
	EXPECT_FALSE(settlement_.resolved());
	EXPECT_TRUE(is_error(settlement_.value(), "TypeError", "promised failure"));
}

TEST_F(NodeAsync, ACFutureArrivesAsAPromise) {
	const ValuePtr future(metacall_future_create());
	EXPECT_TRUE(is_bool(call("is_promise", {metacall_value_copy(future.get())}).get(), true));
}

TEST_F(NodeAsync, JsAwaitsAFutureAHostFunctionReturnsSettledLaterFromAnotherThread) {
	const ValuePtr future(metacall_future_create());
	const ValuePtr result = await("await_host", {returning(future.get())}, settlement_);
	ASSERT_NE(result, nullptr) << last_error();
	EXPECT_FALSE(settlement_.settled()) << "settled before C settled its future";
	std::thread settler = settle_later(future.get(), true, metacall_value_create_long(21));
	const bool settled = settlement_.wait();
	settler.join();
	ASSERT_TRUE(settled) << "never settled";
	EXPECT_TRUE(settlement_.resolved());
	EXPECT_TRUE(is_long(settlement_.value(), 42));
}

TEST_F(NodeAsync, JsCatchesAFutureThatCRejectsFromAnotherThread) {
	const ValuePtr future(metacall_future_create());
	const ValuePtr result = await("await_host_catching", {returning(future.get())}, settlement_);
	ASSERT_NE(result, nullptr) << last_error();
	std::thread settler =
	    settle_later(future.get(), false, metacall_error_throw("HostError", 0, nullptr, "rejected from C"));
	const bool settled = settlement_.wait();
	settler.join();
	ASSERT_TRUE(settled) << "never settled";
	EXPECT_TRUE(settlement_.resolved());
	EXPECT_TRUE(is_string(settlement_.value(), "caught HostError: rejected from C"));
}

TEST_F(NodeAsync, JsAwaitsAFuturePassedAsAnArgument) {
	const ValuePtr future(metacall_future_create());
	const ValuePtr result = await("await_argument", {metacall_value_copy(future.get())}, settlement_);
	ASSERT_NE(result, nullptr) << last_error();
	std::thread settler = settle_later(future.get(), true, metacall_value_create_long(41));
	const bool settled = settlement_.wait();
	settler.join();
	ASSERT_TRUE(settled) << "never settled";
	EXPECT_TRUE(is_long(settlement_.value(), 42));
}

} // namespace
