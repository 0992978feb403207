// Imports: "metacall.<name>" calls the host function registered under <name>; a host function
// that throws (or is not registered) traps the guest; any other import fails the load.
#include "wasm_fixture.h"

namespace {

void *twice(size_t, void *args[], void *) {
	return metacall_value_create_long(2 * metacall_value_to_long(args[0]));
}

void *half(size_t, void *args[], void *) {
	return metacall_value_create_double(metacall_value_to_double(args[0]) / 2);
}

void *fail(size_t, void *args[], void *) {
	return metacall_error_throw("HostError", 0, nullptr, "refused %d", metacall_value_to_int(args[0]));
}

void *wrong_type(size_t, void *[], void *) {
	return metacall_value_create_string("20", 2);
}

// ok() of the instance (the closure's handle) + the argument.
void *reenter(size_t, void *args[], void *handle) {
	void *ok = metacallhv_s(handle, "ok", nullptr, 0);
	if (ok == nullptr || metacall_value_id(ok) != METACALL_INT) {
		metacall_value_destroy(ok);
		return metacall_error_throw("HostError", 0, nullptr, "ok() failed");
	}
	void *sum = metacall_value_create_int(metacall_value_to_int(ok) + metacall_value_to_int(args[0]));
	metacall_value_destroy(ok);
	return sum;
}

class Imports : public WasmLoaderTest {
protected:
	void SetUp() override {
		WasmLoaderTest::SetUp();
		if (HasFatalFailure())
			return;
		enum metacall_value_id longs[] = {METACALL_LONG};
		enum metacall_value_id doubles[] = {METACALL_DOUBLE};
		enum metacall_value_id ints[] = {METACALL_INT};
		ASSERT_EQ(metacall_registerv("twice", twice, nullptr, METACALL_LONG, 1, longs), 0)
		    << last_error_message();
		ASSERT_EQ(metacall_registerv("half", half, nullptr, METACALL_DOUBLE, 1, doubles), 0)
		    << last_error_message();
		ASSERT_EQ(metacall_registerv("fail", fail, nullptr, METACALL_INT, 1, ints), 0)
		    << last_error_message();
		handle = load("imports.wat");
		ASSERT_NE(handle, nullptr);
	}

	void *handle = nullptr;
};

TEST_F(Imports, GuestCallsHostFunctions) {
	Args longs{metacall_value_create_long(5)};
	EXPECT_TRUE(is_long(call(handle, "quad", longs).get(), 20));
	Args doubles{metacall_value_create_double(3.0)};
	ValuePtr quarter = call(handle, "quarter", doubles);
	ASSERT_EQ(metacall_value_id(quarter.get()), METACALL_DOUBLE) << describe(quarter.get());
	EXPECT_EQ(metacall_value_to_double(quarter.get()), 0.75);
}

TEST_F(Imports, ThrowingHostFunctionTrapsTheGuest) {
	Args args{metacall_value_create_int(3)};
	EXPECT_TRUE(is_error(call(handle, "calls_fail", args).get(), "WasmTrap",
	                     {"wasm function 'calls_fail' trapped", "metacall.fail threw", "HostError",
	                      "refused 3", "at calls_fail"}));
	EXPECT_TRUE(is_int(call(handle, "ok").get(), 1));
}

TEST_F(Imports, UnregisteredHostFunctionTrapsTheGuest) {
	EXPECT_TRUE(is_error(
	    call(handle, "calls_unregistered").get(), "WasmTrap",
	    {"metacall.unregistered", "no host function of that name is registered", "at calls_unregistered"}));
	EXPECT_TRUE(is_int(call(handle, "ok").get(), 1));
}

TEST_F(WasmLoaderTest, HostFunctionReturningAnotherTypeTrapsTheGuest) {
	enum metacall_value_id longs[] = {METACALL_LONG};
	ASSERT_EQ(metacall_registerv("wrong_type", wrong_type, nullptr, METACALL_STRING, 1, longs), 0)
	    << last_error_message();
	const char text[] = R"((module
  (import "metacall" "wrong_type" (func $wrong_type (param i64) (result i64)))
  (func $call (export "call") (param i64) (result i64) local.get 0 call $wrong_type)))";
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_memory("wasm", text, sizeof text, &handle), 0) << last_error_message();
	Args args{metacall_value_create_long(10)};
	EXPECT_TRUE(is_error(call(handle, "call", args).get(), "WasmTrap",
	                     {"metacall.wrong_type returned expected i64, got String", "at call"}));
}

TEST_F(Imports, HostFunctionMayCallBackIntoTheSameInstance) {
	enum metacall_value_id ints[] = {METACALL_INT};
	ASSERT_EQ(metacall_registerv_closure("reenter", reenter, handle, nullptr, METACALL_INT, 1, ints), 0)
	    << last_error_message();
	Args args{metacall_value_create_int(10)};
	EXPECT_TRUE(is_int(call(handle, "calls_reenter", args).get(), 11));
}

// A load without the host functions registered still works: they are looked up at call time.
TEST(ImportsLookUp, HostFunctionRegisteredAfterTheLoad) {
	ASSERT_EQ(metacall_initialize(), 0) << last_error_message();
	const std::string path = module_path("imports.wat");
	const char *paths[] = {path.c_str()};
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_file("wasm", paths, 1, &handle), 0) << last_error_message();
	enum metacall_value_id longs[] = {METACALL_LONG};
	ASSERT_EQ(metacall_registerv("twice", twice, nullptr, METACALL_LONG, 1, longs), 0)
	    << last_error_message();
	void *args[] = {metacall_value_create_long(1)};
	ValuePtr result(metacallhv_s(handle, "quad", args, 1));
	metacall_value_destroy(args[0]);
	EXPECT_TRUE(is_long(result.get(), 4));
	metacall_destroy();
}

TEST_F(WasmLoaderTest, ImportOfAnotherModuleFailsTheLoadNamingIt) {
	EXPECT_TRUE(mentions(load_error("env_missing.wat"), {"LoaderError", "env_missing.wat", "'env.missing'"}));
}

} // namespace
