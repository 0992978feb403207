// Functions of the host passed into the loader and called from there: call(f, x) -> f(x),
// including a host function that calls back into the loader (re-entrancy).
#include "fixture.h"

namespace {

void *twice(size_t, void *argv[], void *) {
	return metacall_value_create_long(2 * metacall_value_to_long(argv[0]));
}

// Adds the long the closure points to.
void *add_closure(size_t, void *argv[], void *data) {
	return metacall_value_create_long(metacall_value_to_long(argv[0]) + *static_cast<const long *>(data));
}

// Calls the loader's add(x, 1) from inside a call that the loader made.
void *add_one_through_loader(size_t, void *argv[], void *) {
	void *args[] = {argv[0], metacall_value_create_long(1)};
	void *result = metacallv_s("add", args, 2);
	metacall_value_destroy(args[1]);
	return result;
}

// Calls the loader's call(twice, x) from inside a call that the loader made: two levels deep.
void *call_twice_through_loader(size_t, void *argv[], void *) {
	void *inner = metacall_function("conformance_twice");
	void *args[] = {metacall_value_create_function(inner), argv[0]};
	void *result = metacallv_s("call", args, 2);
	metacall_value_destroy(args[0]);
	return result;
}

void *throw_host_error(size_t, void *[], void *) {
	return metacall_error_throw("HostError", 7, nullptr, "thrown by the host");
}

// call(f, x) with the function value `f` (taken) and the long x.
ValuePtr call_with(void *f, long x) {
	Args args{f, metacall_value_create_long(x)};
	return ValuePtr(metacallv_s("call", args.data(), args.size()));
}

TEST_P(Conformance, CallInvokesARegisteredHostFunction) {
	CONFORMANCE_REQUIRE_CALLBACKS();
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *host = nullptr;
	ASSERT_EQ(metacall_register("conformance_twice", twice, &host, METACALL_LONG, 1, METACALL_LONG), 0)
	    << last_error_message();
	EXPECT_TRUE(is_number(call_with(metacall_value_create_function(host), 21).get(), 42));
}

TEST_P(Conformance, CallInvokesAHostFunctionFoundByName) {
	CONFORMANCE_REQUIRE_CALLBACKS();
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	ASSERT_EQ(metacall_register("conformance_twice", twice, nullptr, METACALL_LONG, 1, METACALL_LONG), 0)
	    << last_error_message();
	void *host = metacall_function("conformance_twice");
	ASSERT_NE(host, nullptr) << last_error_message();
	EXPECT_TRUE(is_number(call_with(metacall_value_create_function(host), 4).get(), 8));
}

TEST_P(Conformance, CallInvokesAnAnonymousHostFunction) {
	CONFORMANCE_REQUIRE_CALLBACKS();
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *host = nullptr;
	ASSERT_EQ(metacall_register(nullptr, twice, &host, METACALL_LONG, 1, METACALL_LONG), 0)
	    << last_error_message();
	ASSERT_NE(host, nullptr);
	EXPECT_TRUE(is_number(call_with(metacall_value_create_function(host), -5).get(), -10));
}

TEST_P(Conformance, CallPassesTheClosureData) {
	CONFORMANCE_REQUIRE_CALLBACKS();
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *host = nullptr;
	ASSERT_EQ(metacall_register(nullptr, add_closure, &host, METACALL_LONG, 1, METACALL_LONG), 0)
	    << last_error_message();
	static long hundred = 100;
	EXPECT_TRUE(is_number(call_with(metacall_value_create_function_closure(host, &hundred), 1).get(), 101));
}

TEST_P(Conformance, CallAcceptsALoaderFunction) {
	CONFORMANCE_REQUIRE_CALLBACKS();
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *echo = metacall_function("echo");
	ASSERT_NE(echo, nullptr) << last_error_message();
	EXPECT_TRUE(is_number(call_with(metacall_value_create_function(echo), 9).get(), 9));
}

TEST_P(Conformance, HostFunctionCanCallBackIntoTheLoader) {
	CONFORMANCE_REQUIRE_CALLBACKS();
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *host = nullptr;
	ASSERT_EQ(metacall_register(nullptr, add_one_through_loader, &host, METACALL_LONG, 1, METACALL_LONG), 0)
	    << last_error_message();
	EXPECT_TRUE(is_number(call_with(metacall_value_create_function(host), 41).get(), 42));
}

TEST_P(Conformance, ReentrancyTwoLevelsDeep) {
	CONFORMANCE_REQUIRE_CALLBACKS();
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	ASSERT_EQ(metacall_register("conformance_twice", twice, nullptr, METACALL_LONG, 1, METACALL_LONG), 0)
	    << last_error_message();
	void *outer = nullptr;
	ASSERT_EQ(metacall_register(nullptr, call_twice_through_loader, &outer, METACALL_LONG, 1, METACALL_LONG),
	          0)
	    << last_error_message();
	EXPECT_TRUE(is_number(call_with(metacall_value_create_function(outer), 8).get(), 16));
}

TEST_P(Conformance, AHostErrorComesBackAsAThrowable) {
	CONFORMANCE_REQUIRE_CALLBACKS();
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *host = nullptr;
	ASSERT_EQ(metacall_register(nullptr, throw_host_error, &host, METACALL_NULL, 1, METACALL_LONG), 0)
	    << last_error_message();
	const ValuePtr result = call_with(metacall_value_create_function(host), 1);
	ASSERT_NE(result, nullptr) << last_error_message();
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << describe(result.get());
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(result.get(), &error), 0);
	EXPECT_NE(std::string(error.message).find("thrown by the host"), std::string::npos) << error.message;
}

} // namespace
