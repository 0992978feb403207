// Async host functions: metacall_registerv_pool (a blocking callback on the worker pool) and
// metacall_registerv_async (the callback settles a future); cancellation; metacall_destroy with
// work in flight (run under ASan/LSan in CI: nothing may leak or be used after it is freed).
#include "async_host_probe.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using async_host_test::Outcome;

namespace {

class AsyncHost : public ::testing::Test {
protected:
	void SetUp() override { ASSERT_EQ(metacall_initialize(), 0); }
	void TearDown() override { metacall_destroy(); }
};

enum metacall_value_id two_longs[] = {METACALL_LONG, METACALL_LONG};

void *pooled_add(size_t, void *argv[], void *) {
	std::this_thread::sleep_for(std::chrono::milliseconds(1));
	return metacall_value_create_long(metacall_value_to_long(argv[0]) + metacall_value_to_long(argv[1]));
}

void *pooled_throw(size_t, void *argv[], void *) {
	return metacall_error_throw("ValueError", 7, nullptr, "cannot take %ld", metacall_value_to_long(argv[0]));
}

// Runs until its call is cancelled (at most 20 s); counts the callbacks that saw the flag.
std::atomic<int> saw_cancel{0};
std::atomic<int> started{0};
void *pooled_until_cancelled(size_t, void *[], void *) {
	++started;
	const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
	while (metacall_pool_cancelled() == 0 && std::chrono::steady_clock::now() < until)
		std::this_thread::sleep_for(std::chrono::milliseconds(1));
	if (metacall_pool_cancelled() != 0)
		++saw_cancel;
	return metacall_value_create_long(-1); // dropped: the future was cancelled
}

void *call2(void *func, long a, long b) {
	void *args[] = {metacall_value_create_long(a), metacall_value_create_long(b)};
	void *result = metacallfv_s(func, args, 2);
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
	return result;
}

// metacall_registerv_async: the host keeps the futures and settles them on a thread of its own.
struct Settler {
	std::mutex mutex;
	std::vector<std::pair<void *, long>> pending; // (future, a + b)
	static void start(size_t, void *argv[], void *future, void *data) {
		auto *self = static_cast<Settler *>(data);
		std::lock_guard lock(self->mutex);
		self->pending.emplace_back(future, metacall_value_to_long(argv[0]) + metacall_value_to_long(argv[1]));
	}
	// Settles every pending future; returns how many settles were refused (already cancelled).
	int settle_all() {
		std::vector<std::pair<void *, long>> taken;
		{
			std::lock_guard lock(mutex);
			taken.swap(pending);
		}
		int refused = 0;
		for (auto &[future, sum] : taken) {
			refused += metacall_future_resolve(future, metacall_value_create_long(sum)) != 0;
			metacall_value_destroy(future);
		}
		return refused;
	}
};

} // namespace

TEST_F(AsyncHost, APooledFunctionIsAsyncAndResolvesWithItsResult) {
	void *func = nullptr;
	ASSERT_EQ(metacall_registerv_pool("host_add", pooled_add, nullptr, &func, METACALL_LONG, 2, two_longs),
	          0);
	EXPECT_EQ(metacall_function_async(func), 1);
	void *future = call2(func, 1, 2);
	ASSERT_NE(future, nullptr);
	ASSERT_EQ(metacall_value_id(future), METACALL_FUTURE);
	Outcome outcome;
	ASSERT_TRUE(outcome.wait(future));
	EXPECT_TRUE(outcome.resolved());
	EXPECT_EQ(outcome.as_long(), 3);
}

TEST_F(AsyncHost, InspectMarksAsyncHostFunctionsAsync) {
	ASSERT_EQ(metacall_registerv_pool("pooled", pooled_add, nullptr, nullptr, METACALL_LONG, 2, two_longs),
	          0);
	Settler settler;
	ASSERT_EQ(
	    metacall_registerv_async("settled", Settler::start, &settler, nullptr, METACALL_LONG, 2, two_longs),
	    0);
	ASSERT_EQ(metacall_register("plain", pooled_add, nullptr, METACALL_LONG, 2, METACALL_LONG, METACALL_LONG),
	          0);
	char *json = metacall_inspect(nullptr, nullptr);
	ASSERT_NE(json, nullptr);
	const std::string text = json;
	free(json);
	for (const char *name : {"pooled", "settled"}) {
		const size_t at = text.find(std::string("\"name\":\"") + name + "\"");
		ASSERT_NE(at, std::string::npos) << text;
		const size_t async_at = text.find("\"async\":", at);
		ASSERT_NE(async_at, std::string::npos);
		EXPECT_EQ(text.compare(async_at, 12, "\"async\":true"), 0) << name << ": " << text.substr(at, 300);
	}
	const size_t plain = text.find("\"name\":\"plain\"");
	ASSERT_NE(plain, std::string::npos);
	EXPECT_EQ(text.compare(text.find("\"async\":", plain), 13, "\"async\":false"), 0);
}

TEST_F(AsyncHost, AThousandPooledCallsInFlightAllResolveWithTheirValues) {
	void *func = nullptr;
	ASSERT_EQ(metacall_registerv_pool("host_add", pooled_add, nullptr, &func, METACALL_LONG, 2, two_longs),
	          0);
	std::vector<void *> futures;
	for (long i = 0; i < 1000; ++i)
		futures.push_back(call2(func, i, 1000));
	for (long i = 0; i < 1000; ++i) {
		Outcome outcome;
		ASSERT_TRUE(outcome.wait(futures[i]));
		ASSERT_TRUE(outcome.resolved());
		EXPECT_EQ(outcome.as_long(), i + 1000);
	}
}

TEST_F(AsyncHost, AWorkerThatThrowsRejectsWithItsMessage) {
	void *func = nullptr;
	ASSERT_EQ(
	    metacall_registerv_pool("host_throw", pooled_throw, nullptr, &func, METACALL_LONG, 2, two_longs), 0);
	Outcome outcome;
	ASSERT_TRUE(outcome.wait(call2(func, 41, 0)));
	EXPECT_FALSE(outcome.resolved());
	EXPECT_EQ(outcome.error(), "ValueError: cannot take 41");
}

TEST_F(AsyncHost, ArgumentsOfAnotherTypeAreATypeErrorAndStartNothing) {
	void *func = nullptr;
	ASSERT_EQ(metacall_registerv_pool("host_add", pooled_add, nullptr, &func, METACALL_LONG, 2, two_longs),
	          0);
	void *args[] = {metacall_value_create_string("x", 1), metacall_value_create_long(1)};
	void *result = metacallfv_s(func, args, 2);
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
	ASSERT_NE(result, nullptr);
	EXPECT_EQ(metacall_value_id(result), METACALL_THROWABLE);
	metacall_value_destroy(result);
	void *narrow = metacall_value_create_int(5), *other = metacall_value_create_long(6);
	void *converted[] = {narrow, other};
	Outcome outcome; // an int for a long parameter is converted, as for plain host functions
	ASSERT_TRUE(outcome.wait(metacallfv_s(func, converted, 2)));
	EXPECT_EQ(outcome.as_long(), 11);
	metacall_value_destroy(narrow);
	metacall_value_destroy(other);
}

TEST_F(AsyncHost, TheSettlingCallbackGetsAFutureItSettlesFromAnotherThread) {
	Settler settler;
	void *func = nullptr;
	ASSERT_EQ(
	    metacall_registerv_async("host_add", Settler::start, &settler, &func, METACALL_LONG, 2, two_longs),
	    0);
	EXPECT_EQ(metacall_function_async(func), 1);
	void *future = call2(func, 20, 22);
	ASSERT_EQ(metacall_value_id(future), METACALL_FUTURE);
	std::thread settling([&] { EXPECT_EQ(settler.settle_all(), 0); });
	settling.join();
	Outcome outcome;
	ASSERT_TRUE(outcome.wait(future));
	EXPECT_TRUE(outcome.resolved());
	EXPECT_EQ(outcome.as_long(), 42);
}

TEST_F(AsyncHost, CancellingRejectsAtOnceAndTheWorkerSeesItsFlag) {
	saw_cancel = 0;
	started = 0;
	void *func = nullptr;
	ASSERT_EQ(metacall_registerv_pool("host_wait", pooled_until_cancelled, nullptr, &func, METACALL_LONG, 0,
	                                  nullptr),
	          0);
	void *future = metacallfv_s(func, nullptr, 0);
	ASSERT_EQ(metacall_value_id(future), METACALL_FUTURE);
	while (started.load() == 0)
		std::this_thread::sleep_for(std::chrono::milliseconds(1));
	EXPECT_EQ(metacall_future_cancelled(future), 0);
	ASSERT_EQ(metacall_future_cancel(future), 0);
	EXPECT_EQ(metacall_future_cancelled(future), 1);
	EXPECT_NE(metacall_future_cancel(future), 0); // settled already
	Outcome outcome;
	ASSERT_TRUE(outcome.wait(future));
	EXPECT_FALSE(outcome.resolved());
	EXPECT_EQ(outcome.error().rfind("CancelledError: ", 0), 0u) << outcome.error();
	metacall_destroy(); // waits for the worker, which returns once it sees the flag
	EXPECT_EQ(saw_cancel.load(), 1);
}

TEST_F(AsyncHost, ASettlingCallbacksCancelledFutureRefusesTheLateResult) {
	Settler settler;
	void *func = nullptr;
	ASSERT_EQ(
	    metacall_registerv_async("host_add", Settler::start, &settler, &func, METACALL_LONG, 2, two_longs),
	    0);
	void *future = call2(func, 1, 1);
	ASSERT_EQ(metacall_future_cancel(future), 0);
	{
		std::lock_guard lock(settler.mutex);
		ASSERT_EQ(settler.pending.size(), 1u);
		EXPECT_EQ(metacall_future_cancelled(settler.pending[0].first), 1); // the host's copy sees it
	}
	EXPECT_EQ(settler.settle_all(), 1); // refused, and its value destroyed
	Outcome outcome;
	ASSERT_TRUE(outcome.wait(future));
	EXPECT_FALSE(outcome.resolved());
}

TEST(AsyncHostDestroy, DestroyWithWorkInFlightCancelsWaitsAndLeaksNothing) {
	saw_cancel = 0;
	started = 0;
	ASSERT_EQ(metacall_initialize(), 0);
	ASSERT_EQ(metacall_pool_size(2), 0);
	void *waiting = nullptr, *adding = nullptr, *settled = nullptr;
	ASSERT_EQ(metacall_registerv_pool("host_wait", pooled_until_cancelled, nullptr, &waiting, METACALL_LONG,
	                                  0, nullptr),
	          0);
	ASSERT_EQ(metacall_registerv_pool("host_add", pooled_add, nullptr, &adding, METACALL_LONG, 2, two_longs),
	          0);
	Settler settler;
	ASSERT_EQ(metacall_registerv_async("host_settled", Settler::start, &settler, &settled, METACALL_LONG, 2,
	                                   two_longs),
	          0);
	std::vector<void *> futures;
	futures.push_back(metacallfv_s(waiting, nullptr, 0));
	futures.push_back(metacallfv_s(waiting, nullptr, 0)); // both workers busy
	for (long i = 0; i < 50; ++i)
		futures.push_back(call2(adding, i, i)); // queued behind them: never run
	for (long i = 0; i < 5; ++i)
		futures.push_back(call2(settled, i, i)); // held by the host
	while (started.load() < 2)
		std::this_thread::sleep_for(std::chrono::milliseconds(1));
	setenv("METACALL_DESTROY_TIMEOUT", "0.2", 1); // the drain (#20) ends at its bound: they never finish
	metacall_destroy(); // cancels, waits for both running callbacks, drops the queued jobs
	unsetenv("METACALL_DESTROY_TIMEOUT");
	EXPECT_EQ(saw_cancel.load(), 2);
	for (void *future : futures) {
		Outcome outcome;
		ASSERT_TRUE(outcome.wait(future)); // settled already: the wait returns at once
		EXPECT_FALSE(outcome.resolved());
		EXPECT_EQ(outcome.error().rfind("CancelledError: metacall_destroy", 0), 0u) << outcome.error();
	}
	EXPECT_EQ(settler.settle_all(), 5); // the host's late results are refused and freed
	// The library works again afterwards, pool included.
	ASSERT_EQ(metacall_initialize(), 0);
	void *again = nullptr;
	ASSERT_EQ(metacall_registerv_pool("host_add", pooled_add, nullptr, &again, METACALL_LONG, 2, two_longs),
	          0);
	Outcome outcome;
	ASSERT_TRUE(outcome.wait(call2(again, 2, 3)));
	EXPECT_EQ(outcome.as_long(), 5);
	metacall_destroy();
}

TEST(AsyncHostErrors, RegisteringWithoutACallbackFails) {
	ASSERT_EQ(metacall_initialize(), 0);
	EXPECT_NE(metacall_registerv_pool("x", nullptr, nullptr, nullptr, METACALL_LONG, 0, nullptr), 0);
	EXPECT_NE(metacall_registerv_async("y", nullptr, nullptr, nullptr, METACALL_LONG, 0, nullptr), 0);
	int not_a_value = 0;
	EXPECT_NE(metacall_future_cancel(&not_a_value), 0);
	EXPECT_EQ(metacall_future_cancelled(nullptr), -1);
	EXPECT_EQ(metacall_pool_cancelled(), 0);
	metacall_destroy();
}
