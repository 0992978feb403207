// metacall_handle_limits: a call that runs past its time limit is stopped with a TimeoutError; the
// next call of the same handle works.
#include "limits_test.h"

#include <chrono>
#include <thread>
#include <vector>

using namespace limits_test;

namespace {

class Timeout : public ::testing::TestWithParam<const char *> {
protected:
	void SetUp() override { ASSERT_EQ(metacall_initialize(), 0); }
	void TearDown() override { metacall_destroy(); }
};

} // namespace

TEST_P(Timeout, StopsAnEndlessLoopAfterTheLimitAndTheNextCallWorks) {
	void *handle = load_script(GetParam());
	ASSERT_NE(handle, nullptr);
	const metacall_limits limits{100};
	ASSERT_EQ(metacall_handle_limits(handle, &limits), 0);
	const auto start = std::chrono::steady_clock::now();
	ValuePtr result(metacallhv_s(handle, "spin", nullptr, 0));
	const auto ran = std::chrono::steady_clock::now() - start;
	EXPECT_TRUE(is_error(result.get(), "TimeoutError", "'spin' ran past its time limit of 100 ms"));
	EXPECT_GE(ran, std::chrono::milliseconds(100)); // never before its time
	EXPECT_EQ(add(handle, 1, 2), 3);                // the same handle, the same limit: it works
}

TEST_P(Timeout, StopsCallsOfSeveralThreads) {
	void *handle = load_script(GetParam());
	ASSERT_NE(handle, nullptr);
	const metacall_limits limits{100};
	ASSERT_EQ(metacall_handle_limits(handle, &limits), 0);
	std::vector<ValuePtr> results(3);
	std::vector<std::thread> callers;
	for (auto &result : results)
		callers.emplace_back([&result, handle] { result.reset(metacallhv_s(handle, "spin", nullptr, 0)); });
	for (auto &caller : callers)
		caller.join();
	for (auto &result : results)
		EXPECT_TRUE(is_error(result.get(), "TimeoutError"));
	EXPECT_EQ(add(handle, 2, 2), 4);
}

TEST_P(Timeout, LeavesOtherHandlesAlone) {
	void *limited = load_script(GetParam());
	void *free_running = load_script(GetParam());
	ASSERT_NE(limited, nullptr);
	ASSERT_NE(free_running, nullptr);
	const metacall_limits limits{100};
	ASSERT_EQ(metacall_handle_limits(limited, &limits), 0);
	ValuePtr stopped(metacallhv_s(limited, "spin", nullptr, 0));
	EXPECT_TRUE(is_error(stopped.get(), "TimeoutError"));
	// The other handle has no limit: only metacall_interrupt stops its endless call.
	void *result = nullptr;
	std::thread caller([&] { result = metacallhv_s(free_running, "spin", nullptr, 0); });
	std::this_thread::sleep_for(std::chrono::milliseconds(300));
	EXPECT_EQ(interrupt_when_running(), 1);
	caller.join();
	EXPECT_TRUE(is_error(result, "InterruptedError"));
	metacall_value_destroy(result);
}

TEST_P(Timeout, RemovedLimitNoLongerApplies) {
	void *handle = load_script(GetParam());
	ASSERT_NE(handle, nullptr);
	metacall_limits limits{50};
	ASSERT_EQ(metacall_handle_limits(handle, &limits), 0);
	limits.timeout_ms = 0;
	ASSERT_EQ(metacall_handle_limits(handle, &limits), 0);
	void *result = nullptr;
	std::thread caller([&] { result = metacallhv_s(handle, "spin", nullptr, 0); });
	std::this_thread::sleep_for(std::chrono::milliseconds(200));
	EXPECT_EQ(interrupt_when_running(), 1);
	caller.join();
	EXPECT_TRUE(is_error(result, "InterruptedError"));
	metacall_value_destroy(result);
}

TEST(TimeoutErrors, RefusesBadHandlesAndNullLimits) {
	ASSERT_EQ(metacall_initialize(), 0);
	const metacall_limits limits{100};
	int not_a_handle = 0;
	EXPECT_NE(metacall_handle_limits(&not_a_handle, &limits), 0);
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_last(&error), 0);
	EXPECT_NE(std::string(error.message).find("not live"), std::string::npos) << error.message;
	void *handle = load_script("py");
	ASSERT_NE(handle, nullptr);
	EXPECT_NE(metacall_handle_limits(handle, nullptr), 0);
	metacall_destroy();
}

INSTANTIATE_TEST_SUITE_P(Loaders, Timeout, ::testing::Values("node", "py"),
                         [](const auto &info) { return std::string(info.param); });
