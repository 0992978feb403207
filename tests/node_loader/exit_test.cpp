// process.exit inside a script stops its Node environment, never the host process: later calls
// and loads fail with an error naming the stopped environment, and destroy + initialize starts a
// new one.
#include "node_test.h"

#include <thread>

namespace {

using namespace std::chrono_literals;

class NodeExit : public NodeLoaderTest {
protected:
	void SetUp() override {
		NodeLoaderTest::SetUp();
		ASSERT_EQ(load("exit.js"), 0) << last_error();
	}

	// The error text of a failed call: the throwable's message, or the last error when it is NULL.
	static std::string failure_text(void *result) {
		metacall_exception_type error{};
		if (result == nullptr)
			return last_error_message();
		if (metacall_value_id(result) == METACALL_THROWABLE && metacall_error_from_value(result, &error) == 0)
			return error.message;
		return "";
	}

	// add(1, 2): a failure whose text names the stopped environment.
	static ::testing::AssertionResult add_fails_naming_the_stopped_environment() {
		metacall_error_clear();
		const ValuePtr result = call("add", {metacall_value_create_long(1), metacall_value_create_long(2)});
		const std::string text = failure_text(result.get());
		if (text.find("stopped") == std::string::npos || text.find("process.exit") == std::string::npos)
			return ::testing::AssertionFailure()
			       << "expected an error naming the stopped environment, got " << describe(result.get());
		return ::testing::AssertionSuccess();
	}
};

// Right after process.exit (before Node's loop has even ended), calls and loads already fail
// naming the stopped environment: the call that exits, too, rather than with an empty error.
TEST_F(NodeExit, ProcessExitInACallLeavesTheHostRunningAndLaterCallsFail) {
	ValuePtr result;
	within(10s, [&] { result = call("quit", {metacall_value_create_long(1)}); });
	EXPECT_FALSE(is_string(result.get(), "still running after process.exit"));
	EXPECT_TRUE(add_fails_naming_the_stopped_environment());
}

TEST_F(NodeExit, LoadsAfterProcessExitFailNamingTheStoppedEnvironment) {
	within(10s, [&] { call("quit", {metacall_value_create_long(1)}); });
	metacall_error_clear();
	EXPECT_NE(load("arith.js"), 0);
	const std::string message = last_error_message();
	EXPECT_NE(message.find("stopped"), std::string::npos) << message;
	EXPECT_EQ(metacall_function("mul"), nullptr);
}

TEST_F(NodeExit, ProcessExitFromATimerStopsTheEnvironment) {
	EXPECT_TRUE(
	    is_string(call("quit_later", {metacall_value_create_long(2), metacall_value_create_long(10)}).get(),
	              "scheduled"));
	// The timer fires on Node's thread by itself; wait (at most 10 s) for calls to start failing.
	const auto deadline = std::chrono::steady_clock::now() + 10s;
	bool stopped = false;
	while (!stopped && std::chrono::steady_clock::now() < deadline) {
		ValuePtr result;
		within(10s, [&] {
			result = call("add", {metacall_value_create_long(1), metacall_value_create_long(2)});
		});
		stopped = !is_long(result.get(), 3);
		if (!stopped)
			std::this_thread::sleep_for(5ms);
	}
	ASSERT_TRUE(stopped) << "the environment still answers after process.exit in a timer";
	EXPECT_TRUE(add_fails_naming_the_stopped_environment());
}

TEST_F(NodeExit, ProcessExitWhileLoadingFailsTheLoad) {
	metacall_destroy();
	ASSERT_EQ(metacall_initialize(), 0) << last_error();
	ASSERT_EQ(metacall_execution_path("node", scripts_folder().c_str()), 0) << last_error();
	int loaded = 0;
	within(10s, [&] { loaded = load("exits_at_load.js"); });
	EXPECT_NE(loaded, 0);
	EXPECT_EQ(metacall_function("never_defined"), nullptr);
}

TEST_F(NodeExit, DestroyAndInitializeStartANewEnvironmentAfterProcessExit) {
	within(10s, [&] { call("quit", {metacall_value_create_long(1)}); });
	metacall_destroy();
	ASSERT_EQ(metacall_initialize(), 0) << last_error();
	ASSERT_EQ(metacall_execution_path("node", scripts_folder().c_str()), 0) << last_error();
	ASSERT_EQ(load("arith.js"), 0) << last_error();
	EXPECT_TRUE(
	    is_long(call("add", {metacall_value_create_long(20), metacall_value_create_long(22)}).get(), 42));
}

} // namespace
