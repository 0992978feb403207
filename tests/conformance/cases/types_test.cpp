// Every value type through echo(x): what comes back is what was sent, up to the conversions the
// loader declares in its descriptor's echo_type.
#include "equivalence.h"
#include "fixture.h"

#include <climits>
#include <cstring>
#include <limits>

namespace {

class RoundTrip : public Conformance {
protected:
	void SetUp() override {
		Conformance::SetUp();
		if (HasFatalFailure())
			return;
		ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	}

	// What echo(sent) gives back.
	ValuePtr echo(void *sent) {
		void *args[] = {sent};
		return ValuePtr(metacallv_s("echo", args, 1));
	}

	void expect_round_trip(ValuePtr sent) {
		if (loader().echo_type(sent.get()) == METACALL_INVALID)
			GTEST_SKIP() << loader().tag << " cannot carry a " << metacall_value_type_name(sent.get());
		const ValuePtr got = echo(sent.get());
		EXPECT_TRUE(equivalent(sent.get(), got.get(), loader()));
	}
};

// Builds an array value from owned elements.
void *array_of(std::initializer_list<void *> items) {
	std::vector<const void *> elements(items.begin(), items.end());
	return metacall_value_create_array(elements.data(), elements.size());
}

// A [key, value] tuple of a map, taking ownership of `value`.
void *entry(const char *key, void *value) {
	return array_of({metacall_value_create_string(key, std::strlen(key)), value});
}

void *map_of(std::initializer_list<void *> entries) {
	std::vector<const void *> tuples(entries.begin(), entries.end());
	return metacall_value_create_map(tuples.data(), tuples.size());
}

void *string_of(const std::string &text) {
	return metacall_value_create_string(text.data(), text.size());
}

TEST_P(RoundTrip, BoolTrue) {
	expect_round_trip(ValuePtr(metacall_value_create_bool(1)));
}
TEST_P(RoundTrip, BoolFalse) {
	expect_round_trip(ValuePtr(metacall_value_create_bool(0)));
}
TEST_P(RoundTrip, Char) {
	expect_round_trip(ValuePtr(metacall_value_create_char('x')));
}
TEST_P(RoundTrip, Short) {
	expect_round_trip(ValuePtr(metacall_value_create_short(-12345)));
}
TEST_P(RoundTrip, Int) {
	expect_round_trip(ValuePtr(metacall_value_create_int(INT_MIN)));
}
TEST_P(RoundTrip, Long) {
	expect_round_trip(ValuePtr(metacall_value_create_long(-1234567890123L)));
}
TEST_P(RoundTrip, LongBeyondTwoToThe53) {
	expect_round_trip(ValuePtr(metacall_value_create_long((1L << 53) + 1)));
}
TEST_P(RoundTrip, LongMax) {
	expect_round_trip(ValuePtr(metacall_value_create_long(LONG_MAX)));
}
TEST_P(RoundTrip, LongMin) {
	expect_round_trip(ValuePtr(metacall_value_create_long(LONG_MIN)));
}
TEST_P(RoundTrip, Float) {
	expect_round_trip(ValuePtr(metacall_value_create_float(1.5f)));
}
TEST_P(RoundTrip, Double) {
	expect_round_trip(ValuePtr(metacall_value_create_double(3.141592653589793)));
}
TEST_P(RoundTrip, DoubleDenormal) {
	expect_round_trip(ValuePtr(metacall_value_create_double(std::numeric_limits<double>::denorm_min())));
}

TEST_P(RoundTrip, Utf8StringWithMultiByteCharacters) {
	expect_round_trip(ValuePtr(string_of("h\xC3\xA9llo w\xC3\xB6rld \xE2\x9C\x93 \xF0\x9D\x84\x9E")));
}

TEST_P(RoundTrip, StringWithAnEmbeddedNul) {
	expect_round_trip(ValuePtr(string_of(std::string("a\0b", 3))));
}

TEST_P(RoundTrip, EmptyString) {
	expect_round_trip(ValuePtr(metacall_value_create_string("", 0)));
}

TEST_P(RoundTrip, BufferWithZeroBytes) {
	const unsigned char bytes[] = {0x00, 0x01, 0xFF, 0x00, 0x7F, 0x80};
	expect_round_trip(ValuePtr(metacall_value_create_buffer(bytes, sizeof(bytes))));
}

TEST_P(RoundTrip, EmptyArray) {
	expect_round_trip(ValuePtr(metacall_value_create_array(nullptr, 0)));
}

TEST_P(RoundTrip, NestedArrays) {
	expect_round_trip(ValuePtr(array_of({
	    metacall_value_create_long(1),
	    array_of({metacall_value_create_long(2), array_of({metacall_value_create_long(3), string_of("x")})}),
	    array_of({}),
	    string_of("end"),
	})));
}

TEST_P(RoundTrip, MapWithStringKeysAndMixedValues) {
	expect_round_trip(ValuePtr(map_of({
	    entry("number", metacall_value_create_long(1)),
	    entry("text", string_of("two")),
	    entry("list", array_of({metacall_value_create_double(3.5), metacall_value_create_bool(1)})),
	    entry("nested", map_of({entry("inner", metacall_value_create_null())})),
	})));
}

TEST_P(RoundTrip, EmptyMap) {
	expect_round_trip(ValuePtr(metacall_value_create_map(nullptr, 0)));
}

TEST_P(RoundTrip, Null) {
	expect_round_trip(ValuePtr(metacall_value_create_null()));
}

TEST_P(RoundTrip, Pointer) {
	static int target = 0;
	expect_round_trip(ValuePtr(metacall_value_create_ptr(&target)));
}

void *twice(size_t, void *argv[], void *) {
	return metacall_value_create_long(2 * metacall_value_to_long(argv[0]));
}

TEST_P(RoundTrip, FunctionStaysCallable) {
	void *host = nullptr;
	ASSERT_EQ(metacall_register(nullptr, twice, &host, METACALL_LONG, 1, METACALL_LONG), 0)
	    << last_error_message();
	const ValuePtr sent(metacall_value_create_function(host));
	if (loader().echo_type(sent.get()) == METACALL_INVALID)
		GTEST_SKIP() << loader().tag << " cannot carry a function";
	const ValuePtr got = echo(sent.get());
	ASSERT_TRUE(equivalent(sent.get(), got.get(), loader()));
	Args args{metacall_value_create_long(21)};
	const ValuePtr result(metacallfv_s(metacall_value_to_function(got.get()), args.data(), args.size()));
	EXPECT_TRUE(is_number(result.get(), 42));
}

TEST_P(RoundTrip, LoaderFunctionStaysCallable) {
	const ValuePtr sent(metacall_value_create_function(metacall_function("add")));
	ASSERT_NE(sent, nullptr) << last_error_message();
	if (loader().echo_type(sent.get()) == METACALL_INVALID)
		GTEST_SKIP() << loader().tag << " cannot carry a function";
	const ValuePtr got = echo(sent.get());
	ASSERT_TRUE(equivalent(sent.get(), got.get(), loader()));
	Args args{metacall_value_create_long(40), metacall_value_create_long(2)};
	const ValuePtr result(metacallfv_s(metacall_value_to_function(got.get()), args.data(), args.size()));
	EXPECT_TRUE(is_number(result.get(), 42));
}

INSTANTIATE_TEST_SUITE_P(Loaders, RoundTrip, ::testing::ValuesIn(conformance_loaders()), loader_test_name);

} // namespace
