// A minimal JSON writer: enough for metacall_inspect, with correct string escaping.
#pragma once

#include "utf8.h"
#include <cstdio>

#include <cstddef>
#include <string>
#include <string_view>

namespace metacall_core {

class JsonWriter {
public:
	JsonWriter &begin_object() { return open('{'); }
	JsonWriter &end_object() { return close('}'); }
	JsonWriter &begin_array() { return open('['); }
	JsonWriter &end_array() { return close(']'); }

	JsonWriter &key(std::string_view name) {
		separate();
		quote(name);
		out_ += ':';
		after_key_ = true;
		return *this;
	}
	JsonWriter &string(std::string_view text) {
		separate();
		quote(text);
		return *this;
	}
	JsonWriter &number(long value) {
		separate();
		out_ += std::to_string(value);
		return *this;
	}
	// `json` is a complete JSON value already (the caller's responsibility).
	JsonWriter &raw(std::string_view json) {
		separate();
		out_.append(json);
		return *this;
	}
	JsonWriter &truth(bool value) {
		separate();
		out_ += value ? "true" : "false";
		return *this;
	}

	const std::string &text() const { return out_; }

private:
	JsonWriter &open(char bracket) {
		separate();
		out_ += bracket;
		first_ = true;
		return *this;
	}
	JsonWriter &close(char bracket) {
		out_ += bracket;
		first_ = false;
		return *this;
	}
	// A comma before every item but the first of its container, and none after a key.
	void separate() {
		if (after_key_)
			after_key_ = false;
		else if (!first_)
			out_ += ',';
		first_ = false;
	}
	// Text that is not UTF-8 (a file name from a file system that allows any bytes) becomes
	// U+FFFD byte by byte: the output stays JSON whatever the input.
	void quote(std::string_view text) {
		out_ += '"';
		for (std::size_t at = 0; at < text.size(); ++at) {
			const unsigned char c = static_cast<unsigned char>(text[at]);
			if (c >= 0x80) {
				const std::size_t length = metacall_utf8::sequence_at(text, at);
				if (length == 0) {
					out_ += "\ufffd";
				} else {
					out_.append(text.substr(at, length));
					at += length - 1;
				}
				continue;
			}
			switch (c) {
			case '"':
				out_ += "\\\"";
				break;
			case '\\':
				out_ += "\\\\";
				break;
			case '\n':
				out_ += "\\n";
				break;
			case '\r':
				out_ += "\\r";
				break;
			case '\t':
				out_ += "\\t";
				break;
			default:
				if (c < 0x20) {
					char escape[8];
					std::snprintf(escape, sizeof escape, "\\u%04x", c);
					out_ += escape;
				} else {
					out_ += static_cast<char>(c);
				}
			}
		}
		out_ += '"';
	}

	std::string out_;
	bool first_ = true;
	bool after_key_ = false;
};

} // namespace metacall_core
