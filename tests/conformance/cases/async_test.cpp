// Async functions: metacall_await settles through the resolve or reject callback, and the future it
// returns settles with what the callback returned. Every wait has a timeout.
#include "equivalence.h"
#include "fixture.h"

#include <atomic>
#include <list>
#include <thread>
#include <vector>

namespace {

class Async : public Conformance {
protected:
	void SetUp() override {
		Conformance::SetUp();
		if (HasFatalFailure())
			return;
		CONFORMANCE_REQUIRE_ASYNC();
		ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	}

	// metacall_await(name, {argument}) with `probe`'s callbacks; takes `argument`.
	ValuePtr await(const char *name, void *argument, AwaitProbe &probe) {
		Args args{argument};
		return ValuePtr(
		    metacall_await(name, args.data(), AwaitProbe::on_resolve, AwaitProbe::on_reject, &probe));
	}
};

TEST_P(Async, AwaitResolvesWithTheEchoedValue) {
	AwaitProbe &settled = probe();
	const ValuePtr sent(metacall_value_create_string("later", 5));
	const ValuePtr future = await("echo_async", metacall_value_copy(sent.get()), settled);
	ASSERT_NE(future, nullptr) << last_error_message();
	ASSERT_TRUE(settled.wait()) << "the resolve callback did not run";
	EXPECT_TRUE(settled.resolved());
	EXPECT_TRUE(equivalent(sent.get(), settled.value(), loader()));
}

TEST_P(Async, AwaitReturnsAFuture) {
	AwaitProbe &settled = probe();
	const ValuePtr future = await("echo_async", metacall_value_create_long(1), settled);
	ASSERT_NE(future, nullptr) << last_error_message();
	EXPECT_EQ(metacall_value_id(future.get()), METACALL_FUTURE) << describe(future.get());
	EXPECT_TRUE(settled.wait());
}

TEST_P(Async, TheFutureOfAwaitSettlesWithTheCallbacksResult) {
	AwaitProbe &first = probe();
	first.reply_with(ValuePtr(metacall_value_create_string("from resolve", 12)));
	const ValuePtr future = await("echo_async", metacall_value_create_long(1), first);
	ASSERT_NE(future, nullptr) << last_error_message();
	ASSERT_TRUE(first.wait()) << "the resolve callback did not run";

	AwaitProbe &chained = probe();
	const ValuePtr again(
	    metacall_await_future(future.get(), AwaitProbe::on_resolve, AwaitProbe::on_reject, &chained));
	ASSERT_NE(again, nullptr) << last_error_message();
	ASSERT_TRUE(chained.wait()) << "the future returned by metacall_await never settled";
	EXPECT_TRUE(chained.resolved());
	ASSERT_EQ(metacall_value_id(chained.value()), METACALL_STRING) << describe(chained.value());
	EXPECT_STREQ(metacall_value_to_string(chained.value()), "from resolve");
}

TEST_P(Async, EachCallbackRunsOnce) {
	AwaitProbe &settled = probe();
	const ValuePtr future = await("echo_async", metacall_value_create_long(1), settled);
	ASSERT_NE(future, nullptr) << last_error_message();
	ASSERT_TRUE(settled.wait());
	// Give a wrong second settlement the time to show up.
	std::this_thread::sleep_for(std::chrono::milliseconds(50));
	EXPECT_EQ(settled.settlements(), 1);
}

TEST_P(Async, FailAsyncRunsTheRejectCallbackWithTheException) {
	AwaitProbe &settled = probe();
	const ValuePtr future = await("fail_async", metacall_value_create_string("boom", 4), settled);
	ASSERT_NE(future, nullptr) << last_error_message();
	ASSERT_TRUE(settled.wait()) << "the reject callback did not run";
	EXPECT_FALSE(settled.resolved());
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(settled.value(), &error), 0) << describe(settled.value());
	EXPECT_EQ(std::string(error.label), loader().error_label);
	EXPECT_STREQ(error.message, "boom");
}

TEST_P(Async, ARejectedCallbacksThrowableRejectsTheFutureOfAwait) {
	AwaitProbe &first = probe(); // replies with a copy of the throwable: the chain stays rejected
	const ValuePtr future = await("fail_async", metacall_value_create_string("boom", 4), first);
	ASSERT_NE(future, nullptr) << last_error_message();
	ASSERT_TRUE(first.wait());

	AwaitProbe &chained = probe();
	const ValuePtr again(
	    metacall_await_future(future.get(), AwaitProbe::on_resolve, AwaitProbe::on_reject, &chained));
	ASSERT_NE(again, nullptr) << last_error_message();
	ASSERT_TRUE(chained.wait()) << "the future returned by metacall_await never settled";
	EXPECT_FALSE(chained.resolved());
}

TEST_P(Async, CallingAnAsyncFunctionDirectlyReturnsAFutureThatSettles) {
	Args args{metacall_value_create_long(5)};
	const ValuePtr future(metacallv_s("echo_async", args.data(), args.size()));
	ASSERT_NE(future, nullptr) << last_error_message();
	ASSERT_EQ(metacall_value_id(future.get()), METACALL_FUTURE) << describe(future.get());
	AwaitProbe &settled = probe();
	const ValuePtr chained(
	    metacall_await_future(future.get(), AwaitProbe::on_resolve, AwaitProbe::on_reject, &settled));
	ASSERT_NE(chained, nullptr) << last_error_message();
	ASSERT_TRUE(settled.wait());
	EXPECT_TRUE(settled.resolved());
	EXPECT_TRUE(equivalent(args[0], settled.value(), loader()));
}

TEST_P(Async, AwaitOnASyncFunctionRunsResolveWithItsResult) {
	AwaitProbe &settled = probe();
	const ValuePtr future = await("echo", metacall_value_create_long(3), settled);
	ASSERT_NE(future, nullptr) << last_error_message();
	ASSERT_TRUE(settled.wait(std::chrono::milliseconds(1000)));
	EXPECT_TRUE(settled.resolved());
	EXPECT_TRUE(is_number(settled.value(), 3));
}

TEST_P(Async, AwaitOnAnUnknownFunctionReturnsNull) {
	AwaitProbe &settled = probe();
	const ValuePtr future = await("no_such_function", metacall_value_create_long(3), settled);
	EXPECT_EQ(future, nullptr) << describe(future.get());
	EXPECT_EQ(settled.settlements(), 0);
}

TEST_P(Async, AwaitFromFourThreadsAtOnceSettlesEveryCall) {
	constexpr int threads = 4;
	constexpr int calls = 250;
	std::vector<std::list<AwaitProbe>> probes(threads); // per thread: probe() is not thread-safe
	std::vector<std::thread> workers;
	std::atomic<int> refused{0};
	for (int t = 0; t < threads; ++t) {
		workers.emplace_back([&, t] {
			for (int i = 0; i < calls; ++i) {
				AwaitProbe &settled = probes[t].emplace_back();
				Args args{metacall_value_create_long(t * calls + i)};
				const ValuePtr future(metacall_await("echo_async", args.data(), AwaitProbe::on_resolve,
				                                     AwaitProbe::on_reject, &settled));
				if (future == nullptr)
					++refused;
			}
		});
	}
	for (std::thread &worker : workers)
		worker.join();
	EXPECT_EQ(refused.load(), 0);
	int wrong = 0;
	for (int t = 0; t < threads; ++t) {
		int i = 0;
		for (AwaitProbe &settled : probes[t]) {
			if (!settled.wait() || !settled.resolved() || !is_number(settled.value(), t * calls + i))
				++wrong;
			++i;
		}
	}
	EXPECT_EQ(wrong, 0) << "awaits that did not resolve with their own argument";
	metacall_destroy(); // the probes must outlive every callback
}

INSTANTIATE_TEST_SUITE_P(Loaders, Async, ::testing::ValuesIn(conformance_loaders()), loader_test_name);

} // namespace
