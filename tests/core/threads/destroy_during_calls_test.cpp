// Threads: metacall_destroy while another thread keeps calling through a function value. Every
// call either returns the right result or, once the runtime is gone, NULL; nothing crashes.
#include "../support/host_add.h"
#include "../support/owned_value.h"
#include "../support/signal.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

using core_test::own;

TEST(DestroyDuringCalls, CallsThroughAHeldFunctionValueEndCleanly) {
	metacall_destroy();
	ASSERT_EQ(metacall_initialize(), 0);
	void *func = nullptr;
	ASSERT_EQ(core_test::register_add("add", &func), 0);
	auto held = own(metacall_value_create_function(func));
	core_test::Signal calling;
	std::atomic<int> wrong{0}, refused{0}, resumed_after_refusal{0}, good{0};
	std::thread caller([&] {
		auto a = own(metacall_value_create_int(20));
		auto b = own(metacall_value_create_int(22));
		void *args[] = {a.get(), b.get()};
		const auto give_up = std::chrono::steady_clock::now() + core_test::wait_limit;
		for (int i = 0; refused.load() < 1000 && std::chrono::steady_clock::now() < give_up; ++i) {
			void *result = metacallfv_s(metacall_value_to_function(held.get()), args, 2);
			if (result == nullptr) {
				++refused;
			} else if (metacall_value_to_int(result) != 42) {
				++wrong;
			} else {
				if (refused.load() > 0) {
					++resumed_after_refusal;
				}
				++good;
			}
			metacall_value_destroy(result);
			if (i == 100) {
				calling.notify();
			}
		}
	});
	EXPECT_TRUE(calling.wait());
	metacall_destroy();
	caller.join();
	EXPECT_EQ(wrong.load(), 0);
	EXPECT_EQ(resumed_after_refusal.load(), 0) << "a call succeeded after destroy had refused one";
	EXPECT_GT(good.load(), 100);
	EXPECT_GT(refused.load(), 0);
}
