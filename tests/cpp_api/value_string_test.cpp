// Strings and bytes: lengths are explicit, so embedded NUL bytes survive both ways; views point
// into the value they were read from.
#include "cpp_api_test.h"

#include <cstring>

using metacall::value;

namespace {

using StringValues = cpp_api_test::CppApi;

std::vector<std::byte> bytes_of(std::initializer_list<int> list) {
	std::vector<std::byte> out;
	for (int b : list)
		out.push_back(static_cast<std::byte>(b));
	return out;
}

} // namespace

TEST_F(StringValues, StdStringRoundTrips) {
	value v = value::from(std::string("héllo"));
	EXPECT_EQ(v.type(), METACALL_STRING);
	EXPECT_EQ(v.to<std::string>(), "héllo");
}

TEST_F(StringValues, EmbeddedNulBytesAreKept) {
	const std::string text("a\0b\0", 4);
	value v = value::from(text);
	EXPECT_EQ(metacall_value_size(v.get()), 5U); // four bytes and the terminating NUL
	EXPECT_EQ(v.to<std::string>(), text);
	EXPECT_EQ(v.to<std::string_view>(), std::string_view(text));
	EXPECT_EQ(value::from(std::string_view("x\0y", 3)).to<std::string>(), std::string("x\0y", 3));
}

TEST_F(StringValues, EmptyStringRoundTrips) {
	EXPECT_EQ(value::from(std::string()).to<std::string>(), "");
	EXPECT_EQ(value::from("").to<std::string>(), "");
}

TEST_F(StringValues, StringViewPointsIntoTheValue) {
	value v = value::from("abc");
	std::string_view view = v.to<std::string_view>();
	EXPECT_EQ(view.data(), metacall_value_to_string(v.get()));
	EXPECT_EQ(view, "abc");
}

TEST_F(StringValues, CStringsConvertUpToTheirNul) {
	const char *text = "plain";
	value v = value::from(text);
	EXPECT_EQ(v.type(), METACALL_STRING);
	EXPECT_STREQ(v.to<const char *>(), "plain");
	char buffer[] = "mutable";
	EXPECT_EQ(value::from(buffer).to<std::string>(), "mutable");
}

TEST_F(StringValues, NullCStringIsNull) {
	const char *none = nullptr;
	value v = value::from(none);
	EXPECT_EQ(v.type(), METACALL_NULL);
	EXPECT_EQ(v.to<const char *>(), nullptr);
}

TEST_F(StringValues, StringTargetsRefuseOtherTypes) {
	try {
		(void)value::from(42).to<std::string>();
		FAIL() << "no type_error";
	} catch (const metacall::type_error &e) {
		EXPECT_STREQ(e.what(), "cannot convert to std::string: expected String, got Integer");
		EXPECT_EQ(e.label(), "TypeError");
	}
	EXPECT_THROW(value::from(metacall::bytes_view("ab", 2)).to<std::string>(), metacall::type_error);
}

TEST_F(StringValues, ByteVectorsAreBuffers) {
	const auto bytes = bytes_of({0, 1, 0xff, 0});
	value v = value::from(bytes);
	EXPECT_EQ(v.type(), METACALL_BUFFER);
	EXPECT_EQ(metacall_value_size(v.get()), 4U);
	EXPECT_EQ(v.to<std::vector<std::byte>>(), bytes);
}

TEST_F(StringValues, BytesViewPassesBytesWithoutACopyFirst) {
	const unsigned char raw[] = {9, 0, 8};
	value v = value::from(metacall::bytes_view(raw, sizeof raw));
	EXPECT_EQ(v.to<std::vector<std::byte>>(), bytes_of({9, 0, 8}));
	metacall::bytes_view view = v.to<metacall::bytes_view>();
	EXPECT_EQ(view.size, 3U);
	EXPECT_EQ(view.data, metacall_value_to_buffer(v.get()));
	EXPECT_EQ(std::memcmp(view.data, raw, 3), 0);
}

TEST_F(StringValues, EmptyBuffersRoundTrip) {
	value v = value::from(metacall::bytes_view());
	EXPECT_EQ(v.type(), METACALL_BUFFER);
	EXPECT_TRUE(v.to<std::vector<std::byte>>().empty());
	EXPECT_TRUE(value::from(std::vector<std::byte>()).to<std::vector<std::byte>>().empty());
}

TEST_F(StringValues, BufferTargetsRefuseStrings) {
	const value text = value::from("ab");
	EXPECT_THROW(text.to<std::vector<std::byte>>(), metacall::type_error);
	EXPECT_THROW(text.to<metacall::bytes_view>(), metacall::type_error);
}
