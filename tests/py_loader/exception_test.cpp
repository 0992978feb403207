// Exceptions both ways: a Python exception becomes a throwable (label = type name, message,
// traceback); a throwable returned to Python is raised with its label kept; a thrown value that is
// no exception is raised as metacall.Error carrying it.
#include "py_test.h"

namespace {

// Returns a throwable with the label and message of its closure's {label, message} strings.
void *throw_labelled(size_t, void *[], void *data) {
	const auto *fields = static_cast<const char *const *>(data);
	return metacall_error_throw(fields[0], 7, "host stack: frame 1", "%s", fields[1]);
}

class PyExceptions : public PyLoaderTest {
protected:
	void SetUp() override {
		PyLoaderTest::SetUp();
		ASSERT_EQ(load("errors.py"), 0) << last_error();
	}

	// [type name, message, is a RuntimeError, notes] of what Python's catch_from(f) saw, for a host
	// function f returning a throwable labelled `label`.
	static ValuePtr caught_from(const char *label, const char *message) {
		static const char *fields[2];
		fields[0] = label;
		fields[1] = message;
		void *host = nullptr;
		EXPECT_EQ(metacall_register(nullptr, throw_labelled, &host, METACALL_NULL, 0), 0) << last_error();
		return call("catch_from", {metacall_value_create_function_closure(host, fields)});
	}

	static std::string stacktrace_of(void *value) {
		metacall_exception_type error{};
		return metacall_error_from_value(value, &error) == 0 ? error.stacktrace : "";
	}
};

TEST_F(PyExceptions, TheLabelIsTheExceptionsTypeName) {
	EXPECT_TRUE(is_error(call("raise_custom", {string_value("custom")}).get(), "CustomError", "custom"));
}

TEST_F(PyExceptions, TheMessageIsStrOfTheException) {
	const ValuePtr thrown = call("raise_key");
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(thrown.get(), &error), 0) << describe(thrown.get());
	EXPECT_STREQ(error.label, "KeyError");
	EXPECT_STREQ(error.message, "'missing'");
}

TEST_F(PyExceptions, TheStackTraceIsTheWholeTraceback) {
	const ValuePtr thrown = call("outer_failure");
	const std::string trace = stacktrace_of(thrown.get());
	EXPECT_NE(trace.find("Traceback (most recent call last)"), std::string::npos) << trace;
	EXPECT_NE(trace.find("outer_failure"), std::string::npos) << trace;
	EXPECT_NE(trace.find("_inner_failure"), std::string::npos) << trace;
	EXPECT_NE(trace.find("errors.py"), std::string::npos) << trace;
	EXPECT_NE(trace.find("ValueError: deep inside"), std::string::npos) << trace;
}

TEST_F(PyExceptions, SystemExitIsReportedNotObeyed) {
	EXPECT_TRUE(is_error(call("raise_system_exit").get(), "SystemExit", "3"));
	EXPECT_TRUE(is_error(call("raise_custom", {string_value("still here")}).get(), "CustomError"));
}

TEST_F(PyExceptions, AHostErrorWithABuiltinLabelIsRaisedAsThatException) {
	const ValuePtr seen = caught_from("KeyError", "no such key");
	ASSERT_EQ(metacall_value_count(seen.get()), 4u) << describe(seen.get());
	void **fields = metacall_value_to_array(seen.get());
	EXPECT_TRUE(is_string(fields[0], "KeyError"));
	EXPECT_NE(text_of(fields[1]).find("no such key"), std::string::npos) << describe(fields[1]);
}

TEST_F(PyExceptions, AHostErrorWithAnotherLabelIsARuntimeErrorNamedAfterIt) {
	const ValuePtr seen = caught_from("HostError", "thrown by the host");
	ASSERT_EQ(metacall_value_count(seen.get()), 4u) << describe(seen.get());
	void **fields = metacall_value_to_array(seen.get());
	EXPECT_TRUE(is_string(fields[0], "HostError"));
	EXPECT_TRUE(is_string(fields[1], "thrown by the host"));
	EXPECT_EQ(metacall_value_to_bool(fields[2]), 1) << "not a RuntimeError";
}

TEST_F(PyExceptions, TheHostsStackTraceBecomesANote) {
	const ValuePtr seen = caught_from("HostError", "with a trace");
	ASSERT_EQ(metacall_value_count(seen.get()), 4u) << describe(seen.get());
	void *notes = metacall_value_to_array(seen.get())[3];
	ASSERT_EQ(metacall_value_count(notes), 1u) << describe(notes);
	EXPECT_TRUE(is_string(metacall_value_to_array(notes)[0], "host stack: frame 1"));
}

TEST_F(PyExceptions, AnUncaughtHostErrorKeepsItsLabelOnTheWayOut) {
	static const char *fields[] = {"HostError", "passed through Python"};
	void *host = nullptr;
	ASSERT_EQ(metacall_register(nullptr, throw_labelled, &host, METACALL_NULL, 0), 0) << last_error();
	EXPECT_TRUE(is_error(call("call", {metacall_value_create_function_closure(host, fields)}).get(),
	                     "HostError", "passed through Python"));
}

TEST_F(PyExceptions, AWrongArgumentCountToAHostFunctionIsATypeErrorInPython) {
	void *host = nullptr;
	ASSERT_EQ(metacall_register(nullptr, throw_labelled, &host, METACALL_NULL, 0), 0) << last_error();
	EXPECT_TRUE(
	    is_error(call("call", {metacall_value_create_function(host), metacall_value_create_long(1)}).get(),
	             "TypeError", "expects 0 arguments"));
}

// A host function that throws the number 56 (as JS `throw 56` reaches C).
void *throw_56(size_t, void *[], void *) {
	return metacall_value_create_throwable(metacall_value_create_long(56));
}

TEST_F(PyExceptions, AThrownValueThatIsNoExceptionIsRaisedCarryingTheValue) {
	void *host = nullptr;
	ASSERT_EQ(metacall_register(nullptr, throw_56, &host, METACALL_NULL, 0), 0) << last_error();
	void *handle = load_memory("def carried(f):\n"
	                           "    try:\n"
	                           "        f()\n"
	                           "    except Exception as e:\n"
	                           "        return [type(e).__name__, e.args[0]]\n");
	const ValuePtr caught = call_in(handle, "carried", {metacall_value_create_function(host)});
	ASSERT_EQ(metacall_value_count(caught.get()), 2u) << describe(caught.get());
	EXPECT_TRUE(is_string(metacall_value_to_array(caught.get())[0], "Error"));
	EXPECT_TRUE(is_long(metacall_value_to_array(caught.get())[1], 56));
}

} // namespace
