// metacall_pump: a host that drives Node's event loop from its own thread. Pumping before the
// first load makes the test thread own Node: its calls run directly, timers and promises progress
// only while it pumps, and calls from other threads wait for the next pump. Every wait on this
// thread runs under a watchdog: a deadlock ends the process instead of hanging the suite.
#include "node_test.h"

#include <atomic>
#include <thread>

namespace {

using namespace std::chrono_literals;

class NodePump : public ::testing::Test {
protected:
	void SetUp() override { ASSERT_EQ(metacall_initialize(), 0) << last_error(); }
	void TearDown() override { metacall_destroy(); }

	// Pumps until `done` is true or 10 s have passed; whether `done` became true.
	template <typename Done>
	static bool pump_until(Done done) {
		const auto deadline = std::chrono::steady_clock::now() + 10s;
		while (!done()) {
			if (std::chrono::steady_clock::now() > deadline)
				return false;
			EXPECT_EQ(metacall_pump("node"), 0) << last_error();
			std::this_thread::sleep_for(1ms);
		}
		return true;
	}

	// Starts Node on this thread (metacall_pump_ex with `options`) and loads `script` of the test
	// scripts.
	static void start_pumped(const std::string &script, int options = 0) {
		ASSERT_EQ(metacall_pump_ex("node", options), 0) << last_error();
		ASSERT_EQ(metacall_execution_path("node", scripts_folder().c_str()), 0) << last_error();
		const std::string path = script;
		const char *paths[] = {path.c_str()};
		ASSERT_EQ(metacall_load_from_file("node", paths, 1, nullptr), 0) << last_error();
	}

	static ValuePtr call(const char *name, std::initializer_list<void *> args) {
		Args owned(args);
		return ValuePtr(metacallv_s(name, owned.data(), owned.size()));
	}
};

void *record_thread(size_t, void *argv[], void *data) {
	*static_cast<std::thread::id *>(data) = std::this_thread::get_id();
	return metacall_value_copy(argv[0]);
}

TEST_F(NodePump, AfterTheFirstPumpTheTestThreadCallsNodeDirectly) {
	Watchdog watchdog(10s, "loading and calling on the pumping thread");
	ASSERT_NO_FATAL_FAILURE(start_pumped("callbacks.js"));
	std::thread::id host_thread;
	void *func = nullptr;
	ASSERT_EQ(
	    metacall_registerv_closure(nullptr, record_thread, &host_thread, &func, METACALL_INVALID, 1, nullptr),
	    0);
	// No pump between the load and the call: a handoff to another thread would never run.
	EXPECT_TRUE(is_long(
	    call("apply", {metacall_value_create_function(func), metacall_value_create_long(5)}).get(), 5));
	EXPECT_EQ(host_thread, std::this_thread::get_id()) << "JS did not run on the pumping thread";
	EXPECT_EQ(metacall_is_initialized("node"), 0);
}

TEST_F(NodePump, ATimerPromiseSettlesOnlyWhilePumping) {
	Watchdog watchdog(15s, "a timer promise on the pumping thread");
	ASSERT_NO_FATAL_FAILURE(start_pumped("promises.js"));
	Settlement settlement;
	{
		Args args{string_value("pumped"), metacall_value_create_long(20)};
		const ValuePtr future(metacall_await("resolve_later", args.data(), Settlement::on_resolve,
		                                     Settlement::on_reject, &settlement));
		ASSERT_NE(future, nullptr) << last_error();
		std::this_thread::sleep_for(150ms); // the 20 ms timer is due, but nobody pumps
		EXPECT_FALSE(settlement.settled()) << "the promise settled without a pump";
		ASSERT_TRUE(pump_until([&] { return settlement.settled(); })) << "never settled while pumping";
	}
	EXPECT_TRUE(settlement.resolved());
	EXPECT_TRUE(is_string(settlement.value(), "pumped"));
}

TEST_F(NodePump, ACallFromAnotherThreadWaitsForThePumpAndThenCompletes) {
	Watchdog watchdog(15s, "a call from another thread while pumping");
	ASSERT_NO_FATAL_FAILURE(start_pumped("threads.js"));
	std::atomic<bool> done{false};
	ValuePtr result;
	std::thread worker([&] {
		result = call("add", {metacall_value_create_long(40), metacall_value_create_long(2)});
		done = true;
	});
	std::this_thread::sleep_for(100ms);
	EXPECT_FALSE(done.load()) << "the call ran without a pump";
	const bool completed = pump_until([&] { return done.load(); });
	ASSERT_TRUE(completed) << "the call never completed while pumping";
	worker.join();
	EXPECT_TRUE(is_long(result.get(), 42));
}

TEST_F(NodePump, ManyCallsFromOtherThreadsCompleteWhileTheTestThreadPumps) {
	Watchdog watchdog(20s, "calls from other threads while pumping");
	ASSERT_NO_FATAL_FAILURE(start_pumped("threads.js"));
	std::atomic<int> finished{0}, wrong{0};
	std::vector<std::thread> workers;
	for (int t = 0; t < 2; ++t) {
		workers.emplace_back([&, t] {
			for (long i = 0; i < 200; ++i) {
				const ValuePtr sum =
				    call("add", {metacall_value_create_long(i), metacall_value_create_long(t * 1000)});
				if (!is_long(sum.get(), i + t * 1000))
					++wrong;
			}
			++finished;
		});
	}
	// Direct calls on the pumping thread mix with theirs.
	for (long i = 0; i < 50; ++i)
		EXPECT_TRUE(is_long(call("add", {metacall_value_create_long(i), metacall_value_create_long(1)}).get(),
		                    i + 1));
	const bool completed = pump_until([&] { return finished.load() == 2; });
	ASSERT_TRUE(completed) << finished.load() << " of 2 threads finished";
	for (std::thread &worker : workers)
		worker.join();
	EXPECT_EQ(wrong.load(), 0);
	EXPECT_TRUE(is_long(call("call_count", {}).get(), 450));
}

TEST_F(NodePump, PumpingALoaderThatRunsOnItsOwnThreadFailsWithAClearError) {
	ASSERT_EQ(metacall_execution_path("node", scripts_folder().c_str()), 0) << last_error();
	const char *paths[] = {"arith.js"};
	ASSERT_EQ(metacall_load_from_file("node", paths, 1, nullptr), 0) << last_error();
	metacall_error_clear();
	EXPECT_NE(metacall_pump("node"), 0);
	const std::string message = last_error_message();
	EXPECT_NE(message.find("own thread"), std::string::npos) << message;
	EXPECT_NE(message.find("metacall_pump"), std::string::npos) << message;
	// The loader keeps running on its own thread.
	EXPECT_TRUE(
	    is_long(call("add", {metacall_value_create_long(1), metacall_value_create_long(2)}).get(), 3));
}

TEST_F(NodePump, PumpingFromASecondThreadFails) {
	ASSERT_EQ(metacall_pump("node"), 0) << last_error();
	int result = 0;
	std::string message;
	std::thread other([&] {
		result = metacall_pump("node");
		message = last_error_message();
	});
	other.join();
	EXPECT_NE(result, 0);
	EXPECT_NE(message.find("another thread"), std::string::npos) << message;
}

// ---- METACALL_PUMP_SHARED and METACALL_PUMP_ON_CALLS (the py port's default) ----

TEST_F(NodePump, SharedCallsFromOtherThreadsRunOnTheirOwnThreadWithoutAnyPump) {
	Watchdog watchdog(20s, "calls from other threads of a shared Node");
	ASSERT_NO_FATAL_FAILURE(start_pumped("callbacks.js", METACALL_PUMP_SHARED));
	void *func = nullptr;
	std::thread::id seen;
	ASSERT_EQ(metacall_registerv_closure(nullptr, record_thread, &seen, &func, METACALL_INVALID, 1, nullptr),
	          0);
	std::vector<std::thread> workers;
	std::atomic<int> wrong{0}, foreign{0};
	for (int t = 0; t < 3; ++t)
		workers.emplace_back([&] {
			for (long i = 0; i < 200; ++i) {
				const ValuePtr result =
				    call("apply", {metacall_value_create_function(func), metacall_value_create_long(i)});
				if (!is_long(result.get(), i))
					++wrong;
			}
		});
	for (long i = 0; i < 100; ++i) // the pumping thread's own calls mix with theirs, and never pump
		EXPECT_TRUE(is_long(
		    call("apply", {metacall_value_create_function(func), metacall_value_create_long(i)}).get(), i));
	for (std::thread &worker : workers)
		worker.join(); // no pump while joining: each thread ran JS itself
	EXPECT_EQ(wrong.load(), 0);
	std::thread last([&] {
		call("apply", {metacall_value_create_function(func), metacall_value_create_long(1)});
		if (seen != std::this_thread::get_id())
			++foreign;
	});
	last.join();
	EXPECT_EQ(foreign.load(), 0) << "JS ran on another thread than the caller's";
}

TEST_F(NodePump, OnCallsACallRunsTheTimersThatAreDueFirst) {
	Watchdog watchdog(15s, "a timer on calls");
	ASSERT_NO_FATAL_FAILURE(start_pumped("promises.js", METACALL_PUMP_SHARED | METACALL_PUMP_ON_CALLS));
	Settlement settlement;
	Args args{string_value("on a call"), metacall_value_create_long(10)};
	const ValuePtr future(metacall_await("resolve_later", args.data(), Settlement::on_resolve,
	                                     Settlement::on_reject, &settlement));
	ASSERT_NE(future, nullptr) << last_error();
	std::this_thread::sleep_for(100ms);
	EXPECT_FALSE(settlement.settled()) << "settled with neither a call nor a pump";
	const char *paths[] = {"threads.js"};
	ASSERT_EQ(metacall_load_from_file("node", paths, 1, nullptr), 0) << last_error();
	call("add", {metacall_value_create_long(1), metacall_value_create_long(2)});
	EXPECT_TRUE(settlement.settled()) << "the due timer did not run on the next call";
	EXPECT_TRUE(is_string(settlement.value(), "on a call"));
}

TEST_F(NodePump, PumpPollGivesTheLoopDescriptorAndRefusesOtherThreads) {
	Watchdog watchdog(15s, "metacall_pump_poll");
	ASSERT_NO_FATAL_FAILURE(start_pumped("threads.js", METACALL_PUMP_SHARED));
	int fd = -1, timeout = -2;
	ASSERT_EQ(metacall_pump_poll("node", &fd, &timeout), 0) << last_error();
	EXPECT_GE(fd, 0);
	EXPECT_GE(timeout, -1);
	EXPECT_NE(metacall_pump_poll("node", nullptr, &timeout), 0);
	EXPECT_NE(last_error().find("NULL"), std::string::npos) << last_error();
	std::string message;
	std::thread other([&] {
		int f = 0, t = 0;
		EXPECT_NE(metacall_pump_poll("node", &f, &t), 0);
		message = last_error();
	});
	other.join();
	EXPECT_NE(message.find("not pumped by this thread"), std::string::npos) << message;
}

TEST_F(NodePump, UnknownPumpOptionsAreRefused) {
	EXPECT_NE(metacall_pump_ex("node", 64), 0);
	EXPECT_NE(last_error().find("unknown options"), std::string::npos) << last_error();
	EXPECT_NE(metacall_pump_ex("py", METACALL_PUMP_SHARED), 0); // no event loop to pump
	EXPECT_NE(last_error().find("no event loop"), std::string::npos) << last_error();
}

} // namespace
