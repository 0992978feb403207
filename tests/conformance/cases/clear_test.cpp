// metacall_clear: what one load brought in goes away; what still refers to it fails cleanly.
#include "fixture.h"

namespace {

// Clears the handle passed as closure data from inside a call that its own module is running.
void *clear_own_handle(size_t, void *argv[], void *data) {
	const int status = metacall_clear(data);
	return status == 0 ? metacall_value_copy(argv[0])
	                   : metacall_error_throw("ClearError", status, nullptr, "refused");
}

TEST_P(Conformance, ClearOfAGlobalLoadRemovesItsFunctions) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *handle = metacall_handle(tag(), loader().main_script.c_str());
	ASSERT_NE(handle, nullptr) << last_error_message();
	ASSERT_EQ(metacall_clear(handle), 0) << last_error_message();
	EXPECT_EQ(metacall_function("add"), nullptr);
	EXPECT_EQ(metacall_function("echo"), nullptr);
}

TEST_P(Conformance, ClearForgetsTheHandle) {
	void *handle = nullptr;
	ASSERT_EQ(load(loader().main_script, &handle), 0) << last_error_message();
	ASSERT_EQ(metacall_clear(handle), 0) << last_error_message();
	EXPECT_EQ(metacall_handle(tag(), loader().main_script.c_str()), nullptr);
}

TEST_P(Conformance, CallingAClearedFunctionByNameReturnsNull) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	ASSERT_EQ(metacall_clear(metacall_handle(tag(), loader().main_script.c_str())), 0)
	    << last_error_message();
	Args args{metacall_value_create_long(1), metacall_value_create_long(2)};
	const ValuePtr result(metacallv_s("add", args.data(), args.size()));
	EXPECT_EQ(result, nullptr) << describe(result.get());
}

TEST_P(Conformance, AFunctionValueTakenBeforeClearReportsAnErrorWhenCalled) {
	void *handle = nullptr;
	ASSERT_EQ(load(loader().main_script, &handle), 0) << last_error_message();
	const ValuePtr kept(metacall_value_create_function(metacall_handle_function(handle, "add")));
	ASSERT_NE(kept, nullptr) << last_error_message();
	ASSERT_EQ(metacall_clear(handle), 0) << last_error_message();
	metacall_error_clear();
	const ValuePtr result = add_through(metacall_value_to_function(kept.get()), 1, 2);
	if (result == nullptr) {
		metacall_exception_type error{};
		EXPECT_EQ(metacall_error_last(&error), 0) << "NULL without an error message";
	} else {
		EXPECT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << describe(result.get());
	}
}

TEST_P(Conformance, AFunctionValueKeptAcrossDestroyReportsAnError) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	const ValuePtr kept(metacall_value_create_function(metacall_function("add")));
	ASSERT_NE(kept, nullptr) << last_error_message();
	metacall_destroy();
	const ValuePtr result = add_through(metacall_value_to_function(kept.get()), 1, 2);
	if (result != nullptr) {
		EXPECT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << describe(result.get());
	}
	ASSERT_EQ(metacall_initialize(), 0) << last_error_message();
	const ValuePtr after_restart = add_through(metacall_value_to_function(kept.get()), 1, 2);
	if (after_restart != nullptr) {
		EXPECT_EQ(metacall_value_id(after_restart.get()), METACALL_THROWABLE)
		    << describe(after_restart.get());
	}
}

TEST_P(Conformance, ClearingTheSameHandleTwiceIsAnError) {
	void *handle = nullptr;
	ASSERT_EQ(load(loader().main_script, &handle), 0) << last_error_message();
	ASSERT_EQ(metacall_clear(handle), 0) << last_error_message();
	metacall_error_clear();
	EXPECT_NE(metacall_clear(handle), 0);
	metacall_exception_type error{};
	EXPECT_EQ(metacall_error_last(&error), 0) << "no error recorded";
}

TEST_P(Conformance, ClearingNullIsAnError) {
	EXPECT_NE(metacall_clear(nullptr), 0);
}

TEST_P(Conformance, ClearingOneHandleLeavesTheOtherCallable) {
	void *first = nullptr;
	void *second = nullptr;
	ASSERT_EQ(load(loader().main_script, &first), 0) << last_error_message();
	ASSERT_EQ(load(loader().main_script, &second), 0) << last_error_message();
	ASSERT_EQ(metacall_clear(first), 0) << last_error_message();
	Args args{metacall_value_create_long(2), metacall_value_create_long(2)};
	const ValuePtr result(metacallhv_s(second, "add", args.data(), args.size()));
	EXPECT_TRUE(is_number(result.get(), 4));
}

TEST_P(Conformance, AScriptCanBeLoadedAgainAfterClear) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	ASSERT_EQ(metacall_clear(metacall_handle(tag(), loader().main_script.c_str())), 0)
	    << last_error_message();
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	EXPECT_TRUE(is_number(add_through(metacall_function("add"), 2, 3).get(), 5));
}

TEST_P(Conformance, ClearingAHandleFromInsideItsOwnCallNeitherCrashesNorHangs) {
	CONFORMANCE_REQUIRE_CALLBACKS();
	void *handle = nullptr;
	ASSERT_EQ(load(loader().main_script, &handle), 0) << last_error_message();
	void *host = nullptr;
	ASSERT_EQ(metacall_register(nullptr, clear_own_handle, &host, METACALL_LONG, 1, METACALL_LONG), 0)
	    << last_error_message();
	Args args{metacall_value_create_function_closure(host, handle), metacall_value_create_long(5)};
	const ValuePtr result(metacallhv_s(handle, "call", args.data(), args.size()));
	ASSERT_NE(result, nullptr) << last_error_message();
	if (metacall_value_id(result.get()) != METACALL_THROWABLE) {
		EXPECT_TRUE(is_number(result.get(), 5));
		EXPECT_EQ(metacall_handle(tag(), loader().main_script.c_str()), nullptr)
		    << "the clear reported success";
	}
}

} // namespace
