// Strings and buffers through a module's metacall_signatures declarations (README.md, "Strings
// and buffers"): the host copies arguments in with metacall_alloc, copies results out, and gives
// every copy back with metacall_free.
#include "wasm_fixture.h"

#include <nlohmann/json.hpp>

#include <cstring>

namespace {

class Strings : public WasmLoaderTest {
protected:
	void SetUp() override {
		WasmLoaderTest::SetUp();
		if (!HasFatalFailure())
			handle = load("strings.wat");
		ASSERT_NE(handle, nullptr);
	}

	ValuePtr greet(void *name) {
		Args args{name};
		return call(handle, "greet", args);
	}
	// The bytes the module's metacall_free was given back so far.
	::testing::AssertionResult freed(int expected) { return is_int(call(handle, "freed").get(), expected); }

	void *handle = nullptr;
};

::testing::AssertionResult is_string(void *value, const std::string &expected) {
	if (value == nullptr || metacall_value_id(value) != METACALL_STRING)
		return ::testing::AssertionFailure() << "expected a String, got " << describe(value);
	const std::string got(metacall_value_to_string(value), metacall_value_size(value) - 1);
	if (got != expected)
		return ::testing::AssertionFailure() << "expected \"" << expected << "\", got \"" << got << "\"";
	return ::testing::AssertionSuccess();
}

TEST_F(Strings, StringInStringOut) {
	EXPECT_TRUE(is_string(greet(string_value("world")).get(), "hello, world"));
	// The argument's copy (5 bytes and a NUL) and the result (12 bytes and the NUL the module
	// left room for) went back to metacall_free.
	EXPECT_TRUE(freed(6 + 13));
}

TEST_F(Strings, EmptyString) {
	EXPECT_TRUE(is_string(greet(string_value("")).get(), "hello, "));
	EXPECT_TRUE(freed(1 + 8));
}

TEST_F(Strings, StringWithANulInside) {
	EXPECT_TRUE(is_string(greet(string_value(std::string("a\0b", 3))).get(), std::string("hello, a\0b", 10)));
}

TEST_F(Strings, BufferIn) {
	const char bytes[] = {'\x01', '\0', '\xff', '\0', 'x'};
	Args args{metacall_value_create_buffer(bytes, sizeof bytes)};
	EXPECT_TRUE(is_int(call(handle, "length", args).get(), 5));
	EXPECT_TRUE(freed(6));
}

TEST_F(Strings, BufferOut) {
	const char bytes[] = {'\0', '\x7f', '\x80'};
	Args args{metacall_value_create_buffer(bytes, sizeof bytes)};
	ValuePtr copy = call(handle, "copy", args);
	ASSERT_EQ(metacall_value_id(copy.get()), METACALL_BUFFER) << describe(copy.get());
	ASSERT_EQ(metacall_value_size(copy.get()), sizeof bytes);
	EXPECT_EQ(std::memcmp(metacall_value_to_buffer(copy.get()), bytes, sizeof bytes), 0);
	// The argument's copy (3 bytes and a NUL) and the result (3 bytes: no NUL for a buffer).
	EXPECT_TRUE(freed(4 + 3));
}

TEST_F(Strings, ResultOutsideTheMemoryIsARangeError) {
	EXPECT_TRUE(is_error(call(handle, "broken").get(), "RangeError",
	                     {"wasm function 'broken'", "string", "outside its memory"}));
	EXPECT_TRUE(is_string(greet(string_value("x")).get(), "hello, x"));
}

TEST_F(Strings, StringForABufferParameterPassesItsBytes) {
	Args args{string_value("four")};
	EXPECT_TRUE(is_int(call(handle, "length", args).get(), 4));
}

TEST_F(Strings, NumberWhereAStringIsDeclaredIsATypeError) {
	EXPECT_TRUE(is_error(
	    greet(metacall_value_create_int(5)).get(), "TypeError",
	    {"wasm function 'greet'", "parameter 0 ('name')", "expected a String or Buffer", "Integer"}));
	EXPECT_TRUE(freed(0));
	EXPECT_TRUE(is_string(greet(string_value("again")).get(), "hello, again"));
}

TEST_F(Strings, InspectShowsTheDeclaredSignatures) {
	ValuePtr exports(metacall_handle_export(handle));
	ASSERT_NE(exports, nullptr) << last_error_message();
	EXPECT_EQ(metacall_value_count(exports.get()),
	          5u); // greet, length, copy, broken, freed: not the metacall_* exports
	size_t size = 0;
	char *text = metacall_inspect(&size, nullptr);
	ASSERT_NE(text, nullptr) << last_error_message();
	const nlohmann::json document = nlohmann::json::parse(text, text + size);
	free(text);
	for (const auto &module : document.at("wasm"))
		if (module.at("name") == metacall_handle_name(handle))
			for (const auto &function : module.at("scope").at("funcs"))
				if (function.at("name") == "greet") {
					const auto &signature = function.at("signature");
					ASSERT_EQ(signature.at("args").size(), 1u);
					EXPECT_EQ(signature.at("args")[0].at("name"), "name");
					EXPECT_EQ(signature.at("args")[0].at("type").at("name"), "String");
					EXPECT_EQ(signature.at("ret").at("type").at("name"), "String");
					return;
				}
	ADD_FAILURE() << "no greet in " << document.dump();
}

TEST_F(WasmLoaderTest, MismatchingDeclarationFailsTheLoadNamingTheFunction) {
	EXPECT_TRUE(mentions(load_error("strings_mismatch.wat"),
	                     {"LoaderError", "metacall_signatures declares 'greet'", "(i32, i32) -> (i64)",
	                      "the module's function is (i32) -> (i32)"}));
}

TEST_F(WasmLoaderTest, DeclarationOfAMissingExportFailsTheLoad) {
	EXPECT_TRUE(mentions(load_error("strings_undefined.wat"),
	                     {"LoaderError", "declares 'ghost'", "does not export as a function"}));
}

TEST_F(WasmLoaderTest, StringsWithoutAnAllocatorAreATypeError) {
	// A declared string parameter in a module with no metacall_alloc: the call, not the load, fails.
	const char text[] = R"((module
  (memory (export "memory") 1)
  (data (i32.const 0) "size(s: string) -> i32\n")
  (func $metacall_signatures (export "metacall_signatures") (result i64) i64.const 23)
  (func $size (export "size") (param i32 i32) (result i32) local.get 1)))";
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_memory("wasm", text, sizeof text, &handle), 0) << last_error_message();
	Args args{string_value("abc")};
	EXPECT_TRUE(is_error(call(handle, "size", args).get(), "TypeError", {"'size'", "metacall_alloc"}));
}

} // namespace
