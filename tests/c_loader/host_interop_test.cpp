// Functions of the C loader and functions of the host, calling each other through the core.
#include "c_loader_fixture.h"

namespace {

class HostInterop : public CLoaderTest {
protected:
	void SetUp() override {
		CLoaderTest::SetUp();
		if (!HasFatalFailure())
			load_types();
	}
};

void *host_add(size_t, void *argv[], void *) {
	return metacall_value_create_long(metacall_value_to_long(argv[0]) + metacall_value_to_long(argv[1]));
}

// Calls the C loader's echo_int(x) + 1 from inside a host function.
void *host_calls_c(size_t, void *argv[], void *) {
	void *args[] = {argv[0]};
	void *echoed = metacallv_s("echo_int", args, 1);
	if (echoed == nullptr || metacall_value_id(echoed) != METACALL_INT)
		return echoed;
	void *result = metacall_value_create_int(metacall_value_to_int(echoed) + 1);
	metacall_value_destroy(echoed);
	return result;
}

// apply(host_add_one, x) through the C loader, from inside a host function: host -> C -> host.
void *host_add_one(size_t, void *argv[], void *) {
	return metacall_value_create_long(metacall_value_to_long(argv[0]) + 1);
}
void *host_applies_through_c(size_t, void *argv[], void *) {
	void *args[] = {metacall_value_create_function(metacall_function("host_add_one")), argv[0]};
	void *result = metacallv_s("apply", args, 2);
	metacall_value_destroy(args[0]);
	return result;
}

TEST_F(HostInterop, AHostFunctionIsCallableByNameBesideCFunctions) {
	ASSERT_EQ(
	    metacall_register("host_add", host_add, nullptr, METACALL_LONG, 2, METACALL_LONG, METACALL_LONG), 0)
	    << last_error_message();
	Args args{metacall_value_create_long(40), metacall_value_create_long(2)};
	const ValuePtr result(metacallv_s("host_add", args.data(), args.size()));
	EXPECT_EQ(metacall_value_to_long(result.get()), 42) << describe(result.get());
	Args c_args{metacall_value_create_int(7)};
	EXPECT_EQ(metacall_value_to_int(call("echo_int", c_args).get()), 7);
}

TEST_F(HostInterop, AHostFunctionCallsACFunction) {
	ASSERT_EQ(metacall_register("host_calls_c", host_calls_c, nullptr, METACALL_INT, 1, METACALL_INT), 0)
	    << last_error_message();
	Args args{metacall_value_create_int(41)};
	const ValuePtr result(metacallv_s("host_calls_c", args.data(), args.size()));
	EXPECT_EQ(metacall_value_to_int(result.get()), 42) << describe(result.get());
}

TEST_F(HostInterop, ACFunctionCallsAHostFunctionFoundByName) {
	ASSERT_EQ(metacall_register("host_add_one", host_add_one, nullptr, METACALL_LONG, 1, METACALL_LONG), 0)
	    << last_error_message();
	Args args{metacall_value_create_function(metacall_function("host_add_one")),
	          metacall_value_create_long(41)};
	EXPECT_EQ(metacall_value_to_long(call("apply", args).get()), 42);
}

TEST_F(HostInterop, HostToCToHostAndBack) {
	ASSERT_EQ(metacall_register("host_add_one", host_add_one, nullptr, METACALL_LONG, 1, METACALL_LONG), 0);
	ASSERT_EQ(metacall_register("host_applies_through_c", host_applies_through_c, nullptr, METACALL_LONG, 1,
	                            METACALL_LONG),
	          0);
	Args args{metacall_value_create_long(9)};
	const ValuePtr result(metacallv_s("host_applies_through_c", args.data(), args.size()));
	EXPECT_EQ(metacall_value_to_long(result.get()), 10) << describe(result.get());
}

TEST_F(HostInterop, CFunctionsAndHostFunctionsAreListedByInspect) {
	ASSERT_EQ(
	    metacall_register("host_add", host_add, nullptr, METACALL_LONG, 2, METACALL_LONG, METACALL_LONG), 0);
	char *text = metacall_inspect(nullptr, nullptr);
	ASSERT_NE(text, nullptr);
	const std::string inspect(text);
	free(text);
	EXPECT_TRUE(mentions(inspect, {"\"c\"", "\"echo_int\"", "\"__metacall_host__\"", "\"host_add\""}));
}

} // namespace
