// Errors: a JS Error becomes a throwable labelled with error.name, carrying its message and a
// stack that names the script; a thrown value that is no Error is the thrown value (as in MetaCall;
// thrown_values_test.cpp); host errors reach JS by name.
#include "node_test.h"

namespace {

class NodeExceptions : public NodeLoaderTest {
protected:
	void SetUp() override {
		NodeLoaderTest::SetUp();
		ASSERT_EQ(load("errors.js"), 0) << last_error();
	}

	// The stack trace of the throwable `value` ("" when it is none).
	static std::string stack_of(void *value) {
		metacall_exception_type error{};
		if (value == nullptr || metacall_error_from_value(value, &error) != 0 || error.stacktrace == nullptr)
			return "";
		return error.stacktrace;
	}
};

TEST_F(NodeExceptions, ATypeErrorIsLabelledTypeError) {
	const ValuePtr result = call("throw_type_error", {string_value("wrong type here")});
	EXPECT_TRUE(is_error(result.get(), "TypeError", "wrong type here"));
}

TEST_F(NodeExceptions, AnErrorThrownByTheEngineKeepsItsName) {
	const ValuePtr result = call("read_property_of_null");
	EXPECT_TRUE(is_error(result.get(), "TypeError", "property"));
}

TEST_F(NodeExceptions, ACustomErrorClassIsLabelledWithItsOwnName) {
	const ValuePtr result = call("throw_custom", {string_value("field 'age' must be positive")});
	EXPECT_TRUE(is_error(result.get(), "ValidationError", "field 'age' must be positive"));
}

TEST_F(NodeExceptions, TheStackNamesTheScriptFileAndTheFunction) {
	const ValuePtr result = call("throw_custom", {string_value("with a stack")});
	const std::string stack = stack_of(result.get());
	EXPECT_NE(stack.find("errors.js"), std::string::npos) << stack;
	EXPECT_NE(stack.find("throw_custom"), std::string::npos) << stack;
}

TEST_F(NodeExceptions, AThrownStringIsTheThrownValue) {
	const ValuePtr result = call("throw_string", {string_value("just a string")});
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << describe(result.get());
	EXPECT_TRUE(is_string(metacall_throwable_value(result.get()), "just a string"));
}

TEST_F(NodeExceptions, AThrownNumberIsTheThrownValue) {
	const ValuePtr result = call("throw_number");
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << describe(result.get());
	EXPECT_TRUE(is_long(metacall_throwable_value(result.get()), 42));
}

TEST_F(NodeExceptions, AnAsyncRejectionKeepsTheCustomNameAndStack) {
	Settlement settlement;
	{
		const ValuePtr future = await("reject_custom", {string_value("async refusal")}, settlement);
		ASSERT_NE(future, nullptr) << last_error();
		ASSERT_TRUE(settlement.wait()) << "never settled";
	}
	EXPECT_FALSE(settlement.resolved());
	EXPECT_TRUE(is_error(settlement.value(), "ValidationError", "async refusal"));
	EXPECT_NE(stack_of(settlement.value()).find("errors.js"), std::string::npos)
	    << stack_of(settlement.value());
}

// A host function that calls throw_type_error back in JS and returns its throwable: the error
// goes JS -> C -> JS and is caught there under its original name.
void *rethrow_from_js(size_t, void *[], void *) {
	void *message = metacall_value_create_string("thrown twice", 12);
	void *args[] = {message};
	void *result = metacallv_s("throw_type_error", args, 1);
	metacall_value_destroy(message);
	return result;
}

TEST_F(NodeExceptions, AJsErrorThatCrossesCKeepsItsNameWhenCaughtInJs) {
	void *func = nullptr;
	ASSERT_EQ(metacall_registerv(nullptr, rethrow_from_js, &func, METACALL_INVALID, 0, nullptr), 0)
	    << last_error();
	EXPECT_TRUE(is_string(call("catch_from_host", {metacall_value_create_function(func)}).get(),
	                      "TypeError: thrown twice"));
}

TEST_F(NodeExceptions, TheLoaderKeepsWorkingAfterManyErrors) {
	for (int i = 0; i < 100; ++i)
		ASSERT_TRUE(is_error(call("throw_type_error", {string_value("again")}).get(), "TypeError", "again"))
		    << i;
	const ValuePtr caught = call("catch_from_host", {metacall_value_create_null()}); // null() throws in JS
	EXPECT_EQ(text_of(caught.get()).rfind("TypeError: ", 0), 0u) << describe(caught.get());
}

} // namespace
