// Threads: calls from many C threads at once, threads started by scripts, and Python threads
// calling into C and back.
#include "py_test.h"

#include <atomic>
#include <thread>
#include <vector>

namespace {

class PyThreads : public PyLoaderTest {
protected:
	void SetUp() override {
		PyLoaderTest::SetUp();
		ASSERT_EQ(load("threads.py"), 0) << last_error();
	}
};

// add(i, base) from `threads` threads, `calls` each; the number of wrong or missing results.
template <typename Call>
long wrong_sums(int threads, long calls, Call call_add) {
	std::atomic<long> wrong{0};
	std::vector<std::thread> workers;
	for (int t = 0; t < threads; ++t) {
		workers.emplace_back([&, t] {
			const long base = t * 1000000L;
			for (long i = 0; i < calls; ++i) {
				void *args[] = {metacall_value_create_long(i), metacall_value_create_long(base)};
				void *result = call_add(args);
				if (result == nullptr || metacall_value_id(result) != METACALL_LONG ||
				    metacall_value_to_long(result) != i + base)
					++wrong;
				metacall_value_destroy(result);
				metacall_value_destroy(args[0]);
				metacall_value_destroy(args[1]);
			}
		});
	}
	for (std::thread &worker : workers)
		worker.join();
	return wrong.load();
}

TEST_F(PyThreads, FourThreadsOfTenThousandCallsThroughTheFunctionAllRight) {
	void *add = metacall_function("add");
	ASSERT_NE(add, nullptr);
	within(std::chrono::seconds(100), [&] {
		EXPECT_EQ(wrong_sums(4, 10000, [&](void **args) { return metacallfv_s(add, args, 2); }), 0);
	});
}

TEST_F(PyThreads, FourThreadsOfTenThousandCallsByNameAllRight) {
	within(std::chrono::seconds(100), [&] {
		EXPECT_EQ(wrong_sums(4, 10000, [](void **args) { return metacallv_s("add", args, 2); }), 0);
	});
}

TEST_F(PyThreads, AThreadStartedByAScriptKeepsRunningBetweenCalls) {
	ASSERT_NE(call("start_counter"), nullptr);
	const ValuePtr before = call("read_counter");
	std::this_thread::sleep_for(std::chrono::milliseconds(300));
	const ValuePtr after = call("read_counter");
	ASSERT_NE(call("stop_counter"), nullptr);
	ASSERT_EQ(metacall_value_id(after.get()), METACALL_LONG) << describe(after.get());
	// About 300 ticks of 1 ms; a stalled thread (the GIL kept by C) would add none.
	EXPECT_GT(metacall_value_to_long(after.get()) - metacall_value_to_long(before.get()), 30);
}

// add(i, 100) back in Python, from a Python thread calling this host function.
void *add_hundred_through_python(size_t, void *argv[], void *) {
	void *args[] = {argv[0], metacall_value_create_long(100)};
	void *result = metacallv_s("add", args, 2);
	metacall_value_destroy(args[1]);
	return result;
}

TEST_F(PyThreads, PythonThreadsCallAHostFunctionThatCallsPythonAgain) {
	void *host = nullptr;
	ASSERT_EQ(metacall_register(nullptr, add_hundred_through_python, &host, METACALL_LONG, 1, METACALL_LONG),
	          0);
	within(std::chrono::seconds(20), [&] {
		const ValuePtr results =
		    call("call_from_threads", {metacall_value_create_function(host), metacall_value_create_long(8)});
		ASSERT_EQ(metacall_value_count(results.get()), 8u) << describe(results.get());
		for (long i = 0; i < 8; ++i)
			EXPECT_TRUE(is_long(metacall_value_to_array(results.get())[i], 100 + i));
	});
}

TEST_F(PyThreads, ThreadsThatComeAndGoEachGetAWorkingState) {
	for (int round = 0; round < 20; ++round) {
		ValuePtr result;
		std::thread once([&] {
			result = call("add", {metacall_value_create_long(round), metacall_value_create_long(1)});
		});
		once.join();
		ASSERT_TRUE(is_long(result.get(), round + 1)) << "round " << round;
	}
}

} // namespace
