// Calls from several threads into one instance: a wasmtime store is single-threaded, so the
// loader serializes them; every call still gets its own result.
#include "wasm_fixture.h"

#include <atomic>
#include <thread>
#include <vector>

namespace {

TEST_F(WasmLoaderTest, CallsFromSeveralThreadsIntoOneInstance) {
	void *handle = load("numbers.wat");
	ASSERT_NE(handle, nullptr);
	constexpr int kThreads = 4, kCalls = 500;
	std::atomic<int> wrong{0};
	std::vector<std::thread> threads;
	for (int t = 0; t < kThreads; ++t)
		threads.emplace_back([&, t] {
			for (int i = 0; i < kCalls; ++i) {
				void *args[] = {metacall_value_create_int(t * kCalls), metacall_value_create_int(i)};
				void *sum = metacallhv_s(handle, "add", args, 2);
				if (sum == nullptr || metacall_value_id(sum) != METACALL_INT ||
				    metacall_value_to_int(sum) != t * kCalls + i)
					++wrong;
				metacall_value_destroy(sum);
				metacall_value_destroy(args[0]);
				metacall_value_destroy(args[1]);
			}
		});
	for (std::thread &thread : threads)
		thread.join();
	EXPECT_EQ(wrong.load(), 0);
}

} // namespace
