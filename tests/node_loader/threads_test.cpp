// Threads: many C threads calling into the one thread that runs JavaScript, every result checked,
// and every call seen by JS exactly once.
#include "node_test.h"

#include <atomic>
#include <thread>
#include <vector>

namespace {

class NodeThreads : public NodeLoaderTest {
protected:
	void SetUp() override {
		NodeLoaderTest::SetUp();
		ASSERT_EQ(load("threads.js", &handle_), 0) << last_error();
	}

	void *handle_ = nullptr;
};

// Calls add(i, base) through `call_add` from `threads` threads, `calls` each; the number of wrong
// or missing results.
template <typename CallAdd>
long wrong_sums(int threads, long calls, CallAdd call_add) {
	std::atomic<long> wrong{0};
	std::vector<std::thread> workers;
	for (int t = 0; t < threads; ++t) {
		workers.emplace_back([&, t] {
			const long base = (t + 1) * 1000000L;
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

TEST_F(NodeThreads, FourThreadsOfTenThousandCallsAllRightAndAllSeenByJs) {
	void *add = metacall_handle_function(handle_, "add");
	ASSERT_NE(add, nullptr);
	within(std::chrono::seconds(60), [&] {
		EXPECT_EQ(wrong_sums(4, 10000, [&](void **args) { return metacallfv_s(add, args, 2); }), 0);
	});
	const ValuePtr count(metacallhv_s(handle_, "call_count", nullptr, 0));
	EXPECT_TRUE(is_long(count.get(), 40000));
}

TEST_F(NodeThreads, FourThreadsCallingAJsCallbackValueAtOnceAllGetTheirResult) {
	void *source = load_memory("module.exports.make_adder = (n) => (x) => x + n;\n");
	ASSERT_NE(source, nullptr);
	Args args{metacall_value_create_long(0)};
	const ValuePtr adder(metacallhv_s(source, "make_adder", args.data(), args.size()));
	ASSERT_EQ(metacall_value_id(adder.get()), METACALL_FUNCTION) << describe(adder.get());
	void *function = metacall_value_to_function(adder.get());
	// The callback takes one argument: add(i, base) is checked as adder(i + base).
	within(std::chrono::seconds(60), [&] {
		EXPECT_EQ(wrong_sums(4, 2000,
		                     [&](void **pair) {
			                     void *sum = metacall_value_create_long(metacall_value_to_long(pair[0]) +
			                                                            metacall_value_to_long(pair[1]));
			                     void *result = metacallfv_s(function, &sum, 1);
			                     metacall_value_destroy(sum);
			                     return result;
		                     }),
		          0);
	});
}

} // namespace
