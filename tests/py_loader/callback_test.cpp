// Callables both ways: Python functions handed to C (callable later, from any thread) and C
// functions handed to Python (metacall.Function objects), including re-entrant calls.
#include "py_test.h"

#include <atomic>
#include <thread>
#include <vector>

namespace {

class PyCallbacks : public PyLoaderTest {
protected:
	void SetUp() override {
		PyLoaderTest::SetUp();
		ASSERT_EQ(load("callbacks.py"), 0) << last_error();
	}

	// f(args...) for the function value `f` (borrowed), taking the arguments.
	static ValuePtr call_value(void *f, std::initializer_list<void *> args) {
		Args owned(args);
		return ValuePtr(metacallfv_s(metacall_value_to_function(f), owned.data(), owned.size()));
	}
};

void *twice(size_t, void *argv[], void *) {
	return metacall_value_create_long(2 * metacall_value_to_long(argv[0]));
}

// Calls Python's double(x) from inside a call that Python made: Python -> C -> Python.
void *double_through_python(size_t, void *argv[], void *) {
	void *args[] = {argv[0]};
	return metacallv_s("double", args, 1);
}

TEST_F(PyCallbacks, APythonLambdaReturnedToCIsAFunctionValue) {
	const ValuePtr adder = call("make_adder", {metacall_value_create_long(10)});
	ASSERT_EQ(metacall_value_id(adder.get()), METACALL_FUNCTION) << describe(adder.get());
	EXPECT_TRUE(is_long(call_value(adder.get(), {metacall_value_create_long(5)}).get(), 15));
}

TEST_F(PyCallbacks, APythonFunctionIsCallableLaterFromAnotherThread) {
	const ValuePtr adder = call("make_adder", {metacall_value_create_long(10)});
	ASSERT_EQ(metacall_value_id(adder.get()), METACALL_FUNCTION) << describe(adder.get());
	ValuePtr result;
	std::thread later([&] { result = call_value(adder.get(), {metacall_value_create_long(32)}); });
	later.join();
	EXPECT_TRUE(is_long(result.get(), 42));
}

TEST_F(PyCallbacks, APythonCallbackTakesCallsFromSeveralThreadsAtOnce) {
	const ValuePtr adder = call("make_adder", {metacall_value_create_long(1)});
	std::atomic<int> wrong{0};
	std::vector<std::thread> threads;
	for (int t = 0; t < 4; ++t) {
		threads.emplace_back([&, t] {
			for (long i = 0; i < 1000; ++i) {
				const ValuePtr result = call_value(adder.get(), {metacall_value_create_long(t * 10000 + i)});
				if (!is_long(result.get(), t * 10000 + i + 1))
					++wrong;
			}
		});
	}
	for (std::thread &thread : threads)
		thread.join();
	EXPECT_EQ(wrong.load(), 0);
}

TEST_F(PyCallbacks, ABoundMethodKeepsItsObject) {
	const ValuePtr add = call("make_bound_method");
	ASSERT_EQ(metacall_value_id(add.get()), METACALL_FUNCTION) << describe(add.get());
	EXPECT_EQ(metacall_function_size(metacall_value_to_function(add.get())), 1u); // self is bound
	EXPECT_TRUE(is_long(call_value(add.get(), {metacall_value_create_long(5)}).get(), 5));
	EXPECT_TRUE(is_long(call_value(add.get(), {metacall_value_create_long(7)}).get(), 12));
}

TEST_F(PyCallbacks, AnAsyncPythonCallableIsAnAsyncFunction) {
	const ValuePtr doubler = call("make_async_doubler");
	ASSERT_EQ(metacall_value_id(doubler.get()), METACALL_FUNCTION) << describe(doubler.get());
	EXPECT_EQ(metacall_function_async(metacall_value_to_function(doubler.get())), 1);
	const ValuePtr future = call_value(doubler.get(), {metacall_value_create_long(21)});
	EXPECT_EQ(metacall_value_id(future.get()), METACALL_FUTURE) << describe(future.get());
}

TEST_F(PyCallbacks, AReleasedCallbackDropsItsPythonFunction) {
	ValuePtr tracked = call("make_tracked");
	ASSERT_EQ(metacall_value_id(tracked.get()), METACALL_FUNCTION) << describe(tracked.get());
	const ValuePtr before = call("tracked_alive");
	EXPECT_EQ(metacall_value_to_bool(before.get()), 1) << describe(before.get());
	tracked.reset();
	const ValuePtr after = call("tracked_alive");
	EXPECT_EQ(metacall_value_to_bool(after.get()), 0) << "the lambda outlived its last function value";
}

TEST_F(PyCallbacks, ACallbackOutlivesTheHandleThatMadeIt) {
	void *handle = nullptr;
	ASSERT_EQ(load("callbacks.py", &handle), 0) << last_error();
	const ValuePtr adder = call_in(handle, "make_adder", {metacall_value_create_long(2)});
	ASSERT_EQ(metacall_clear(handle), 0) << last_error();
	EXPECT_TRUE(is_long(call_value(adder.get(), {metacall_value_create_long(40)}).get(), 42));
}

TEST_F(PyCallbacks, AHostFunctionIsAPythonCallable) {
	void *host = nullptr;
	ASSERT_EQ(metacall_register(nullptr, twice, &host, METACALL_LONG, 1, METACALL_LONG), 0) << last_error();
	const ValuePtr facts = call("describe_callable", {metacall_value_create_function(host)});
	ASSERT_EQ(metacall_value_count(facts.get()), 2u) << describe(facts.get());
	EXPECT_EQ(metacall_value_to_bool(metacall_value_to_array(facts.get())[0]), 1);
	EXPECT_TRUE(is_string(metacall_value_to_array(facts.get())[1], "Function"));
	EXPECT_TRUE(is_long(
	    call("call", {metacall_value_create_function(host), metacall_value_create_long(21)}).get(), 42));
}

TEST_F(PyCallbacks, ARegisteredHostFunctionIsCalledFromPython) {
	ASSERT_EQ(metacall_register("host_twice", twice, nullptr, METACALL_LONG, 1, METACALL_LONG), 0)
	    << last_error();
	EXPECT_TRUE(is_long(call("call", {metacall_value_create_function(metacall_function("host_twice")),
	                                  metacall_value_create_long(8)})
	                        .get(),
	                    16));
}

TEST_F(PyCallbacks, KeywordArgumentsToAHostFunctionAreATypeError) {
	void *host = nullptr;
	ASSERT_EQ(metacall_register(nullptr, twice, &host, METACALL_LONG, 1, METACALL_LONG), 0) << last_error();
	EXPECT_TRUE(is_error(call("call_with_keyword", {metacall_value_create_function(host)}).get(), "TypeError",
	                     "positional"));
}

TEST_F(PyCallbacks, PythonCallsCWhichCallsPythonAgainWithoutDeadlock) {
	void *host = nullptr;
	ASSERT_EQ(metacall_register(nullptr, double_through_python, &host, METACALL_LONG, 1, METACALL_LONG), 0);
	within(std::chrono::seconds(20), [&] {
		EXPECT_TRUE(is_long(
		    call("call_twice_nested", {metacall_value_create_function(host), metacall_value_create_long(5)})
		        .get(),
		    11));
	});
}

TEST_F(PyCallbacks, ACallbackStoredByPythonIsCalledLater) {
	void *host = nullptr;
	ASSERT_EQ(metacall_register(nullptr, twice, &host, METACALL_LONG, 1, METACALL_LONG), 0) << last_error();
	ASSERT_NE(call("store", {metacall_value_create_function(host)}), nullptr);
	EXPECT_TRUE(is_long(call("call_stored", {metacall_value_create_long(4)}).get(), 8));
}

} // namespace
