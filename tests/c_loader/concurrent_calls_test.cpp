// Calls take no lock: many threads call the same functions at once, and each gets its own result.
#include "c_loader_fixture.h"

#include <atomic>
#include <thread>
#include <vector>

namespace {

using ConcurrentCalls = CLoaderTest;

TEST_F(ConcurrentCalls, FourThreadsCallScalarAndArrayFunctionsAtOnce) {
	load_types();
	void *echo = metacall_function("echo_long");
	void *mean = metacall_function("mean");
	ASSERT_NE(echo, nullptr);
	std::atomic<int> wrong{0};
	std::vector<std::thread> workers;
	for (long t = 0; t < 4; ++t) {
		workers.emplace_back([&, t] {
			for (long i = 0; i < 5000; ++i) {
				void *args[] = {metacall_value_create_long(t * 100000 + i)};
				void *result = metacallfv_s(echo, args, 1);
				if (metacall_value_to_long(result) != t * 100000 + i)
					++wrong;
				metacall_value_destroy(result);
				metacall_value_destroy(args[0]);
				void *numbers[] = {metacall_value_create_double(static_cast<double>(i)),
				                   metacall_value_create_double(static_cast<double>(i + 2))};
				void *array[] = {metacall_value_create_array(const_cast<const void **>(numbers), 2)};
				void *average = metacallfv_s(mean, array, 1);
				if (metacall_value_to_double(average) != static_cast<double>(i + 1))
					++wrong;
				metacall_value_destroy(average);
				metacall_value_destroy(array[0]);
			}
		});
	}
	for (std::thread &worker : workers)
		worker.join();
	EXPECT_EQ(wrong.load(), 0);
}

} // namespace
