// Pointers to functions: a Function value becomes a C function pointer for the duration of the call.
#include "c_loader_fixture.h"

#include <string>
#include <vector>

namespace {

class Callbacks : public CLoaderTest {
protected:
	void SetUp() override {
		CLoaderTest::SetUp();
		if (!HasFatalFailure())
			load_types();
	}
};

void *triple(size_t, void *argv[], void *) {
	return metacall_value_create_long(3 * metacall_value_to_long(argv[0]));
}

void *multiply(size_t, void *argv[], void *) {
	return metacall_value_create_double(metacall_value_to_double(argv[0]) *
	                                    metacall_value_to_double(argv[1]));
}

void *collect(size_t, void *argv[], void *data) {
	auto *names = static_cast<std::vector<std::string> *>(data);
	names->push_back(std::string(metacall_value_to_string(argv[0])) + "@" +
	                 std::to_string(metacall_value_to_int(argv[1])));
	return nullptr;
}

void *is_even(size_t, void *argv[], void *) {
	return metacall_value_create_bool(metacall_value_to_int(argv[0]) % 2 == 0);
}

void *refuse(size_t, void *[], void *) {
	return metacall_error_throw("HostError", 3, nullptr, "refused by the host");
}

void *wrong_type(size_t, void *[], void *) {
	return metacall_value_create_string("nope", 4);
}

void *anonymous(void *(*invoke)(size_t, void *[], void *), enum metacall_value_id ret,
                std::vector<enum metacall_value_id> params) {
	void *function = nullptr;
	EXPECT_EQ(metacall_registerv(nullptr, invoke, &function, ret, params.size(), params.data()), 0)
	    << last_error_message();
	return function;
}

TEST_F(Callbacks, AFunctionPointerParameterIsAFunction) {
	enum metacall_value_id id = METACALL_INVALID;
	ASSERT_EQ(metacall_function_parameter_type(metacall_function("apply"), 0, &id), 0);
	EXPECT_EQ(id, METACALL_FUNCTION);
}

TEST_F(Callbacks, CCallsAHostFunction) {
	Args args{metacall_value_create_function(anonymous(triple, METACALL_LONG, {METACALL_LONG})),
	          metacall_value_create_long(14)};
	const ValuePtr result = call("apply", args);
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_LONG) << describe(result.get());
	EXPECT_EQ(metacall_value_to_long(result.get()), 42);
}

TEST_F(Callbacks, CCallsTheCallbackManyTimesThroughATypedef) {
	Args args{array_of({metacall_value_create_double(2.0), metacall_value_create_double(3.0),
	                    metacall_value_create_double(7.0)}),
	          metacall_value_create_function(
	              anonymous(multiply, METACALL_DOUBLE, {METACALL_DOUBLE, METACALL_DOUBLE})),
	          metacall_value_create_double(1.0)};
	EXPECT_EQ(metacall_value_to_double(call("fold", args).get()), 42.0);
}

TEST_F(Callbacks, StringArgumentsReachTheCallback) {
	std::vector<std::string> names;
	void *visitor = anonymous(collect, METACALL_NULL, {METACALL_STRING, METACALL_INT});
	Args args{metacall_value_create_function_closure(visitor, &names)};
	EXPECT_EQ(metacall_value_to_int(call("visit_names", args).get()), 3);
	EXPECT_EQ(names, (std::vector<std::string>{"ada@0", "grace@1", "barbara@2"}));
}

TEST_F(Callbacks, ABooleanResultComesBack) {
	void *predicate = anonymous(is_even, METACALL_BOOL, {METACALL_INT});
	Args even{metacall_value_create_function(predicate), metacall_value_create_int(4)};
	EXPECT_EQ(metacall_value_to_bool(call("check", even).get()), 1);
	Args odd{metacall_value_create_function(predicate), metacall_value_create_int(5)};
	EXPECT_EQ(metacall_value_to_bool(call("check", odd).get()), 0);
}

TEST_F(Callbacks, ACFunctionOfTheLoaderCanBeTheCallback) {
	Args args{metacall_value_create_function(metacall_function("echo_long")), metacall_value_create_long(8)};
	EXPECT_EQ(metacall_value_to_long(call("apply", args).get()), 8);
}

TEST_F(Callbacks, ACallbackThatThrowsMakesTheCallThrow) {
	Args args{metacall_value_create_function(anonymous(refuse, METACALL_LONG, {METACALL_LONG})),
	          metacall_value_create_long(1)};
	EXPECT_TRUE(is_error(call("apply", args).get(), "HostError", {"refused by the host"}));
}

TEST_F(Callbacks, ACallbackResultOfTheWrongTypeMakesTheCallThrow) {
	Args args{metacall_value_create_function(anonymous(wrong_type, METACALL_STRING, {METACALL_LONG})),
	          metacall_value_create_long(1)};
	EXPECT_TRUE(is_error(call("apply", args).get(), "TypeError", {"the callback's result", "String"}));
}

TEST_F(Callbacks, ANonFunctionIsATypeError) {
	Args args{metacall_value_create_long(1), metacall_value_create_long(1)};
	EXPECT_TRUE(is_error(call("apply", args).get(), "TypeError",
	                     {"apply", "parameter 0 ('f')", "expected a Function", "Long"}));
}

} // namespace
