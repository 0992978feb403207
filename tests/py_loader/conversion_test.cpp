// Conversions both ways, type by type, including the ones that must fail loudly.
#include "py_test.h"

#include <climits>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

class PyConversion : public PyLoaderTest {
protected:
	void SetUp() override {
		PyLoaderTest::SetUp();
		ASSERT_EQ(load("conversions.py"), 0) << last_error();
	}

	// type(x).__name__ in Python for the value `sent` (taken).
	static std::string python_type_of(void *sent) { return text_of(call("type_name", {sent}).get()); }

	static std::string bytes_of(void *buffer) {
		if (buffer == nullptr || metacall_value_id(buffer) != METACALL_BUFFER)
			return "<not a buffer: " + describe(buffer) + ">";
		return std::string(static_cast<const char *>(metacall_value_to_buffer(buffer)),
		                   metacall_value_size(buffer));
	}
};

TEST_F(PyConversion, BoolsAreBools) {
	EXPECT_EQ(python_type_of(metacall_value_create_bool(1)), "bool");
	const ValuePtr back = call("echo", {metacall_value_create_bool(0)});
	ASSERT_EQ(metacall_value_id(back.get()), METACALL_BOOL) << describe(back.get());
	EXPECT_EQ(metacall_value_to_bool(back.get()), 0);
}

TEST_F(PyConversion, EveryCIntegerIsAnIntAndComesBackAsALong) {
	EXPECT_EQ(python_type_of(metacall_value_create_char('a')), "int");
	EXPECT_EQ(python_type_of(metacall_value_create_short(-3)), "int");
	EXPECT_EQ(python_type_of(metacall_value_create_int(INT_MAX)), "int");
	EXPECT_TRUE(is_long(call("echo", {metacall_value_create_int(INT_MIN)}).get(), INT_MIN));
	EXPECT_TRUE(is_long(call("echo", {metacall_value_create_long(LONG_MAX)}).get(), LONG_MAX));
	EXPECT_TRUE(is_long(call("long_min").get(), LONG_MIN));
}

// docs/NUMBERS.md: an int beyond 64 bits is a BigInt value, exact, never a truncation.
TEST_F(PyConversion, AnIntBeyond64BitsIsABigIntValueNotATruncation) {
	const auto words_of = [](void *value, int *negative) {
		size_t count = 0;
		const uint64_t *words = metacall_value_to_bigint(value, negative, &count);
		return std::vector<uint64_t>(words, words + count);
	};
	int negative = -1;
	const ValuePtr big(call("two_to_the_64"));
	ASSERT_EQ(metacall_value_id(big.get()), METACALL_BIGINT) << describe(big.get());
	EXPECT_EQ(words_of(big.get(), &negative), (std::vector<uint64_t>{0, 1}));
	EXPECT_EQ(negative, 0);

	const ValuePtr below(call("below_long_min")); // -(2^63) - 1
	ASSERT_EQ(metacall_value_id(below.get()), METACALL_BIGINT) << describe(below.get());
	EXPECT_EQ(words_of(below.get(), &negative), (std::vector<uint64_t>{(uint64_t{1} << 63) + 1}));
	EXPECT_EQ(negative, 1);

	const ValuePtr list(call("big_in_a_list"));
	ASSERT_EQ(metacall_value_id(list.get()), METACALL_ARRAY) << describe(list.get());
	void *second = metacall_value_to_array(list.get())[1];
	ASSERT_EQ(metacall_value_id(second), METACALL_BIGINT);
	EXPECT_EQ(words_of(second, &negative), (std::vector<uint64_t>{0, 64})); // 2^70
}

TEST_F(PyConversion, ABigIntValueArrivesAsAPythonInt) {
	const uint64_t two_to_200[] = {0, 0, 0, uint64_t{1} << 8};
	const ValuePtr text(call("repr_of", {metacall_value_create_bigint(1, two_to_200, 4)}));
	EXPECT_EQ(text_of(text.get()), "-1606938044258990275541962092341162602522202993782792835301376");
	const ValuePtr back(call("echo", {metacall_value_create_bigint(0, two_to_200, 4)}));
	ASSERT_EQ(metacall_value_id(back.get()), METACALL_BIGINT) << describe(back.get());
	int negative = 1;
	size_t count = 0;
	const uint64_t *words = metacall_value_to_bigint(back.get(), &negative, &count);
	ASSERT_EQ(count, 4u);
	EXPECT_EQ(words[3], uint64_t{1} << 8);
	EXPECT_EQ(negative, 0);
}

TEST_F(PyConversion, FloatsAreDoubles) {
	EXPECT_EQ(python_type_of(metacall_value_create_float(1.5f)), "float");
	const ValuePtr back = call("float_of", {metacall_value_create_long(3)});
	ASSERT_EQ(metacall_value_id(back.get()), METACALL_DOUBLE) << describe(back.get());
	EXPECT_EQ(metacall_value_to_double(back.get()), 3.0);
}

TEST_F(PyConversion, StringsAreUtf8) {
	const std::string text = "h\xC3\xA9llo \xE2\x9C\x93"; // héllo ✓
	EXPECT_TRUE(is_long(call("utf8_length", {string_value(text)}).get(), static_cast<long>(text.size())));
	EXPECT_TRUE(is_long(call("code_points", {string_value(text)}).get(), 7));
	EXPECT_TRUE(is_string(call("echo", {string_value(text)}).get(), text));
}

TEST_F(PyConversion, StringsKeepEmbeddedNuls) {
	const std::string text("a\0b", 3);
	EXPECT_TRUE(is_long(call("code_points", {string_value(text)}).get(), 3));
	EXPECT_TRUE(is_string(call("echo", {string_value(text)}).get(), text));
}

TEST_F(PyConversion, InvalidUtf8IsAUnicodeDecodeError) {
	EXPECT_TRUE(is_error(call("echo", {string_value("\xFF\xFE")}).get(), "UnicodeDecodeError"));
}

TEST_F(PyConversion, BytesBytearrayAndMemoryviewBecomeBuffers) {
	EXPECT_EQ(bytes_of(call("make_bytes").get()), std::string("\x00\x01\xFF", 3));
	EXPECT_EQ(bytes_of(call("make_bytearray").get()), std::string("ab\0", 3));
	EXPECT_EQ(bytes_of(call("make_memoryview").get()), "xyz");
}

TEST_F(PyConversion, ABufferArgumentIsAReadOnlyMemoryview) {
	const ValuePtr facts = call("buffer_facts", {metacall_value_create_buffer("abc", 3)});
	ASSERT_EQ(metacall_value_count(facts.get()), 3u) << describe(facts.get());
	void **items = metacall_value_to_array(facts.get());
	EXPECT_TRUE(is_string(items[0], "memoryview"));
	EXPECT_EQ(metacall_value_to_bool(items[1]), 1);
	EXPECT_EQ(bytes_of(items[2]), "abc");
}

// Writes 42 into the caller's buffer (the closure) while Python holds its view.
void *poke(size_t, void *[], void *data) {
	static_cast<unsigned char *>(data)[0] = 42;
	return nullptr;
}

TEST_F(PyConversion, ABufferArgumentIsNotCopied) {
	ValuePtr buffer(metacall_value_create_buffer(nullptr, 4)); // zeroes
	void *poker = nullptr;
	ASSERT_EQ(metacall_register(nullptr, poke, &poker, METACALL_NULL, 0), 0) << last_error();
	const ValuePtr poke_buffer(
	    metacall_value_create_function_closure(poker, metacall_value_to_buffer(buffer.get())));
	void *call_args[] = {buffer.get(), poke_buffer.get()};
	const ValuePtr seen(metacallv_s("observe", call_args, 2));
	ASSERT_EQ(metacall_value_count(seen.get()), 2u) << describe(seen.get());
	EXPECT_TRUE(is_long(metacall_value_to_array(seen.get())[0], 0));
	EXPECT_TRUE(is_long(metacall_value_to_array(seen.get())[1], 42)) << "Python read a copy";
}

TEST_F(PyConversion, AViewKeptPastTheCallIsReleased) {
	EXPECT_TRUE(is_long(call("keep", {metacall_value_create_buffer("abc", 3)}).get(), 3));
	EXPECT_TRUE(is_error(call("read_kept").get(), "ValueError", "released"));
}

TEST_F(PyConversion, ListsAndTuplesBecomeArrays) {
	const ValuePtr tuple = call("make_tuple");
	ASSERT_EQ(metacall_value_id(tuple.get()), METACALL_ARRAY) << describe(tuple.get());
	ASSERT_EQ(metacall_value_count(tuple.get()), 3u);
	EXPECT_TRUE(is_string(metacall_value_to_array(tuple.get())[1], "two"));
	EXPECT_TRUE(is_long(
	    call("sum_list", {array_value({metacall_value_create_long(1), metacall_value_create_long(2)})}).get(),
	    3));
}

TEST_F(PyConversion, DictKeysCrossAsStrings) {
	const ValuePtr map = call("int_keys");
	ASSERT_EQ(metacall_value_id(map.get()), METACALL_MAP) << describe(map.get());
	ASSERT_EQ(metacall_value_count(map.get()), 2u);
	void **pair = metacall_value_to_array(metacall_value_to_map(map.get())[0]);
	EXPECT_TRUE(is_string(pair[0], "1")); // a C host reads every key with metacall_value_to_string
	EXPECT_TRUE(is_string(pair[1], "one"));
}

TEST_F(PyConversion, NumberBoolAndNoneKeysAreNamedAsJsonNamesThem) {
	const ValuePtr map = call("mixed_keys");
	ASSERT_EQ(metacall_value_id(map.get()), METACALL_MAP) << describe(map.get());
	ASSERT_EQ(metacall_value_count(map.get()), 5u);
	const char *expected[] = {"3244", "asd", "1.5", "false", "null"}; // a dict keeps its order
	for (size_t i = 0; i < 5; ++i) {
		void **pair = metacall_value_to_array(metacall_value_to_map(map.get())[i]);
		EXPECT_TRUE(is_string(pair[0], expected[i])) << i;
	}
}

TEST_F(PyConversion, ADictWithATupleKeyIsRefusedNamingTheKeysType) {
	EXPECT_TRUE(is_error(call("tuple_keys").get(), "TypeError", "a dict key of type tuple cannot cross"));
}

TEST_F(PyConversion, MapsBecomeDicts) {
	const ValuePtr keys = call(
	    "keys_of", {map_value({{"b", metacall_value_create_long(2)}, {"a", metacall_value_create_long(1)}})});
	ASSERT_EQ(metacall_value_count(keys.get()), 2u) << describe(keys.get());
	EXPECT_TRUE(is_string(metacall_value_to_array(keys.get())[0], "a"));
}

TEST_F(PyConversion, NullIsNone) {
	const ValuePtr none = call("is_none", {metacall_value_create_null()});
	ASSERT_EQ(metacall_value_id(none.get()), METACALL_BOOL) << describe(none.get());
	EXPECT_EQ(metacall_value_to_bool(none.get()), 1);
	const ValuePtr back = call("echo", {metacall_value_create_null()});
	EXPECT_EQ(metacall_value_id(back.get()), METACALL_NULL) << describe(back.get());
}

TEST_F(PyConversion, APointerTravelsAsACapsuleAndComesBack) {
	static int target = 0;
	EXPECT_EQ(python_type_of(metacall_value_create_ptr(&target)), "PyCapsule");
	const ValuePtr back = call("echo", {metacall_value_create_ptr(&target)});
	ASSERT_EQ(metacall_value_id(back.get()), METACALL_PTR) << describe(back.get());
	EXPECT_EQ(metacall_value_to_ptr(back.get()), &target);
}

TEST_F(PyConversion, AReturnedExceptionObjectIsAnExceptionValue) {
	const ValuePtr value = call("returns_exception");
	ASSERT_EQ(metacall_value_id(value.get()), METACALL_EXCEPTION) << describe(value.get());
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(value.get(), &error), 0);
	EXPECT_STREQ(error.label, "KeyError");
}

// The limit every loader shares (METACALL_VALUE_MAX_DEPTH), with the same message.
TEST_F(PyConversion, ASelfReferentialListIsARecursionErrorNotACrash) {
	EXPECT_TRUE(is_error(call("self_referential").get(), "RecursionError", "levels deep"));
}

TEST_F(PyConversion, AnUnsupportedTypeIsATypeErrorNamingIt) {
	EXPECT_TRUE(is_error(call("make_set").get(), "TypeError", "'set'"));
}

} // namespace

// Invalid UTF-8 from C: an error naming the first bad byte, as in the node loader.
TEST_F(PyConversion, AStringThatIsNotUtf8IsAUnicodeDecodeErrorNamingTheByte) {
	const ValuePtr result = call("echo", {metacall_value_create_string("ok \xff", 4)});
	EXPECT_TRUE(is_error(result.get(), "UnicodeDecodeError", "position 3")) << describe(result.get());
}
