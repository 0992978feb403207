// Limits: a per-call fuel budget, a linear memory cap, and stopping a running call
// (metacall_interrupt, a call time limit). A stopped call leaves the instance working.
#include "wasm_fixture.h"

#include <chrono>
#include <future>
#include <thread>

namespace {

class Limits : public WasmLoaderTest {
public:
	// cheap(41): 42 when the instance still works.
	::testing::AssertionResult still_works(void *handle) {
		Args args{metacall_value_create_int(41)};
		return is_int(call(handle, "cheap", args).get(), 42);
	}
};

TEST_F(Limits, EndlessLoopRunsOutOfFuelAndTheNextCallWorks) {
	ValuePtr options(map_of({{"fuel", metacall_value_create_long(100000)}}));
	void *handle = load("limits.wat", options.get());
	ASSERT_NE(handle, nullptr);
	EXPECT_TRUE(is_error(call(handle, "spin").get(), "OutOfFuelError",
	                     {"wasm function 'spin' trapped", "out of fuel", "at spin"}));
	EXPECT_TRUE(still_works(handle));
	EXPECT_TRUE(is_error(call(handle, "spin").get(), "OutOfFuelError", {"out of fuel"}));
	EXPECT_TRUE(still_works(handle));
}

// count_down(24000) needs more than the 100000 units, so count_down(12000) needs more than half:
// three calls in a row succeed only when each call gets the whole budget.
TEST_F(Limits, FuelIsPerCall) {
	ValuePtr options(map_of({{"fuel", metacall_value_create_long(100000)}}));
	void *handle = load("limits.wat", options.get());
	ASSERT_NE(handle, nullptr);
	Args twice_as_long{metacall_value_create_int(24000)};
	ASSERT_TRUE(
	    is_error(call(handle, "count_down", twice_as_long).get(), "OutOfFuelError", {"at count_down"}));
	for (int i = 0; i < 3; ++i) {
		Args args{metacall_value_create_int(12000)};
		EXPECT_TRUE(is_int(call(handle, "count_down", args).get(), 0)) << "call " << i;
	}
}

TEST_F(Limits, EndlessStartFunctionRunsOutOfFuelAndFailsTheLoad) {
	ValuePtr options(map_of({{"fuel", metacall_value_create_long(100000)}}));
	EXPECT_TRUE(mentions(load_error("endless_start.wat", options.get()),
	                     {"LoaderError", "endless_start.wat", "out of fuel", "at forever"}));
}

// A start function that never ends, without fuel: metacall_interrupt stops the load.
TEST_F(Limits, InterruptStopsAnEndlessStartFunction) {
	std::future<std::string> loading =
	    std::async(std::launch::async, [&] { return load_error("endless_start.wat"); });
	int asked = 0;
	for (int tries = 0; asked == 0 && tries < 10000; ++tries) { // up to about 10 s
		asked = metacall_interrupt();
		if (asked == 0)
			std::this_thread::sleep_for(std::chrono::milliseconds(1));
	}
	ASSERT_EQ(asked, 1) << "the start function never ran";
	// A guard against a hang (the load should stop within milliseconds), not a timing check.
	ASSERT_EQ(loading.wait_for(std::chrono::seconds(30)), std::future_status::ready);
	EXPECT_TRUE(mentions(loading.get(), {"LoaderError", "endless_start.wat", "interrupted", "at forever"}));
	EXPECT_EQ(metacall_interrupt(), 0); // nothing runs now
}

TEST_F(Limits, WithoutFuelTheSameCountRunsToItsEnd) {
	void *handle = load("limits.wat");
	ASSERT_NE(handle, nullptr);
	Args args{metacall_value_create_int(1000000)};
	EXPECT_TRUE(is_int(call(handle, "count_down", args).get(), 0));
}

TEST_F(Limits, MemoryCapMakesGrowFailWithoutATrap) {
	ValuePtr options(map_of({{"memory", metacall_value_create_long(131072)}})); // 2 pages
	void *handle = load("limits.wat", options.get());
	ASSERT_NE(handle, nullptr);
	Args five{metacall_value_create_int(5)};
	EXPECT_TRUE(is_int(call(handle, "grow", five).get(), -1));
	EXPECT_TRUE(is_int(call(handle, "pages").get(), 1));
	Args one{metacall_value_create_int(1)};
	EXPECT_TRUE(is_int(call(handle, "grow", one).get(), 1)); // the previous size
	EXPECT_TRUE(is_int(call(handle, "pages").get(), 2));
	EXPECT_TRUE(is_int(call(handle, "grow", one).get(), -1));
}

TEST_F(Limits, WithoutACapMemoryGrows) {
	void *handle = load("limits.wat");
	ASSERT_NE(handle, nullptr);
	Args five{metacall_value_create_int(5)};
	EXPECT_TRUE(is_int(call(handle, "grow", five).get(), 1));
	EXPECT_TRUE(is_int(call(handle, "pages").get(), 6));
}

TEST_F(Limits, InitialMemoryAboveTheCapFailsTheLoad) {
	ValuePtr options(map_of({{"memory", metacall_value_create_long(131072)}}));
	EXPECT_TRUE(
	    mentions(load_error("big_memory.wat", options.get()), {"LoaderError", "big_memory.wat", "memory"}));
}

// Runs spin() on another thread, asks metacall_interrupt until the call is running, and checks
// the call stopped with an InterruptedError and the instance still works.
void expect_interrupted(Limits &test, void *handle) {
	std::future<ValuePtr> spinning =
	    std::async(std::launch::async, [&] { return ValuePtr(metacallhv_s(handle, "spin", nullptr, 0)); });
	int asked = 0;
	for (int tries = 0; asked == 0 && tries < 10000; ++tries) { // up to about 10 s
		asked = metacall_interrupt();
		if (asked == 0)
			std::this_thread::sleep_for(std::chrono::milliseconds(1));
	}
	ASSERT_EQ(asked, 1) << "the call never ran";
	// A guard against a hang (the call should stop within milliseconds), not a timing check.
	ASSERT_EQ(spinning.wait_for(std::chrono::seconds(30)), std::future_status::ready);
	EXPECT_TRUE(is_error(spinning.get().get(), "InterruptedError", {"wasm function 'spin'", "interrupted"}));
	EXPECT_TRUE(test.still_works(handle));
	EXPECT_EQ(metacall_interrupt(), 0); // nothing runs now
}

TEST_F(Limits, InterruptStopsASpinningCall) {
	void *handle = load("limits.wat");
	ASSERT_NE(handle, nullptr);
	expect_interrupted(*this, handle);
	expect_interrupted(*this, handle); // and again, on the same instance
}

// With fuel the module runs in the other engine (fuel metering on): interrupts work there too.
TEST_F(Limits, InterruptStopsASpinningCallWithFuel) {
	ValuePtr options(map_of({{"fuel", metacall_value_create_long(1000000000000000L)}}));
	void *handle = load("limits.wat", options.get());
	ASSERT_NE(handle, nullptr);
	expect_interrupted(*this, handle);
}

TEST_F(Limits, TimeLimitStopsASpinningCall) {
	void *handle = load("limits.wat");
	ASSERT_NE(handle, nullptr);
	metacall_limits limits{};
	limits.timeout_ms = 50;
	ASSERT_EQ(metacall_handle_limits(handle, &limits), 0) << last_error_message();
	EXPECT_TRUE(is_error(call(handle, "spin").get(), "TimeoutError", {"function 'spin'", "50 ms"}));
	EXPECT_TRUE(still_works(handle));
}

} // namespace
