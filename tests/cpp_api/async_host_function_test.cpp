// metacall::register_async_function: a C++ callable returning std::future<R> (run on the worker
// pool) or taking a metacall::promise<R> (settled later, from any thread) becomes an async host
// function whose calls return a future at once.
#include "cpp_api_test.h"

#include <chrono>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace {

class AsyncHostFunction : public cpp_api_test::CppApi {};

} // namespace

TEST_F(AsyncHostFunction, ACallableReturningAStdFutureRunsOnThePoolAndResolves) {
	metacall::function add = metacall::register_async_function("host_add", [](long a, long b) {
		return std::async(std::launch::deferred, [a, b] { return a + b; });
	});
	EXPECT_EQ(metacall_function_async(add.get()), 1);
	EXPECT_EQ(metacall::await<long>(add, 20, 22).get(), 42);
	EXPECT_EQ(metacall::await<long>("host_add", 1, 2).get(), 3);
}

TEST_F(AsyncHostFunction, AnExceptionInTheStdFutureRejectsWithItsMessage) {
	metacall::function fail = metacall::register_async_function("host_fail", [](std::string why) {
		return std::async(std::launch::deferred, [why]() -> long { throw std::runtime_error(why); });
	});
	std::future<long> outcome = metacall::await<long>(fail, "no luck");
	try {
		outcome.get();
		FAIL() << "the future resolved";
	} catch (const metacall::exception &e) {
		EXPECT_EQ(e.label(), "CppError");
		EXPECT_STREQ(e.what(), "no luck");
	}
}

TEST_F(AsyncHostFunction, ACallableTakingAPromiseIsSettledFromAnotherThread) {
	std::mutex mutex;
	std::vector<std::thread> workers;
	metacall::function add =
	    metacall::register_async_function("host_add", [&](long a, long b, metacall::promise<long> settle) {
		    std::lock_guard lock(mutex);
		    workers.emplace_back([a, b, settle = std::move(settle)]() mutable {
			    std::this_thread::sleep_for(std::chrono::milliseconds(5));
			    settle.set_value(a + b);
		    });
	    });
	std::future<long> sum = metacall::await<long>(add, 40, 2);
	EXPECT_EQ(sum.get(), 42);
	std::lock_guard lock(mutex);
	for (auto &worker : workers)
		worker.join();
}

TEST_F(AsyncHostFunction, ADroppedPromiseRejectsAndASetErrorKeepsItsLabel) {
	metacall::function dropped =
	    metacall::register_async_function("host_drop", [](long, metacall::promise<long>) {});
	try {
		metacall::await<long>(dropped, 1).get();
		FAIL() << "the future resolved";
	} catch (const metacall::exception &e) {
		EXPECT_EQ(e.label(), "BrokenPromise");
	}
	metacall::function refused =
	    metacall::register_async_function("host_refuse", [](long x, metacall::promise<void> settle) {
		    settle.set_error("RangeError", std::to_string(x));
	    });
	try {
		metacall::await<void>(refused, 7).get();
		FAIL() << "the future resolved";
	} catch (const metacall::exception &e) {
		EXPECT_EQ(e.label(), "RangeError");
		EXPECT_STREQ(e.what(), "7");
	}
}

TEST_F(AsyncHostFunction, ACancelledPromiseSaysSoAndItsLateValueIsDropped) {
	std::promise<metacall::promise<long>> handed;
	metacall::function later = metacall::register_async_function(
	    "host_later", [&](metacall::promise<long> settle) { handed.set_value(std::move(settle)); });
	metacall::value future(metacallfv_s(later.get(), nullptr, 0));
	metacall::promise<long> settle = handed.get_future().get();
	EXPECT_FALSE(settle.cancelled());
	ASSERT_EQ(metacall_future_cancel(future.get()), 0);
	EXPECT_TRUE(settle.cancelled());
	settle.set_value(5); // dropped
	try {
		metacall::await<long>(future).get();
		FAIL() << "the future resolved";
	} catch (const metacall::exception &e) {
		EXPECT_EQ(e.label(), "CancelledError");
	}
}
