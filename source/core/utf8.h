// UTF-8 validation (header only: the core and the node loader share it). Valid means what every
// loader accepts as text: no byte that never occurs, no sequence cut short, no overlong form, no
// surrogate, nothing beyond U+10FFFF.
#ifndef METACALL_CORE_UTF8_H
#define METACALL_CORE_UTF8_H

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace metacall_utf8 {

// The length of the valid sequence that starts at text[at], or 0 when none does.
inline std::size_t sequence_at(std::string_view text, std::size_t at) {
	const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
	const unsigned char lead = byte(at);
	if (lead < 0x80)
		return 1;
	std::size_t length = 0;
	unsigned char low = 0x80, high = 0xBF; // the range of the second byte
	if (lead >= 0xC2 && lead <= 0xDF) {
		length = 2;
	} else if (lead >= 0xE0 && lead <= 0xEF) {
		length = 3;
		low = lead == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
		high = lead == 0xED ? 0x9F : 0xBF; // no surrogates
	} else if (lead >= 0xF0 && lead <= 0xF4) {
		length = 4;
		low = lead == 0xF0 ? 0x90 : 0x80;  // no overlong forms
		high = lead == 0xF4 ? 0x8F : 0xBF; // nothing beyond U+10FFFF
	} else {
		return 0;
	}
	if (at + length > text.size() || byte(at + 1) < low || byte(at + 1) > high)
		return 0;
	for (std::size_t k = 2; k < length; ++k)
		if (byte(at + k) < 0x80 || byte(at + k) > 0xBF)
			return 0;
	return length;
}

// The length of the ASCII run that text starts with, 8 bytes at a time (most text that crosses).
inline std::size_t ascii_prefix(std::string_view text) {
	std::size_t at = 0;
	for (; at + 8 <= text.size(); at += 8) {
		std::uint64_t word;
		std::memcpy(&word, text.data() + at, 8);
		if ((word & 0x8080808080808080ull) != 0)
			break;
	}
	while (at < text.size() && static_cast<unsigned char>(text[at]) < 0x80)
		++at;
	return at;
}

// The offset of the first byte that is not valid UTF-8, or text.size() when all of it is valid.
inline std::size_t invalid_at(std::string_view text) {
	std::size_t at = ascii_prefix(text);
	while (at < text.size()) {
		const std::size_t length = sequence_at(text, at);
		if (length == 0)
			return at;
		at += length;
	}
	return text.size();
}

} // namespace metacall_utf8

#endif
