// Values thrown or rejected that are no Errors reach the host as MetaCall hands them: a sync
// `throw 56` is a throwable of 56 (metacall_throwable_value gives it), `Promise.reject(10)` hands
// the reject callback 10 itself; such values thrown back into JS are thrown as they are. A
// returned Error is an exception value.
#include "node_test.h"

namespace {

class NodeThrownValues : public NodeLoaderTest {
protected:
	void SetUp() override {
		NodeLoaderTest::SetUp();
		ASSERT_EQ(load("thrown_values.js"), 0) << last_error();
	}

	// Awaits name(args...) and expects it to reject; the reason (borrowed from `settlement`).
	void *rejection(const char *name, std::initializer_list<void *> args, Settlement &settlement) {
		const ValuePtr future = await(name, args, settlement);
		EXPECT_NE(future, nullptr) << last_error();
		EXPECT_TRUE(settlement.wait()) << "never settled";
		EXPECT_FALSE(settlement.resolved());
		return settlement.value();
	}
};

TEST_F(NodeThrownValues, AThrownNumberIsAThrowableOfThatNumber) {
	const ValuePtr result = call("throw_value", {metacall_value_create_long(56)});
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << describe(result.get());
	// MetaCall's hosts read it so (metacall_node_exception_test), as a double.
	void *number = metacall_throwable_value(metacall_value_to_throwable(result.get()));
	EXPECT_EQ(metacall_value_to_double(number), 56.0);
	EXPECT_TRUE(is_long(number, 56));
}

TEST_F(NodeThrownValues, AThrownObjectIsAThrowableOfItsMap) {
	const ValuePtr result = call("throw_value", {map_value({{"code", metacall_value_create_long(7)}})});
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << describe(result.get());
	void *thrown = metacall_throwable_value(result.get());
	ASSERT_EQ(metacall_value_id(thrown), METACALL_MAP) << describe(thrown);
	void **pair = metacall_value_to_array(metacall_value_to_map(thrown)[0]);
	EXPECT_TRUE(is_string(pair[0], "code"));
	EXPECT_TRUE(is_long(pair[1], 7));
}

TEST_F(NodeThrownValues, ThrownUndefinedIsAThrowableOfNull) {
	const ValuePtr result = call("throw_value", {metacall_value_create_null()});
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << describe(result.get());
	EXPECT_TRUE(is_null(metacall_throwable_value(result.get())));
}

TEST_F(NodeThrownValues, APromiseRejectedWithANumberHandsRejectTheNumber) {
	Settlement settlement;
	EXPECT_TRUE(is_long(rejection("reject_value", {metacall_value_create_long(10)}, settlement), 10));
}

TEST_F(NodeThrownValues, AnAsyncThrowOfAStringHandsRejectTheString) {
	Settlement settlement;
	EXPECT_TRUE(
	    is_string(rejection("throw_later", {string_value("Hello World")}, settlement), "Hello World"));
}

TEST_F(NodeThrownValues, APromiseRejectedWithAnErrorIsStillAThrowableOfItsException) {
	Settlement settlement;
	void *reason =
	    rejection("reject_value", {metacall_error_throw("RangeError", 0, nullptr, "too far")}, settlement);
	EXPECT_TRUE(is_error(reason, "RangeError", "too far"));
}

TEST_F(NodeThrownValues, AReturnedErrorIsAnExceptionValue) {
	const ValuePtr result = call("return_error", {string_value("Yeet")});
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_EXCEPTION) << describe(result.get());
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(result.get(), &error), 0);
	EXPECT_STREQ(error.label, "RangeError");
	EXPECT_STREQ(error.message, "Yeet");
}

// A host function that throws the number 56 (a throwable of a number, not of an exception).
void *throw_56(size_t, void *[], void *) {
	return metacall_value_create_throwable(metacall_value_create_long(56));
}

// A host function whose future is already rejected with the number 10.
void *rejected_with_10(size_t, void *[], void *) {
	void *future = metacall_future_create();
	metacall_future_reject(future, metacall_value_create_long(10));
	return future;
}

void *host_function(void *(*invoke)(size_t, void *[], void *)) {
	void *func = nullptr;
	EXPECT_EQ(metacall_registerv(nullptr, invoke, &func, METACALL_INVALID, 0, nullptr), 0) << last_error();
	return metacall_value_create_function(func);
}

TEST_F(NodeThrownValues, AHostThrowableOfANumberIsThrownInJsAsTheNumber) {
	EXPECT_TRUE(is_string(call("catch_thrown", {host_function(throw_56)}).get(), "caught number: 56"));
}

TEST_F(NodeThrownValues, AFutureRejectedWithANumberRejectsThePromiseWithIt) {
	Settlement settlement;
	const ValuePtr future = await("catch_rejected", {host_function(rejected_with_10)}, settlement);
	ASSERT_NE(future, nullptr) << last_error();
	ASSERT_TRUE(settlement.wait()) << "never settled";
	EXPECT_TRUE(is_string(settlement.value(), "rejected number: 10"));
}

// A host function that fails with a TypeError "yeet".
void *type_error(size_t, void *[], void *) {
	return metacall_error_throw("TypeError", 0, nullptr, "yeet");
}

TEST_F(NodeThrownValues, AHostErrorReachesJsWithItsLabelAsNameAndAsCode) {
	// MetaCall's scripts read the label from `code` (metacall_node_python_exception_test).
	EXPECT_TRUE(
	    is_string(call("error_fields", {host_function(type_error)}).get(), "TypeError/TypeError/yeet"));
}

} // namespace
