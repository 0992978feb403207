// metacall_interrupt: stops the script calls that run, in node and py; the runtime goes on.
#include "limits_test.h"

#include <thread>

using namespace limits_test;

namespace {

class Interrupt : public ::testing::TestWithParam<const char *> {
protected:
	void SetUp() override { ASSERT_EQ(metacall_initialize(), 0); }
	void TearDown() override { metacall_destroy(); }
};

// Runs `name` of `handle` on another thread and stops it with metacall_interrupt; the result.
ValuePtr call_and_interrupt(void *handle, const char *name, int *asked) {
	void *result = nullptr;
	std::thread caller([&] { result = metacallhv_s(handle, name, nullptr, 0); });
	*asked = interrupt_when_running();
	caller.join();
	return ValuePtr(result);
}

} // namespace

TEST(InterruptLifecycle, ReturnsMinusOneWhenNotInitialized) {
	EXPECT_EQ(metacall_interrupt(), -1);
	ASSERT_EQ(metacall_initialize(), 0);
	EXPECT_EQ(metacall_interrupt(), 0);
	metacall_destroy();
	EXPECT_EQ(metacall_interrupt(), -1);
}

TEST_P(Interrupt, ReturnsZeroWhenNoCallRuns) {
	void *handle = load_script(GetParam());
	ASSERT_NE(handle, nullptr);
	EXPECT_EQ(add(handle, 1, 2), 3);
	EXPECT_EQ(metacall_interrupt(), 0);
	EXPECT_EQ(add(handle, 2, 3), 5); // and nothing lingers for the next call
}

TEST_P(Interrupt, StopsAnEndlessLoopAndTheNextCallWorks) {
	void *handle = load_script(GetParam());
	ASSERT_NE(handle, nullptr);
	int asked = 0;
	ValuePtr result = call_and_interrupt(handle, "spin", &asked);
	EXPECT_EQ(asked, 1);
	EXPECT_TRUE(is_error(result.get(), "InterruptedError"));
	EXPECT_EQ(add(handle, 1, 2), 3);
	EXPECT_EQ(metacall_interrupt(), 0);
}

TEST_P(Interrupt, IsNotSwallowedByACatchAllOfTheScript) {
	void *handle = load_script(GetParam());
	ASSERT_NE(handle, nullptr);
	int asked = 0;
	ValuePtr result = call_and_interrupt(
	    handle, GetParam() == std::string("node") ? "spinCatching" : "spin_catching", &asked);
	EXPECT_EQ(asked, 1);
	EXPECT_TRUE(is_error(result.get(), "InterruptedError"));
	EXPECT_EQ(add(handle, 4, 5), 9);
}

TEST_P(Interrupt, StopsCallsAgainAndAgain) {
	void *handle = load_script(GetParam());
	ASSERT_NE(handle, nullptr);
	for (int round = 0; round < 5; ++round) {
		int asked = 0;
		ValuePtr result = call_and_interrupt(handle, "spin", &asked);
		EXPECT_EQ(asked, 1) << "round " << round;
		EXPECT_TRUE(is_error(result.get(), "InterruptedError")) << "round " << round;
		EXPECT_EQ(add(handle, round, 1), round + 1);
	}
}

INSTANTIATE_TEST_SUITE_P(Loaders, Interrupt, ::testing::Values("node", "py"),
                         [](const auto &info) { return std::string(info.param); });
