// Coroutines -> futures: metacall_await resolves with the coroutine's result or rejects with its
// exception. Every wait has a timeout.
#include "py_test.h"

#include <condition_variable>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

namespace {

// Records how a future settled (on whatever thread settles it).
class Settlement {
public:
	static void *on_resolve(void *value, void *data) {
		return static_cast<Settlement *>(data)->record(true, value);
	}
	static void *on_reject(void *value, void *data) {
		return static_cast<Settlement *>(data)->record(false, value);
	}

	bool wait(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
		std::unique_lock lock(mutex_);
		return settled_.wait_for(lock, timeout, [&] { return done_; });
	}
	bool resolved() const { return resolved_; }
	void *value() const { return value_.get(); }

private:
	void *record(bool resolved, void *value) {
		std::lock_guard lock(mutex_);
		resolved_ = resolved;
		value_.reset(value != nullptr ? metacall_value_copy(value) : metacall_value_create_null());
		done_ = true;
		settled_.notify_all();
		return nullptr;
	}

	std::mutex mutex_;
	std::condition_variable settled_;
	bool done_ = false;
	bool resolved_ = false;
	ValuePtr value_;
};

class PyAsync : public PyLoaderTest {
protected:
	void SetUp() override {
		PyLoaderTest::SetUp();
		ASSERT_EQ(load("coroutines.py"), 0) << last_error();
	}
	void TearDown() override {
		PyLoaderTest::TearDown(); // before the settlements go: destroy may still settle them
	}

	// metacall_await(name, args) into `settlement`, taking the arguments.
	static ValuePtr await(const char *name, std::initializer_list<void *> args, Settlement &settlement) {
		Args owned(args);
		return ValuePtr(
		    metacall_await(name, owned.data(), Settlement::on_resolve, Settlement::on_reject, &settlement));
	}

	Settlement settlement_;
};

TEST_F(PyAsync, AwaitResolvesWithTheCoroutinesResult) {
	const ValuePtr future =
	    await("later", {metacall_value_create_long(7), metacall_value_create_double(0.01)}, settlement_);
	ASSERT_NE(future, nullptr) << last_error();
	ASSERT_TRUE(settlement_.wait()) << "never settled";
	EXPECT_TRUE(settlement_.resolved());
	EXPECT_TRUE(is_long(settlement_.value(), 7));
}

TEST_F(PyAsync, AwaitRejectsWithTheCoroutinesException) {
	const ValuePtr future =
	    await("fail_later", {string_value("boom"), metacall_value_create_double(0.01)}, settlement_);
	ASSERT_NE(future, nullptr) << last_error();
	ASSERT_TRUE(settlement_.wait()) << "never settled";
	EXPECT_FALSE(settlement_.resolved());
	EXPECT_TRUE(is_error(settlement_.value(), "KeyError", "boom"));
}

TEST_F(PyAsync, ABareExceptionWithOneArgumentRejectsWithTheArgument) {
	const ValuePtr future = await("fail_with_value", {metacall_value_create_long(15)}, settlement_);
	ASSERT_NE(future, nullptr) << last_error();
	ASSERT_TRUE(settlement_.wait()) << "never settled";
	EXPECT_FALSE(settlement_.resolved());
	EXPECT_TRUE(is_long(settlement_.value(), 15)); // as MetaCall hands it (metacall_python_async_test)
}

TEST_F(PyAsync, ABareExceptionWithSeveralArgumentsRejectsWithTheException) {
	const ValuePtr future =
	    await("fail_with_two", {metacall_value_create_long(1), metacall_value_create_long(2)}, settlement_);
	ASSERT_NE(future, nullptr) << last_error();
	ASSERT_TRUE(settlement_.wait()) << "never settled";
	EXPECT_FALSE(settlement_.resolved());
	EXPECT_TRUE(is_error(settlement_.value(), "Exception", "(1, 2)"));
}

TEST_F(PyAsync, ARaiseBeforeTheFirstAwaitRejectsToo) {
	const ValuePtr future = await("fail_at_once", {string_value("at once")}, settlement_);
	ASSERT_NE(future, nullptr) << last_error();
	ASSERT_TRUE(settlement_.wait());
	EXPECT_FALSE(settlement_.resolved());
	EXPECT_TRUE(is_error(settlement_.value(), "LookupError", "at once"));
}

TEST_F(PyAsync, ACoroutineReturnedByAPlainFunctionIsAFuture) {
	const ValuePtr future = call("make_coroutine", {metacall_value_create_long(5)});
	ASSERT_EQ(metacall_value_id(future.get()), METACALL_FUTURE) << describe(future.get());
	const ValuePtr chained(
	    metacall_await_future(future.get(), Settlement::on_resolve, Settlement::on_reject, &settlement_));
	ASSERT_NE(chained, nullptr) << last_error();
	ASSERT_TRUE(settlement_.wait());
	EXPECT_TRUE(is_long(settlement_.value(), 5));
}

TEST_F(PyAsync, CoroutinesRunConcurrentlyOnOneLoop) {
	const ValuePtr future = await("gathered", {}, settlement_);
	ASSERT_TRUE(settlement_.wait(std::chrono::seconds(2))) << "three 50 ms sleeps did not overlap";
	ASSERT_EQ(metacall_value_count(settlement_.value()), 3u) << describe(settlement_.value());
	EXPECT_TRUE(is_long(metacall_value_to_array(settlement_.value())[2], 3));
}

TEST_F(PyAsync, CoroutinesRunOnTheLoadersEventLoopThread) {
	const ValuePtr future = await("thread_name", {}, settlement_);
	ASSERT_TRUE(settlement_.wait());
	EXPECT_TRUE(is_string(settlement_.value(), "metacall-py-asyncio"));
}

TEST_F(PyAsync, TheFirstAwaitsFromSeveralThreadsAtOnceShareOneLoop) {
	// The event loop starts on the first async call: here four threads make it at the same time,
	// and (in a fresh process, as ctest runs each test) the first one imports asyncio meanwhile.
	ASSERT_EQ(load("first_async.py"), 0) << last_error();
	constexpr int threads = 4, calls = 50;
	std::vector<std::list<Settlement>> settlements(threads);
	std::vector<std::thread> workers;
	for (int t = 0; t < threads; ++t) {
		workers.emplace_back([&, t] {
			for (int i = 0; i < calls; ++i) {
				const ValuePtr future = await("echo_async", {metacall_value_create_long(t * calls + i)},
				                              settlements[t].emplace_back());
				EXPECT_NE(future, nullptr) << last_error();
			}
		});
	}
	for (std::thread &worker : workers)
		worker.join();
	for (int t = 0; t < threads; ++t) {
		int i = 0;
		for (Settlement &settled : settlements[t]) {
			ASSERT_TRUE(settled.wait()) << "thread " << t << " call " << i << " never settled";
			EXPECT_TRUE(is_long(settled.value(), t * calls + i));
			++i;
		}
	}
	metacall_destroy(); // while the settlements live
}

TEST_F(PyAsync, DestroyRejectsACoroutineStillRunning) {
	const ValuePtr future = await("forever", {}, settlement_);
	ASSERT_NE(future, nullptr) << last_error();
	setenv("METACALL_DESTROY_TIMEOUT", "0.2", 1); // the drain's bound (#20): it never finishes
	within(std::chrono::seconds(20), [] { metacall_destroy(); });
	unsetenv("METACALL_DESTROY_TIMEOUT");
	ASSERT_TRUE(settlement_.wait(std::chrono::seconds(1))) << "destroy left the future pending";
	EXPECT_FALSE(settlement_.resolved());
	EXPECT_TRUE(is_error(settlement_.value(), "CancelledError"));
}

// A metacall future passed to Python is awaitable there, settled from another thread.
TEST_F(PyAsync, AFuturePassedToPythonIsAwaitable) {
	void *pending = metacall_future_create();
	const ValuePtr keep(metacall_value_copy(pending));
	const ValuePtr future = await("await_plus_one", {pending}, settlement_);
	ASSERT_NE(future, nullptr) << last_error();
	std::thread settler([&] {
		std::this_thread::sleep_for(std::chrono::milliseconds(50));
		EXPECT_EQ(metacall_future_resolve(keep.get(), metacall_value_create_long(41)), 0);
	});
	settler.join();
	ASSERT_TRUE(settlement_.wait()) << "never settled";
	EXPECT_TRUE(settlement_.resolved()) << describe(settlement_.value());
	EXPECT_TRUE(is_long(settlement_.value(), 42)) << describe(settlement_.value());
}

TEST_F(PyAsync, AFutureSettledBeforeItIsAwaitedReturnsAtOnce) {
	void *pending = metacall_future_create();
	ASSERT_EQ(metacall_future_resolve(pending, metacall_value_create_long(1)), 0);
	const ValuePtr future = await("await_plus_one", {pending}, settlement_);
	ASSERT_NE(future, nullptr) << last_error();
	ASSERT_TRUE(settlement_.wait()) << "never settled";
	EXPECT_TRUE(is_long(settlement_.value(), 2)) << describe(settlement_.value());
}

TEST_F(PyAsync, ARejectedFutureRaisesWhereItIsAwaited) {
	void *pending = metacall_future_create();
	const ValuePtr keep(metacall_value_copy(pending));
	const ValuePtr future = await("await_plus_one", {pending}, settlement_);
	ASSERT_NE(future, nullptr) << last_error();
	std::thread settler([&] {
		std::this_thread::sleep_for(std::chrono::milliseconds(50));
		EXPECT_EQ(metacall_future_reject(keep.get(), metacall_error_throw("KeyError", 0, nullptr, "missing")),
		          0);
	});
	settler.join();
	ASSERT_TRUE(settlement_.wait()) << "never settled";
	EXPECT_FALSE(settlement_.resolved());
	EXPECT_TRUE(is_error(settlement_.value(), "KeyError", "missing")) << describe(settlement_.value());
}

} // namespace
