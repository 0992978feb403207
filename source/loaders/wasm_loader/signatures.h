// The typed signatures a module may declare for its exports, so that strings and buffers can
// cross (README.md, "Strings and buffers"): the module exports `metacall_signatures`, returning
// (as a packed i64, ptr << 32 | len) text with one line per function:
//     greet(name: string) -> string
//     checksum(data: buffer, seed: i32) -> i64
// Types: i32, i64, f32, f64, string, buffer; `-> T` may be left out for no result. A string or
// buffer parameter is two wasm parameters (i32 pointer, i32 length) and a string or buffer result
// is one i64 (pointer << 32 | length), both in the module's exported memory.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wasm_loader {

enum class Kind { i32, i64, f32, f64, string, buffer };

struct Param {
	std::string name;
	Kind kind;
};

struct DeclaredSignature {
	std::vector<Param> params;
	std::optional<Kind> result;
};

// Parses the text; throws std::runtime_error naming the line on a malformed one.
std::map<std::string, DeclaredSignature> parse_signatures(const std::string &text);

const char *kind_name(Kind kind);

} // namespace wasm_loader
