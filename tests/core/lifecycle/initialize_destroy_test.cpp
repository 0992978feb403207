// Lifecycle: initialize is idempotent, destroy is harmless when repeated, and the runtime can be
// initialized again after destroy, without the functions registered before.
#include "lifecycle_fixture.h"

#include "../support/error_text.h"
#include "../support/host_add.h"
#include "../support/owned_value.h"
#include "../support/signal.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

using core_test::own;

namespace {

int call_add(int a, int b) {
	auto x = own(metacall_value_create_int(a));
	auto y = own(metacall_value_create_int(b));
	void *args[] = {x.get(), y.get()};
	auto result = own(metacallv_s("add", args, 2));
	return metacall_value_to_int(result.get());
}

} // namespace

TEST_F(Lifecycle, InitializeReturnsZero) {
	EXPECT_EQ(metacall_initialize(), 0);
	EXPECT_EQ(metacall_is_initialized(nullptr), 0);
}

TEST_F(Lifecycle, InitializeTwiceReturnsZeroAndKeepsRegistrations) {
	ASSERT_EQ(metacall_initialize(), 0);
	ASSERT_EQ(core_test::register_add("add"), 0);
	EXPECT_EQ(metacall_initialize(), 0);
	EXPECT_EQ(call_add(2, 2), 4);
}

TEST_F(Lifecycle, IsInitializedForAnUnknownTagIsNonZero) {
	ASSERT_EQ(metacall_initialize(), 0);
	EXPECT_NE(metacall_is_initialized("nosuchlang"), 0);
}

TEST_F(Lifecycle, IsNotInitializedAfterDestroy) {
	ASSERT_EQ(metacall_initialize(), 0);
	metacall_destroy();
	EXPECT_NE(metacall_is_initialized(nullptr), 0);
}

TEST_F(Lifecycle, DestroyTwiceIsHarmless) {
	ASSERT_EQ(metacall_initialize(), 0);
	metacall_destroy();
	metacall_destroy();
	EXPECT_NE(metacall_is_initialized(nullptr), 0);
}

TEST_F(Lifecycle, DestroyWithoutInitializeIsHarmless) {
	metacall_destroy();
	EXPECT_NE(metacall_is_initialized(nullptr), 0);
}

TEST_F(Lifecycle, InitializeAfterDestroyWorks) {
	ASSERT_EQ(metacall_initialize(), 0);
	metacall_destroy();
	ASSERT_EQ(metacall_initialize(), 0);
	ASSERT_EQ(core_test::register_add("add"), 0);
	EXPECT_EQ(call_add(20, 22), 42);
}

TEST_F(Lifecycle, RegisteredFunctionsAreGoneAfterDestroy) {
	ASSERT_EQ(metacall_initialize(), 0);
	ASSERT_EQ(core_test::register_add("add"), 0);
	metacall_destroy();
	ASSERT_EQ(metacall_initialize(), 0);
	EXPECT_EQ(metacall_function("add"), nullptr);
	EXPECT_EQ(core_test::register_add("add"), 0) << "the name should be free again";
}

TEST_F(Lifecycle, ManyCyclesKeepWorking) {
	for (int cycle = 0; cycle < 20; ++cycle) {
		ASSERT_EQ(metacall_initialize(), 0) << "cycle " << cycle;
		ASSERT_EQ(core_test::register_add("add"), 0) << "cycle " << cycle;
		ASSERT_EQ(call_add(cycle, 1), cycle + 1);
		metacall_destroy();
	}
}

TEST_F(Lifecycle, FunctionValueHeldAcrossDestroyReportsAnErrorWhenCalled) {
	ASSERT_EQ(metacall_initialize(), 0);
	void *func = nullptr;
	ASSERT_EQ(core_test::register_add("add", &func), 0);
	auto held = own(metacall_value_create_function(func));
	metacall_destroy();
	auto a = own(metacall_value_create_int(1));
	void *args[] = {a.get(), a.get()};
	metacall_error_clear();
	EXPECT_EQ(metacallfv_s(metacall_value_to_function(held.get()), args, 2), nullptr);
	EXPECT_TRUE(core_test::last_error_message().has_value());
}

TEST_F(Lifecycle, FunctionValueHeldAcrossDestroyStaysDeadAfterReinitialize) {
	ASSERT_EQ(metacall_initialize(), 0);
	void *func = nullptr;
	ASSERT_EQ(core_test::register_add("add", &func), 0);
	auto held = own(metacall_value_create_function(func));
	metacall_destroy();
	ASSERT_EQ(metacall_initialize(), 0);
	ASSERT_EQ(core_test::register_add("add"), 0);
	auto a = own(metacall_value_create_int(1));
	void *args[] = {a.get(), a.get()};
	EXPECT_EQ(metacallfv_s(metacall_value_to_function(held.get()), args, 2), nullptr);
}

TEST_F(Lifecycle, FunctionValueHeldAcrossDestroyIsStillAValue) {
	ASSERT_EQ(metacall_initialize(), 0);
	void *func = nullptr;
	ASSERT_EQ(core_test::register_add("add", &func), 0);
	auto held = own(metacall_value_create_function(func));
	metacall_destroy();
	EXPECT_EQ(metacall_value_id(held.get()), METACALL_FUNCTION);
	auto copy = own(metacall_value_copy(held.get()));
	EXPECT_EQ(metacall_value_id(copy.get()), METACALL_FUNCTION);
}

TEST_F(Lifecycle, DestroyFromInsideACallDoesNothingAndLeavesAnError) {
	ASSERT_EQ(metacall_initialize(), 0);
	static std::atomic<bool> error_seen_inside{false};
	error_seen_inside = false;
	auto destroy_inside = [](size_t, void *[], void *) -> void * {
		metacall_error_clear();
		metacall_destroy();
		error_seen_inside = core_test::last_error_message().has_value();
		return metacall_value_create_int(metacall_is_initialized(nullptr));
	};
	ASSERT_EQ(metacall_register("destroy_inside", destroy_inside, nullptr, METACALL_INT, 0), 0);
	ASSERT_EQ(core_test::register_add("add"), 0);
	auto result = own(metacallv_s("destroy_inside", nullptr, 0));
	EXPECT_EQ(metacall_value_to_int(result.get()), 0)
	    << "runtime was not initialized inside the call after destroy";
	EXPECT_TRUE(error_seen_inside.load());
	EXPECT_EQ(metacall_is_initialized(nullptr), 0);
	EXPECT_EQ(call_add(1, 1), 2);
}

TEST_F(Lifecycle, DestroyWaitsForACallInProgressOnAnotherThread) {
	ASSERT_EQ(metacall_initialize(), 0);
	static core_test::Signal *started;
	static std::atomic<bool> finished;
	core_test::Signal started_signal;
	started = &started_signal;
	finished = false;
	auto slow = [](size_t, void *[], void *) -> void * {
		started->notify();
		std::this_thread::sleep_for(std::chrono::milliseconds(300));
		finished = true;
		return metacall_value_create_int(1);
	};
	ASSERT_EQ(metacall_register("slow", slow, nullptr, METACALL_INT, 0), 0);
	void *result = nullptr;
	std::thread caller([&] { result = metacallv_s("slow", nullptr, 0); });
	const bool call_started = started_signal.wait();
	metacall_destroy();
	EXPECT_TRUE(call_started) << "the call never started";
	EXPECT_TRUE(finished.load()) << "metacall_destroy returned while a call was still running";
	caller.join();
	EXPECT_EQ(metacall_value_to_int(result), 1);
	metacall_value_destroy(result);
}

TEST_F(Lifecycle, CallsAfterDestroyFailWithAnError) {
	ASSERT_EQ(metacall_initialize(), 0);
	ASSERT_EQ(core_test::register_add("add"), 0);
	metacall_destroy();
	metacall_error_clear();
	EXPECT_EQ(metacallv_s("add", nullptr, 0), nullptr);
	EXPECT_TRUE(core_test::LastErrorContains("initializ"));
}
