// Threads: values are plain data that any thread may destroy, and they outlive the thread that
// made them; function and future references inside values are thread-safe.
#include "../support/host_add.h"
#include "../support/owned_value.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using core_test::own;

TEST(ValuesAcrossThreads, OutliveTheThreadThatMadeThem) {
	std::vector<void *> made;
	std::thread maker([&] {
		for (int i = 0; i < 1000; ++i) {
			made.push_back(i % 2 == 0 ? metacall_value_create_int(i)
			                          : metacall_value_create_string(std::to_string(i).c_str(),
			                                                         std::to_string(i).size()));
		}
	});
	maker.join();
	int wrong = 0;
	for (int i = 0; i < 1000; ++i) {
		if (i % 2 == 0 ? metacall_value_to_int(made[i]) != i
		               : std::string(metacall_value_to_string(made[i])) != std::to_string(i)) {
			++wrong;
		}
		metacall_value_destroy(made[i]);
	}
	EXPECT_EQ(wrong, 0);
}

TEST(ValuesAcrossThreads, MayBeDestroyedByAnotherThread) {
	constexpr int rounds = 20000;
	std::vector<void *> made(rounds);
	std::atomic<int> produced{0};
	std::thread maker([&] {
		for (int i = 0; i < rounds; ++i) {
			made[i] = metacall_value_create_long(i);
			produced.store(i + 1, std::memory_order_release);
		}
	});
	int wrong = 0;
	for (int i = 0; i < rounds; ++i) {
		while (produced.load(std::memory_order_acquire) <= i) {
			std::this_thread::yield();
		}
		if (metacall_value_to_long(made[i]) != i) {
			++wrong;
		}
		metacall_value_destroy(made[i]);
	}
	maker.join();
	EXPECT_EQ(wrong, 0);
}

class SharedReferences : public core_test::RuntimeTest {};

TEST_F(SharedReferences, FunctionValueCopiedAndDestroyedOnManyThreads) {
	void *func = nullptr;
	ASSERT_EQ(core_test::register_add("add", &func), 0);
	auto original = own(metacall_value_create_function(func));
	std::atomic<int> wrong{0};
	std::vector<std::thread> threads;
	for (int t = 0; t < 4; ++t) {
		threads.emplace_back([&] {
			for (int i = 0; i < 5000; ++i) {
				auto copy = own(metacall_value_copy(original.get()));
				auto a = own(metacall_value_create_int(i));
				void *args[] = {a.get(), a.get()};
				auto result = own(metacallfv_s(metacall_value_to_function(copy.get()), args, 2));
				if (metacall_value_to_int(result.get()) != 2 * i) {
					++wrong;
				}
			}
		});
	}
	for (auto &thread : threads) {
		thread.join();
	}
	EXPECT_EQ(wrong.load(), 0);
}

TEST_F(SharedReferences, FuturesSettledOnOneThreadWhileTheirAwaiterLetsGo) {
	constexpr int threads_count = 4, rounds = 500;
	std::atomic<int> resolved_with_seven{0};
	auto on_resolve = [](void *result, void *data) -> void * {
		if (metacall_value_to_int(result) == 7) {
			static_cast<std::atomic<int> *>(data)->fetch_add(1);
		}
		return nullptr;
	};
	std::vector<std::thread> threads;
	for (int t = 0; t < threads_count; ++t) {
		threads.emplace_back([&] {
			for (int i = 0; i < rounds; ++i) {
				void *future = metacall_future_create();
				void *chained = metacall_await_future(future, on_resolve, nullptr, &resolved_with_seven);
				void *copy = metacall_value_copy(future);
				std::thread settler([copy] {
					metacall_future_resolve(copy, metacall_value_create_int(7));
					metacall_value_destroy(copy);
				});
				metacall_value_destroy(chained);
				metacall_value_destroy(future);
				settler.join();
			}
		});
	}
	for (auto &thread : threads) {
		thread.join();
	}
	EXPECT_EQ(resolved_with_seven.load(), threads_count * rounds);
}
