// Calls from several threads at once: every result must be right.
#include "fixture.h"

#include <atomic>
#include <thread>
#include <vector>

namespace {

TEST_P(Conformance, FourThreadsOfTenThousandCallsAllGetTheRightSum) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *add = metacall_function("add");
	ASSERT_NE(add, nullptr) << last_error_message();
	constexpr int threads = 4;
	constexpr long calls = 10000;
	std::atomic<long> wrong{0};
	std::atomic<long> checked{0};
	std::vector<std::thread> workers;
	for (int t = 0; t < threads; ++t) {
		workers.emplace_back([&, t] {
			for (long i = 0; i < calls; ++i) {
				void *args[] = {metacall_value_create_long(i), metacall_value_create_long(t * 1000000L)};
				void *result = metacallfv_s(add, args, 2);
				const auto sum = number_in(result);
				if (!sum || *sum != i + t * 1000000L)
					++wrong;
				++checked;
				metacall_value_destroy(result);
				metacall_value_destroy(args[0]);
				metacall_value_destroy(args[1]);
			}
		});
	}
	for (std::thread &worker : workers)
		worker.join();
	EXPECT_EQ(checked.load(), threads * calls);
	EXPECT_EQ(wrong.load(), 0) << "calls with a wrong or missing result";
}

} // namespace
