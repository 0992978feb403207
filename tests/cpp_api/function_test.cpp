// metacall::function: functions by name, from handles, and made from C++ callables; function
// values passed to scripts (the mock's `call` builtin calls them back) and received from them.
#include "cpp_api_test.h"

#include <functional>

using metacall::value;

namespace {

class Functions : public cpp_api_test::CppApi {
protected:
	metacall::handle script_ = metacall::handle::load_from_memory("mock", cpp_api_test::mock_script);
};

} // namespace

TEST_F(Functions, LookupFindsAGlobalFunctionAndOwnsIt) {
	metacall::register_function("twice", [](long x) { return 2 * x; });
	metacall::function twice = metacall::function::lookup("twice");
	EXPECT_TRUE(twice.owning());
	EXPECT_EQ(twice.arity(), 1U);
	EXPECT_FALSE(twice.is_async());
	EXPECT_EQ(twice.call<long>(4L), 8);
	EXPECT_EQ(metacall::call<long>(twice, 5L), 10);
	EXPECT_EQ(twice(6L).to<long>(), 12);
}

TEST_F(Functions, LookupOfAnUnknownNameIsAnError) {
	EXPECT_THROW(metacall::function::lookup("nowhere"), metacall::error);
}

TEST_F(Functions, BorrowedPointerWrapsWithoutOwning) {
	metacall::register_function("twice", [](long x) { return 2 * x; });
	metacall::function borrowed(metacall_function("twice"));
	EXPECT_FALSE(borrowed.owning());
	EXPECT_EQ(borrowed.call<long>(1L), 2);
	EXPECT_EQ(borrowed.to_value().type(), METACALL_FUNCTION);
}

TEST_F(Functions, FromMakesAnAnonymousFunctionOfALambda) {
	long base = 100;
	metacall::function plus = metacall::function::from([base](long x) { return base + x; });
	EXPECT_TRUE(plus.owning());
	EXPECT_EQ(plus.call<long>(1L), 101);
	EXPECT_EQ(metacall_function("plus"), nullptr); // not in any scope
	metacall_error_clear();
}

TEST_F(Functions, AnonymousFunctionIsCallableThroughTheCApi) {
	metacall::function f = metacall::function::from([](long x) { return x + 1; });
	value arg = value::from(1L);
	void *args[] = {arg.get()};
	value result(metacallfv_s(f.get(), args, 1));
	EXPECT_EQ(result.to<long>(), 2);
}

TEST_F(Functions, CopiesShareTheFunction) {
	metacall::function f = metacall::function::from([](long x) { return x * 3; });
	metacall::function copy = f;
	EXPECT_EQ(copy.get(), f.get());
	f = metacall::function();
	EXPECT_EQ(copy.call<long>(2L), 6);
}

TEST_F(Functions, FunctionValueWithAnotherTypeIsATypeError) {
	EXPECT_THROW(metacall::function(value::from(1)), metacall::type_error);
}

TEST_F(Functions, LambdaArgumentIsCalledBackByAScript) {
	EXPECT_EQ(script_.call<long>(
	              "call", [](long x) { return x * 2; }, 21L),
	          42);
}

TEST_F(Functions, FunctionArgumentIsCalledBackByAScript) {
	int calls = 0;
	metacall::function counted = metacall::function::from([&calls](std::string s) {
		++calls;
		return s + s;
	});
	EXPECT_EQ(script_.call<std::string>("call", counted, "ab"), "abab");
	EXPECT_EQ(script_.call<std::string>("call", counted, "c"), "cc");
	EXPECT_EQ(calls, 2);
}

TEST_F(Functions, StdFunctionArgumentIsCalledBackByAScript) {
	std::function<long(long)> negate = [](long x) { return -x; };
	EXPECT_EQ(script_.call<long>("call", negate, 5L), -5);
}

TEST_F(Functions, CallbackErrorReachesTheOuterCaller) {
	try {
		script_.call<long>(
		    "call", [](long) -> long { throw std::runtime_error("callback failed"); }, 1L);
		FAIL() << "no exception";
	} catch (const metacall::exception &e) {
		EXPECT_EQ(e.label(), "CppError");
		EXPECT_STREQ(e.what(), "callback failed");
	}
}

TEST_F(Functions, ReceivedFunctionValueIsCallable) {
	metacall::function f = metacall::function::from([](long x) { return x - 1; });
	metacall::function back = script_.call<metacall::function>("echo", f);
	EXPECT_EQ(back.call<long>(10L), 9);
	std::function<long(long)> as_std = script_.call<std::function<long(long)>>("echo", f);
	EXPECT_EQ(as_std(10L), 9);
}

TEST_F(Functions, ScriptFunctionAsAValue) {
	metacall::function add = script_.function("add");
	// add is the mock's: pass it to the host, which calls it back.
	metacall::register_function(
	    "apply2", [](const metacall::function &f, long a, long b) { return f.call<long>(a, b); });
	EXPECT_EQ(metacall::call<long>("apply2", add, 40L, 2L), 42);
}

TEST_F(Functions, HostFunctionTakingAStdFunctionCallsTheArgument) {
	metacall::register_function("apply", [](const std::function<long(long)> &f, long x) { return f(x) + 1; });
	EXPECT_EQ(metacall::call<long>(
	              "apply", [](long x) { return x * 3; }, 5L),
	          16);
	EXPECT_EQ(metacall::call<long>("apply", script_.function("echo"), 5L), 6);
}

TEST_F(Functions, FunctionValueOutlivingItsHandleThrowsInsteadOfCrashing) {
	metacall::function add = script_.function("add");
	script_.clear();
	try {
		add.call<long>(1L, 2L);
		FAIL() << "no error";
	} catch (const metacall::exception &e) {
		FAIL() << "not an exception of the callee: " << e.what();
	} catch (const metacall::error &e) {
		EXPECT_NE(std::string(e.what()).find("unloaded"), std::string::npos) << e.what();
	}
}
