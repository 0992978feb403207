// metacall::call<R>: arguments converted by convert<>, the result converted to R, host functions
// registered from C++ callables (types declared from their signatures) or through the C API.
#include "cpp_api_test.h"

#include <limits>
#include <optional>
#include <string>
#include <vector>

using metacall::value;

namespace {

using Calls = cpp_api_test::CppApi;

// A host function written against the C API: the sum of two Longs.
void *c_add(size_t, void *argv[], void *) {
	return metacall_value_create_long(metacall_value_to_long(argv[0]) + metacall_value_to_long(argv[1]));
}

metacall::value_id parameter_type(const metacall::function &f, size_t index) {
	metacall::value_id id = METACALL_SIZE;
	EXPECT_EQ(metacall_function_parameter_type(f.get(), index, &id), 0);
	return id;
}

metacall::value_id return_type(const metacall::function &f) {
	metacall::value_id id = METACALL_SIZE;
	EXPECT_EQ(metacall_function_return_type(f.get(), &id), 0);
	return id;
}

} // namespace

TEST_F(Calls, CallsARegisteredLambdaByName) {
	metacall::register_function("twice", [](long x) { return 2 * x; });
	EXPECT_EQ(metacall::call<long>("twice", 21L), 42);
}

TEST_F(Calls, CallsAHostFunctionRegisteredThroughTheCApi) {
	ASSERT_EQ(metacall_register("c_add", c_add, nullptr, METACALL_LONG, 2, METACALL_LONG, METACALL_LONG), 0);
	EXPECT_EQ(metacall::call<long>("c_add", 40L, 2L), 42);
	EXPECT_EQ(metacall::call<int>(std::string("c_add"), 1, 2), 3); // Integer arguments, converted by the core
}

TEST_F(Calls, DeclaredTypesFollowTheCallableSignature) {
	metacall::function f =
	    metacall::register_function("typed", [](int, const std::string &, double, std::optional<long>, value,
	                                            std::vector<int>) { return true; });
	EXPECT_EQ(metacall_function_size(f.get()), 6U);
	EXPECT_EQ(parameter_type(f, 0), METACALL_INT);
	EXPECT_EQ(parameter_type(f, 1), METACALL_STRING);
	EXPECT_EQ(parameter_type(f, 2), METACALL_DOUBLE);
	EXPECT_EQ(parameter_type(f, 3), METACALL_INVALID); // optional: anything, null included
	EXPECT_EQ(parameter_type(f, 4), METACALL_INVALID);
	EXPECT_EQ(parameter_type(f, 5), METACALL_ARRAY);
	EXPECT_EQ(return_type(f), METACALL_BOOL);
}

TEST_F(Calls, VoidCallablesReturnNull) {
	int calls = 0;
	metacall::function f = metacall::register_function("touch", [&calls]() { ++calls; });
	EXPECT_EQ(return_type(f), METACALL_NULL);
	metacall::call<void>("touch");
	EXPECT_EQ(metacall::call("touch").type(), METACALL_NULL);
	EXPECT_EQ(calls, 2);
}

TEST_F(Calls, ValueResultIsTheRawResult) {
	metacall::register_function("pair", [](long a, long b) { return std::vector<long>{a, b}; });
	value result = metacall::call<value>("pair", 1L, 2L);
	EXPECT_EQ(result.type(), METACALL_ARRAY);
	EXPECT_EQ(result.to<std::vector<long>>(), (std::vector<long>{1, 2}));
}

TEST_F(Calls, StringsContainersAndOptionalsCrossBothWays) {
	metacall::register_function("describe",
	                            [](const std::string &name, const std::map<std::string, long> &scores,
	                               std::optional<std::string> suffix) {
		                            std::string out = name;
		                            for (const auto &entry : scores)
			                            out += " " + entry.first + "=" + std::to_string(entry.second);
		                            return out + suffix.value_or("");
	                            });
	EXPECT_EQ(metacall::call<std::string>("describe", "ann", std::map<std::string, long>{{"a", 1}, {"b", 2}},
	                                      std::nullopt),
	          "ann a=1 b=2");
	EXPECT_EQ(metacall::call<std::string>("describe", std::string("b\0b", 3), std::map<std::string, long>{},
	                                      std::string("!")),
	          std::string("b\0b!", 4));
}

TEST_F(Calls, ValueArgumentsAreLentNotCopied) {
	void *seen = nullptr;
	metacall::register_function("identity", [&seen](const value &v) {
		seen = v.get();
		return v.to<long>();
	});
	value argument = value::from(7L);
	EXPECT_EQ(metacall::call<long>("identity", argument), 7);
	EXPECT_TRUE(argument); // still ours
	EXPECT_NE(seen, nullptr);
}

TEST_F(Calls, TheCoreConvertsNumbersToTheDeclaredTypes) {
	metacall::register_function("half", [](double x) { return x / 2; });
	EXPECT_EQ(metacall::call<double>("half", 3), 1.5); // an Integer becomes the declared Double
	metacall::register_function("narrow", [](short x) { return x; });
	EXPECT_EQ(metacall::call<long>("narrow", 7L), 7);
}

TEST_F(Calls, ArgumentOfAnotherTypeIsATypeErrorFromTheCore) {
	metacall::register_function("twice", [](long x) { return 2 * x; });
	try {
		metacall::call<long>("twice", "not a number");
		FAIL() << "no exception";
	} catch (const metacall::exception &e) {
		EXPECT_EQ(e.label(), "TypeError");
		EXPECT_NE(std::string(e.what()).find("twice"), std::string::npos) << e.what();
	}
}

TEST_F(Calls, WrongArgumentCountIsATypeErrorException) {
	metacall::register_function("twice", [](long x) { return 2 * x; });
	try {
		metacall::call<long>("twice", 1L, 2L);
		FAIL() << "no exception";
	} catch (const metacall::exception &e) {
		EXPECT_EQ(e.label(), "TypeError");
		EXPECT_NE(std::string(e.what()).find("expects 1 argument, got 2"), std::string::npos) << e.what();
	}
}

TEST_F(Calls, ResultOfAnotherTypeIsATypeError) {
	metacall::register_function("text", []() { return std::string("x"); });
	EXPECT_THROW(metacall::call<long>("text"), metacall::type_error);
	EXPECT_EQ(metacall::call<std::optional<std::string>>("text"), "x");
}

TEST_F(Calls, WholeDoubleResultReadsAsAnInteger) {
	metacall::register_function("js_like_answer", []() { return 42.0; });
	metacall::register_function("js_like_half", []() { return 3.5; });
	EXPECT_EQ(metacall::call<long>("js_like_answer"), 42);
	EXPECT_THROW(metacall::call<long>("js_like_half"), metacall::range_error);
}

TEST_F(Calls, UnknownNameIsAnErrorFromTheCApiNotAnException) {
	try {
		metacall::call<long>("nowhere", 1);
		FAIL() << "no error";
	} catch (const metacall::exception &e) {
		FAIL() << "an unknown name is not the callee's exception: " << e.what();
	} catch (const metacall::error &e) {
		EXPECT_EQ(e.label(), "ReferenceError");
		EXPECT_NE(std::string(e.what()).find("'nowhere'"), std::string::npos) << e.what();
	}
}

TEST_F(Calls, RegisteringATakenNameIsAnError) {
	metacall::register_function("once", []() { return 1; });
	EXPECT_THROW(metacall::register_function("once", []() { return 2; }), metacall::error);
	EXPECT_EQ(metacall::call<int>("once"), 1);
}

TEST_F(Calls, FunctionPointersRegisterToo) {
	long (*negate)(long) = [](long x) { return -x; };
	long (*square)(long) = [](long x) { return x * x; };
	metacall::register_function("negate", negate);
	metacall::register_function("square", square); // same type as negate: each keeps its own target
	EXPECT_EQ(metacall::call<long>("negate", 3L), -3);
	EXPECT_EQ(metacall::call<long>("square", 3L), 9);
}

TEST_F(Calls, StatefulCallablesKeepTheirState) {
	long total = 0;
	metacall::register_function("accumulate", [&total](long x) { return total += x; });
	metacall::call<long>("accumulate", 2L);
	EXPECT_EQ(metacall::call<long>("accumulate", 3L), 5);
	EXPECT_EQ(total, 5);
}

TEST(CallsWithoutRuntime, CallBeforeInitializeIsAnError) {
	try {
		metacall::call<long>("anything");
		FAIL() << "no error";
	} catch (const metacall::error &e) {
		EXPECT_NE(std::string(e.what()).find("not initialized"), std::string::npos) << e.what();
	}
}

TEST(CallsWithoutRuntime, RegisterBeforeInitializeIsAnError) {
	EXPECT_THROW(metacall::register_function("early", []() { return 1; }), metacall::error);
}

// Conversion errors say where they happened: which call, which argument or the result.
TEST_F(Calls, AResultThatDoesNotConvertNamesTheCallAndTheResult) {
	metacall::register_function("word", []() { return std::string("seven"); });
	try {
		metacall::call<long>("word");
		FAIL() << "a String converted to long";
	} catch (const metacall::type_error &e) {
		EXPECT_NE(std::string(e.what()).find("calling 'word': the result: cannot convert to long"),
		          std::string::npos)
		    << e.what();
	}
}

TEST_F(Calls, AnArgumentThatDoesNotConvertNamesTheCallAndItsPosition) {
	metacall::register_function("first", [](long x) { return x; });
	try {
		metacall::call<long>("first", std::numeric_limits<unsigned long>::max());
		FAIL() << "2^64 - 1 converted to a Long";
	} catch (const metacall::range_error &e) {
		EXPECT_NE(std::string(e.what()).find("calling 'first': argument 1: "), std::string::npos) << e.what();
	}
}

TEST_F(Calls, AHostFunctionsArgumentThatDoesNotConvertNamesItsPosition) {
	metacall::register_function("total", [](long base, std::vector<long> items) {
		for (long item : items)
			base += item;
		return base;
	});
	try {
		metacall::call<long>("total", 1L, std::vector<std::string>{"a"});
		FAIL() << "a String element converted to long";
	} catch (const metacall::exception &e) {
		EXPECT_EQ(e.label(), "TypeError");
		EXPECT_NE(std::string(e.what()).find("argument 2 of the C++ host function: element 0: "),
		          std::string::npos)
		    << e.what();
	}
}
