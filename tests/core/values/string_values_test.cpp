// Values: strings are UTF-8 bytes with an explicit length, copied at creation, always stored
// followed by a NUL; size and count are length + 1.
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <cstring>
#include <string>

using core_test::own;

namespace {

std::string bytes_of(void *string_value) {
	return std::string(metacall_value_to_string(string_value), metacall_value_size(string_value) - 1);
}

} // namespace

TEST(StringValue, CopiesOnlyTheGivenLength) {
	auto v = own(metacall_value_create_string("hello world", 5));
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_STRING);
	EXPECT_STREQ(metacall_value_to_string(v.get()), "hello");
}

TEST(StringValue, IsNulTerminatedAfterTheLength) {
	auto v = own(metacall_value_create_string("abcdef", 3));
	EXPECT_EQ(metacall_value_to_string(v.get())[3], '\0');
}

TEST(StringValue, SizeAndCountAreLengthPlusOne) {
	auto v = own(metacall_value_create_string("hello", 5));
	EXPECT_EQ(metacall_value_size(v.get()), 6u);
	EXPECT_EQ(metacall_value_count(v.get()), 6u);
}

TEST(StringValue, DoesNotReferToTheSourceBuffer) {
	char source[] = "mutable";
	auto v = own(metacall_value_create_string(source, 7));
	source[0] = 'X';
	EXPECT_STREQ(metacall_value_to_string(v.get()), "mutable");
	EXPECT_NE(static_cast<void *>(metacall_value_to_string(v.get())), static_cast<void *>(source));
}

TEST(StringValue, KeepsEmbeddedNulBytes) {
	const char source[] = {'a', '\0', 'b', '\0', 'c'};
	auto v = own(metacall_value_create_string(source, sizeof source));
	ASSERT_EQ(metacall_value_size(v.get()), sizeof source + 1);
	EXPECT_EQ(bytes_of(v.get()), std::string(source, sizeof source));
}

TEST(StringValue, KeepsMultiByteUtf8Bytes) {
	const std::string source = "h\xC3\xA9llo \xE4\xB8\x96\xE7\x95\x8C \xF0\x9F\x8E\x89"; // "héllo 世界 🎉"
	auto v = own(metacall_value_create_string(source.data(), source.size()));
	ASSERT_EQ(metacall_value_size(v.get()), source.size() + 1);
	EXPECT_EQ(bytes_of(v.get()), source);
}

TEST(StringValue, EmptyStringHasSizeOne) {
	auto v = own(metacall_value_create_string("", 0));
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_STRING);
	EXPECT_EQ(metacall_value_size(v.get()), 1u);
	EXPECT_STREQ(metacall_value_to_string(v.get()), "");
}

TEST(StringValue, NullSourceWithZeroLengthIsTheEmptyString) {
	auto v = own(metacall_value_create_string(nullptr, 0));
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_STRING);
	EXPECT_EQ(metacall_value_size(v.get()), 1u);
	EXPECT_STREQ(metacall_value_to_string(v.get()), "");
}

TEST(StringValue, IsWritableInPlace) {
	auto v = own(metacall_value_create_string("cat", 3));
	metacall_value_to_string(v.get())[0] = 'b';
	EXPECT_STREQ(metacall_value_to_string(v.get()), "bat");
}

TEST(StringValue, FromStringReplacesWithLongerBytes) {
	auto v = own(metacall_value_create_string("ab", 2));
	EXPECT_EQ(metacall_value_from_string(v.get(), "a longer string", 15), v.get());
	EXPECT_EQ(metacall_value_size(v.get()), 16u);
	EXPECT_STREQ(metacall_value_to_string(v.get()), "a longer string");
}

TEST(StringValue, FromStringReplacesWithShorterBytes) {
	auto v = own(metacall_value_create_string("a longer string", 15));
	EXPECT_EQ(metacall_value_from_string(v.get(), "xyz!", 3), v.get());
	EXPECT_EQ(metacall_value_size(v.get()), 4u);
	EXPECT_STREQ(metacall_value_to_string(v.get()), "xyz");
}

TEST(StringValue, FromStringAcceptsEmbeddedNul) {
	auto v = own(metacall_value_create_string("x", 1));
	EXPECT_EQ(metacall_value_from_string(v.get(), "p\0q", 3), v.get());
	EXPECT_EQ(bytes_of(v.get()), std::string("p\0q", 3));
}
