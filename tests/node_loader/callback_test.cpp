// Functions both ways: C functions handed to JS and called there (their errors become JS
// exceptions), JS functions handed to C and called later from other threads, and re-entrant
// C -> JS -> C -> JS chains on the thread that owns Node.
#include "node_test.h"

#include <mutex>
#include <set>
#include <thread>

namespace {

class NodeCallbacks : public NodeLoaderTest {
protected:
	void SetUp() override {
		NodeLoaderTest::SetUp();
		ASSERT_EQ(load("callbacks.js"), 0) << last_error();
	}

	// A new function value for an anonymous host function `invoke` with parameters `types`.
	static void *host_function(metacall_invoke_callback invoke, std::vector<enum metacall_value_id> types,
	                           enum metacall_value_id ret = METACALL_INVALID) {
		void *func = nullptr;
		EXPECT_EQ(metacall_registerv(nullptr, invoke, &func, ret, types.size(), types.data()), 0)
		    << last_error();
		return metacall_value_create_function(func);
	}
};

void *square(size_t, void *argv[], void *) {
	const long x = metacall_value_to_long(argv[0]);
	return metacall_value_create_long(x * x);
}

void *refuse(size_t, void *[], void *) {
	return metacall_error_throw("HostError", 7, nullptr, "host refused %d", 7);
}

TEST_F(NodeCallbacks, JsCallsAHostFunctionItWasGiven) {
	// JS passes the number 7; the core converts it to the declared long.
	EXPECT_TRUE(is_long(
	    call("apply", {host_function(square, {METACALL_LONG}), metacall_value_create_long(7)}).get(), 49));
}

TEST_F(NodeCallbacks, AHostFunctionsThrowableIsAJsExceptionJsCanCatch) {
	EXPECT_TRUE(
	    is_string(call("call_catching", {host_function(refuse, {})}).get(), "true|HostError|host refused 7"));
}

TEST_F(NodeCallbacks, CallingAHostFunctionWithTooFewArgumentsThrowsATypeErrorInJs) {
	const ValuePtr result = call("call_catching", {host_function(square, {METACALL_LONG})});
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_STRING) << describe(result.get());
	EXPECT_EQ(text_of(result.get()).rfind("true|TypeError|", 0), 0u) << text_of(result.get());
}

TEST_F(NodeCallbacks, AJsClosureReturnedToCIsCallableLaterFromAnotherThread) {
	const ValuePtr adder = call("make_adder", {metacall_value_create_long(10)});
	ASSERT_EQ(metacall_value_id(adder.get()), METACALL_FUNCTION) << describe(adder.get());
	// Another closure made in between: the first one is kept, not just the latest.
	const ValuePtr other = call("make_adder", {metacall_value_create_long(1000)});
	ASSERT_EQ(metacall_value_id(other.get()), METACALL_FUNCTION) << describe(other.get());
	ValuePtr result;
	within(std::chrono::seconds(10), [&] {
		std::thread later([&] { result = call_value(adder.get(), {metacall_value_create_long(32)}); });
		later.join();
	});
	EXPECT_TRUE(is_long(result.get(), 42));
}

TEST_F(NodeCallbacks, AJsClosureKeepsItsStateAcrossThreads) {
	const ValuePtr counter = call("make_counter");
	ASSERT_EQ(metacall_value_id(counter.get()), METACALL_FUNCTION) << describe(counter.get());
	std::vector<ValuePtr> results(3);
	within(std::chrono::seconds(10), [&] {
		for (ValuePtr &result : results) {
			std::thread other([&] { result = call_value(counter.get()); });
			other.join();
		}
	});
	EXPECT_TRUE(is_long(results[0].get(), 1));
	EXPECT_TRUE(is_long(results[1].get(), 2));
	EXPECT_TRUE(is_long(results[2].get(), 3));
}

TEST_F(NodeCallbacks, AJsCallbackCalledWithTooFewArgumentsIsATypeErrorNotNaN) {
	const ValuePtr sum = call("make_two_parameter_function");
	ASSERT_EQ(metacall_value_id(sum.get()), METACALL_FUNCTION) << describe(sum.get());
	EXPECT_TRUE(is_error(call_value(sum.get(), {metacall_value_create_long(1)}).get(), "TypeError"));
	EXPECT_TRUE(is_long(
	    call_value(sum.get(), {metacall_value_create_long(1), metacall_value_create_long(2)}).get(), 3));
}

TEST_F(NodeCallbacks, AJsCallbackHandedBackToJsStillWorks) {
	const ValuePtr adder = call("make_adder", {metacall_value_create_long(5)});
	ASSERT_EQ(metacall_value_id(adder.get()), METACALL_FUNCTION) << describe(adder.get());
	EXPECT_TRUE(
	    is_long(call("apply", {metacall_value_copy(adder.get()), metacall_value_create_long(1)}).get(), 6));
}

// The re-entrant chain: countdown(n, step) in JS calls step (C), which calls countdown(n - 1)
// (JS) again. Every C step runs on the one thread that owns Node.
struct ChainThreads {
	std::mutex mutex;
	std::set<std::thread::id> ids;
};

void *step_down(size_t, void *argv[], void *data) {
	auto *threads = static_cast<ChainThreads *>(data);
	{
		std::lock_guard lock(threads->mutex);
		threads->ids.insert(std::this_thread::get_id());
	}
	void *args[] = {argv[0], argv[1]};
	return metacallv_s("countdown", args, 2);
}

TEST_F(NodeCallbacks, ACToJsToCToJsChainRunsOnTheOwnerThreadWithoutDeadlock) {
	ChainThreads threads;
	void *step = nullptr;
	ASSERT_EQ(metacall_registerv_closure(nullptr, step_down, &threads, &step, METACALL_INVALID, 2, nullptr),
	          0)
	    << last_error();
	ValuePtr result;
	within(std::chrono::seconds(10), [&] {
		result = call("countdown", {metacall_value_create_long(10), metacall_value_create_function(step)});
	});
	EXPECT_TRUE(is_string(result.get(), "10,9,8,7,6,5,4,3,2,1,0"));
	EXPECT_EQ(threads.ids.size(), 1u) << "the chain's C steps ran on several threads";
	EXPECT_EQ(threads.ids.count(std::this_thread::get_id()), 0u)
	    << "a C step ran on the test thread, not Node's";
}

} // namespace
