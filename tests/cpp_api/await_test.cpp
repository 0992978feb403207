// metacall::await: the outcome of an async call as a std::future, settled by the loader's thread;
// rejections are metacall::exception in the future.
#include "cpp_api_test.h"

#include <chrono>
#include <thread>

using metacall::value;

namespace {

class Await : public cpp_api_test::CppApi {
protected:
	metacall::handle script_ = metacall::handle::load_from_memory("mock", cpp_api_test::mock_script);
};

// A type whose conversion records the thread it ran on.
struct thread_mark {
	std::thread::id converted_on;
	long x = 0;
};

} // namespace

template <>
struct metacall::convert<thread_mark> {
	static thread_mark from_value(void *v) {
		return thread_mark{std::this_thread::get_id(), metacall::convert<long>::from_value(v)};
	}
};

TEST_F(Await, AsyncFunctionResolvesTheFuture) {
	std::future<std::string> echoed = script_.await<std::string>("echo_async", "hello");
	EXPECT_EQ(echoed.get(), "hello");
}

TEST_F(Await, ConversionRunsOnTheThreadThatSettles) {
	// The await is attached before the future settles, so the callback runs on the settling thread
	// (a loader's worker might finish before the await is attached: then it runs at once, here).
	value pending(metacall_future_create());
	value settle_side = pending.copy();
	std::future<thread_mark> outcome = metacall::await<thread_mark>(pending);
	std::thread::id settler_id;
	std::thread settler([&] {
		settler_id = std::this_thread::get_id();
		metacall_future_resolve(settle_side.get(), metacall_value_create_long(5));
	});
	settler.join();
	thread_mark mark = outcome.get();
	EXPECT_EQ(mark.x, 5);
	EXPECT_EQ(mark.converted_on, settler_id);
}

TEST_F(Await, RejectionIsAnExceptionInTheFuture) {
	std::future<long> failed = script_.await<long>("fail_async", "async boom");
	try {
		failed.get();
		FAIL() << "no exception";
	} catch (const metacall::exception &e) {
		EXPECT_EQ(e.label(), "MockError");
		EXPECT_STREQ(e.what(), "async boom");
		EXPECT_EQ(e.code(), 1);
		EXPECT_NE(e.stacktrace().find("fail_async"), std::string::npos) << e.stacktrace();
	}
}

TEST_F(Await, ValueAndVoidResults) {
	value v = script_.await("echo_async", std::vector<long>{1, 2}).get();
	EXPECT_EQ(v.to<std::vector<long>>(), (std::vector<long>{1, 2}));
	script_.await<void>("echo_async", 1L).get();
}

TEST_F(Await, ResultThatDoesNotConvertIsATypeErrorInTheFuture) {
	std::future<long> wrong = script_.await<long>("echo_async", "text");
	EXPECT_THROW(wrong.get(), metacall::type_error);
}

TEST_F(Await, GlobalFunctionsByName) {
	const char script[] = "async fn global_echo(x) = echo\n";
	ASSERT_EQ(metacall_load_from_memory("mock", script, sizeof script, nullptr), 0);
	EXPECT_EQ(metacall::await<long>("global_echo", 9L).get(), 9);
	EXPECT_EQ(metacall::await<long>(std::string("global_echo"), 10L).get(), 10);
}

TEST_F(Await, FunctionObjects) {
	metacall::function echo_async = script_.function("echo_async");
	EXPECT_TRUE(echo_async.is_async());
	EXPECT_EQ(metacall::await<long>(echo_async, 4L).get(), 4);
}

TEST_F(Await, SynchronousFunctionSettlesAtOnce) {
	metacall::register_function("now", [](long x) { return x + 1; });
	std::future<long> ready = metacall::await<long>("now", 1L);
	ASSERT_EQ(ready.wait_for(std::chrono::seconds(0)), std::future_status::ready);
	EXPECT_EQ(ready.get(), 2);
}

TEST_F(Await, SynchronousErrorIsARejection) {
	metacall::register_function("bad", []() -> long { throw std::runtime_error("sync failure"); });
	std::future<long> failed = metacall::await<long>("bad");
	try {
		failed.get();
		FAIL() << "no exception";
	} catch (const metacall::exception &e) {
		EXPECT_EQ(e.label(), "CppError");
		EXPECT_STREQ(e.what(), "sync failure");
	}
}

TEST_F(Await, UnknownNameIsAnErrorAtOnce) {
	EXPECT_THROW(metacall::await<long>("nowhere"), metacall::error);
	EXPECT_THROW(script_.await<long>("nowhere"), metacall::error);
}

TEST_F(Await, FutureValueSettledByAnotherThread) {
	value pending(metacall_future_create());
	value settle_side = pending.copy(); // shares the future
	std::future<std::string> outcome = metacall::await<std::string>(pending);
	std::thread settler(
	    [&] { metacall_future_resolve(settle_side.get(), metacall_value_create_string("done", 4)); });
	EXPECT_EQ(outcome.get(), "done");
	settler.join();
}

TEST_F(Await, FutureValueRejected) {
	value pending(metacall_future_create());
	std::future<long> outcome = metacall::await<long>(pending);
	metacall_future_reject(pending.get(), metacall_error_throw("Cancelled", 2, nullptr, "gave up"));
	try {
		outcome.get();
		FAIL() << "no exception";
	} catch (const metacall::exception &e) {
		EXPECT_EQ(e.label(), "Cancelled");
		EXPECT_EQ(e.code(), 2);
	}
}

TEST_F(Await, AwaitingAValueThatIsNotAFutureIsAnError) {
	EXPECT_THROW(metacall::await<long>(value::from(1)), metacall::error);
}

TEST_F(Await, ManyConcurrentAwaitsEachGetTheirOwnResult) {
	std::vector<std::future<long>> futures;
	for (long i = 0; i < 64; ++i)
		futures.push_back(script_.await<long>(i % 2 == 0 ? "echo_async" : "fail_async", i));
	for (long i = 0; i < 64; ++i) {
		if (i % 2 == 0)
			EXPECT_EQ(futures[i].get(), i);
		else
			EXPECT_THROW(futures[i].get(), metacall::exception);
	}
}
