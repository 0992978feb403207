// metacall_utf8 (source/core/utf8.h): the validation the core and the node loader share, with its
// ASCII fast path (8 bytes at a time) that must find the same first bad byte as the slow path.
#include "../../../source/core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using metacall_utf8::ascii_prefix;
using metacall_utf8::invalid_at;

TEST(Utf8Validation, AsciiPrefixStopsAtTheFirstByteAboveSeventyF) {
	EXPECT_EQ(ascii_prefix(""), 0u);
	EXPECT_EQ(ascii_prefix("abc"), 3u);
	const std::string long_ascii(1000, 'x');
	EXPECT_EQ(ascii_prefix(long_ascii), 1000u);
	for (std::size_t at : {0u, 1u, 7u, 8u, 9u, 15u, 16u, 999u}) {
		std::string text = long_ascii;
		text[at] = static_cast<char>(0xC3);
		EXPECT_EQ(ascii_prefix(text), at) << at;
	}
}

TEST(Utf8Validation, InvalidAtFindsTheSameByteBehindAnyAsciiRun) {
	for (std::size_t run : {0u, 3u, 8u, 13u, 64u}) {
		const std::string ascii(run, 'a');
		EXPECT_EQ(invalid_at(ascii + "\xC3\xA9" + "b"), run + 3) << run;               // é: valid
		EXPECT_EQ(invalid_at(ascii + "\xFF" + "bbbbbbbbb"), run) << run;               // never valid
		EXPECT_EQ(invalid_at(ascii + "\xE2\x82"), run) << run;                         // cut short
		EXPECT_EQ(invalid_at(ascii + "\xED\xA0\x80"), run) << run;                     // a surrogate
		EXPECT_EQ(invalid_at(ascii + "\xC0\xAF"), run) << run;                         // overlong
		EXPECT_EQ(invalid_at(ascii + "\xF0\x9F\x98\x80" + ascii), 2 * run + 4) << run; // U+1F600
	}
}

} // namespace
