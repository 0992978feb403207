// Strings and pointers: const char * in and out (NULL both ways), other pointers as addresses.
#include "c_loader_fixture.h"

#include <cstring>

namespace {

class StringsAndPointers : public CLoaderTest {
protected:
	void SetUp() override {
		CLoaderTest::SetUp();
		if (!HasFatalFailure())
			load_types();
	}
};

TEST_F(StringsAndPointers, AStringArgumentReachesCAsItsBytes) {
	Args args{string_value("h\xC3\xA9llo")};
	const ValuePtr result = call("string_length", args);
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_LONG) << describe(result.get());
	EXPECT_EQ(metacall_value_to_long(result.get()), 6);
}

// C has no encoding: bytes that are not UTF-8 reach C as they are, where the node and py loaders
// refuse them naming the byte (docs/RELIABILITY.md).
TEST_F(StringsAndPointers, BytesThatAreNotUtf8ReachCUnchanged) {
	Args args{string_value("ok \xFF\xC3")};
	const ValuePtr result = call("string_length", args);
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_LONG) << describe(result.get());
	EXPECT_EQ(metacall_value_to_long(result.get()), 5);
}

TEST_F(StringsAndPointers, AConstCharPointerParameterIsAString) {
	enum metacall_value_id id = METACALL_INVALID;
	ASSERT_EQ(metacall_function_parameter_type(metacall_function("string_length"), 0, &id), 0);
	EXPECT_EQ(id, METACALL_STRING);
}

TEST_F(StringsAndPointers, AReturnedStringIsCopiedIntoTheValue) {
	const ValuePtr result = call("greeting");
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_STRING) << describe(result.get());
	EXPECT_STREQ(metacall_value_to_string(result.get()), "hello from C");
	EXPECT_EQ(metacall_value_size(result.get()), std::strlen("hello from C") + 1);
}

TEST_F(StringsAndPointers, AReturnedNullStringIsNull) {
	Args args{metacall_value_create_int(0)};
	const ValuePtr result = call("maybe_name", args);
	EXPECT_EQ(metacall_value_id(result.get()), METACALL_NULL) << describe(result.get());
	Args named{metacall_value_create_int(1)};
	EXPECT_STREQ(metacall_value_to_string(call("maybe_name", named).get()), "name");
}

TEST_F(StringsAndPointers, NullPassesANullString) {
	Args args{metacall_value_create_null()};
	const ValuePtr result = call("is_null_string", args);
	EXPECT_EQ(metacall_value_to_bool(result.get()), 1) << describe(result.get());
	Args text{string_value("")};
	EXPECT_EQ(metacall_value_to_bool(call("is_null_string", text).get()), 0);
}

TEST_F(StringsAndPointers, ANumberForAStringIsATypeError) {
	Args args{metacall_value_create_int(3)};
	EXPECT_TRUE(is_error(call("string_length", args).get(), "TypeError",
	                     {"string_length", "parameter 0 ('text')", "expected a String", "Integer"}));
}

TEST_F(StringsAndPointers, ACharPointerResultIsAStringToo) {
	const ValuePtr result = call("static_buffer");
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_STRING) << describe(result.get());
	EXPECT_STREQ(metacall_value_to_string(result.get()), "static text");
}

TEST_F(StringsAndPointers, APointerResultIsAPointerValue) {
	const ValuePtr address = call("counter_address");
	ASSERT_EQ(metacall_value_id(address.get()), METACALL_PTR) << describe(address.get());
	EXPECT_EQ(*static_cast<int *>(metacall_value_to_ptr(address.get())), 42);
}

TEST_F(StringsAndPointers, APointerValueReachesCAsTheAddress) {
	int number = 17;
	Args args{metacall_value_create_ptr(&number)};
	const ValuePtr result = call("read_int", args);
	EXPECT_EQ(metacall_value_to_int(result.get()), 17) << describe(result.get());
	Args writing{metacall_value_create_ptr(&number), metacall_value_create_int(99)};
	call("write_int", writing);
	EXPECT_EQ(number, 99);
}

TEST_F(StringsAndPointers, APointerRoundTripsUnchanged) {
	int target = 0;
	Args args{metacall_value_create_ptr(&target)};
	const ValuePtr result = call("same_pointer", args);
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_PTR) << describe(result.get());
	EXPECT_EQ(metacall_value_to_ptr(result.get()), &target);
}

TEST_F(StringsAndPointers, ANullPointerResultIsNull) {
	EXPECT_EQ(metacall_value_id(call("null_pointer").get()), METACALL_NULL);
	Args args{metacall_value_create_null()};
	EXPECT_EQ(metacall_value_id(call("same_pointer", args).get()), METACALL_NULL);
}

TEST_F(StringsAndPointers, ABufferGivesItsBytesAsAnOutParameter) {
	const ValuePtr out(metacall_value_create_buffer(nullptr, sizeof(int)));
	Args args{metacall_value_copy(out.get()), metacall_value_create_int(1234)};
	void *arguments[] = {out.get(), args[1]};
	ValuePtr(metacallv_s("write_int", arguments, 2));
	int written = 0;
	std::memcpy(&written, metacall_value_to_buffer(out.get()), sizeof written);
	EXPECT_EQ(written, 1234);
}

TEST_F(StringsAndPointers, AStringForANonCharPointerIsATypeError) {
	Args args{string_value("x")};
	EXPECT_TRUE(is_error(
	    call("read_int", args).get(), "TypeError",
	    {"read_int", "parameter 0 ('p')", "expected a Pointer, Buffer or Array of numbers", "String"}));
}

} // namespace
