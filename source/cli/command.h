// A line of the REPL, parsed: which command, and its words or its call. Parsing only; session.h
// runs them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace metacall_cli {

enum class command_kind { none, load, inspect, call, await, clear, relink, help, exit };

struct command {
	command_kind kind = command_kind::none; // none: a blank line or a # comment
	std::vector<std::string> words;         // the words after the command (load, inspect, clear, help)
	std::string function;                   // call/await: "name" or "handle:name"
	std::string arguments;                  // call/await: the text between the parentheses
	size_t arguments_column = 0;            // call/await: the column (from 1) where that text starts
};

// The command names, in the order `help` lists them.
const std::vector<std::string> &command_names();

// Parses `line`. On success fills `out` and returns true; on failure returns false with a
// one-line reason in `error` (an unknown command, a call without its closing parenthesis, an
// unterminated quote). `call f(1)` may be written `f(1)`.
bool parse_command(std::string_view line, command &out, std::string &error);

// The text of `help`.
std::string help_text();

} // namespace metacall_cli
