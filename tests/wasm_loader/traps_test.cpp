// Traps: each kind becomes a throwable labelled "WasmTrap" whose message names the kind and whose
// backtrace names the function; the instance keeps working for the next call.
#include "wasm_fixture.h"

#include <cstdint>

namespace {

class Traps : public WasmLoaderTest {
protected:
	void SetUp() override {
		WasmLoaderTest::SetUp();
		if (!HasFatalFailure())
			handle = load("traps.wat");
		ASSERT_NE(handle, nullptr);
	}

	// The same instance answers the next call.
	::testing::AssertionResult still_works() { return is_int(call(handle, "ok").get(), 7); }

	void *handle = nullptr;
};

TEST_F(Traps, Unreachable) {
	EXPECT_TRUE(
	    is_error(call(handle, "hit_unreachable").get(), "WasmTrap",
	             {"wasm function 'hit_unreachable' trapped", "unreachable executed", "at hit_unreachable"}));
	EXPECT_TRUE(still_works());
}

TEST_F(Traps, IntegerDivisionByZero) {
	Args args{metacall_value_create_int(1), metacall_value_create_int(0)};
	EXPECT_TRUE(
	    is_error(call(handle, "divide", args).get(), "WasmTrap", {"integer division by zero", "at divide"}));
	EXPECT_TRUE(still_works());
}

TEST_F(Traps, IntegerOverflow) {
	Args args{metacall_value_create_int(INT32_MIN), metacall_value_create_int(-1)};
	EXPECT_TRUE(is_error(call(handle, "divide", args).get(), "WasmTrap", {"integer overflow", "at divide"}));
	EXPECT_TRUE(still_works());
}

TEST_F(Traps, OutOfBoundsMemoryAccess) {
	Args inside{metacall_value_create_int(65532)}; // the last 4 bytes of the one page
	EXPECT_TRUE(is_int(call(handle, "load_far", inside).get(), 0));
	Args outside{metacall_value_create_int(65533)};
	EXPECT_TRUE(is_error(call(handle, "load_far", outside).get(), "WasmTrap",
	                     {"out-of-bounds memory access", "at load_far"}));
	EXPECT_TRUE(still_works());
}

TEST_F(Traps, StackOverflow) {
	Args args{metacall_value_create_int(0)};
	EXPECT_TRUE(is_error(call(handle, "recurse", args).get(), "WasmTrap", {"stack overflow", "at recurse"}));
	EXPECT_TRUE(still_works());
}

TEST_F(Traps, IndirectCallToNull) {
	Args filled{metacall_value_create_int(1)};
	EXPECT_TRUE(is_int(call(handle, "call_slot", filled).get(), 42));
	Args empty{metacall_value_create_int(0)};
	EXPECT_TRUE(is_error(call(handle, "call_slot", empty).get(), "WasmTrap",
	                     {"indirect call to a null table entry", "at call_slot"}));
	EXPECT_TRUE(still_works());
}

TEST_F(Traps, IndirectCallOutsideTheTable) {
	Args args{metacall_value_create_int(2)};
	EXPECT_TRUE(is_error(call(handle, "call_slot", args).get(), "WasmTrap",
	                     {"out-of-bounds table access", "at call_slot"}));
	EXPECT_TRUE(still_works());
}

TEST_F(Traps, IndirectCallWithTheWrongSignature) {
	Args args{metacall_value_create_int(1)};
	EXPECT_TRUE(is_error(call(handle, "call_slot_as_i64", args).get(), "WasmTrap",
	                     {"indirect call with the wrong signature", "at call_slot_as_i64"}));
	EXPECT_TRUE(still_works());
}

} // namespace
