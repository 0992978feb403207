#include "command.h"

#include <cctype>

namespace metacall_cli {
namespace {

bool is_space(char c) {
	return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// Splits on white space; '...' and "..." keep spaces, a backslash escapes the next character.
bool split_words(std::string_view text, std::vector<std::string> &words, std::string &error) {
	size_t i = 0;
	while (i < text.size()) {
		while (i < text.size() && is_space(text[i]))
			++i;
		if (i == text.size())
			break;
		std::string word;
		while (i < text.size() && !is_space(text[i])) {
			char c = text[i++];
			if (c == '\\' && i < text.size()) {
				word += text[i++];
			} else if (c == '"' || c == '\'') {
				size_t end = text.find(c, i);
				if (end == std::string_view::npos) {
					error = std::string("unterminated ") + c + " quote";
					return false;
				}
				word.append(text.substr(i, end - i));
				i = end + 1;
			} else {
				word += c;
			}
		}
		words.push_back(std::move(word));
	}
	return true;
}

// `name(arguments)` or `name`, starting at column `offset` of the line.
bool parse_call(std::string_view text, size_t offset, command &out, std::string &error) {
	size_t open = text.find('(');
	std::string_view name = text.substr(0, open);
	while (!name.empty() && is_space(name.back()))
		name.remove_suffix(1);
	if (name.empty()) {
		error = "expected a function name, as in: call add(1, 2)";
		return false;
	}
	for (char c : name) {
		if (is_space(c)) {
			error =
			    "expected '(' after the function name '" + std::string(name.substr(0, name.find(c))) + "'";
			return false;
		}
	}
	out.function = std::string(name);
	if (open == std::string_view::npos)
		return true; // `call f` calls f with no arguments
	size_t close = text.rfind(')');
	if (close == std::string_view::npos || close < open) {
		error = "missing ')' at the end of the call";
		return false;
	}
	for (size_t i = close + 1; i < text.size(); ++i) {
		if (!is_space(text[i])) {
			error = "unexpected text after ')': '" + std::string(text.substr(i)) + "'";
			return false;
		}
	}
	out.arguments = std::string(text.substr(open + 1, close - open - 1));
	out.arguments_column = offset + open + 1;
	return true;
}

struct named_kind {
	const char *name;
	command_kind kind;
};

const named_kind kinds[] = {
    {"load", command_kind::load},   {"inspect", command_kind::inspect}, {"call", command_kind::call},
    {"await", command_kind::await}, {"clear", command_kind::clear},     {"relink", command_kind::relink},
    {"help", command_kind::help},   {"exit", command_kind::exit},       {"quit", command_kind::exit},
};

} // namespace

const std::vector<std::string> &command_names() {
	static const std::vector<std::string> names = [] {
		std::vector<std::string> list;
		for (const named_kind &kind : kinds)
			list.emplace_back(kind.name);
		return list;
	}();
	return names;
}

bool parse_command(std::string_view line, command &out, std::string &error) {
	out = command{};
	size_t start = 0;
	while (start < line.size() && is_space(line[start]))
		++start;
	if (start == line.size() || line[start] == '#')
		return true;
	size_t end = start;
	while (end < line.size() && !is_space(line[end]) && line[end] != '(')
		++end;
	std::string_view name = line.substr(start, end - start);
	size_t rest = end;
	while (rest < line.size() && is_space(line[rest]))
		++rest;

	if (end < line.size() && line[end] == '(') { // `f(1, 2)` is `call f(1, 2)`
		out.kind = command_kind::call;
		return parse_call(line.substr(start), start + 1, out, error);
	}
	for (const named_kind &kind : kinds) {
		if (name != kind.name)
			continue;
		out.kind = kind.kind;
		if (kind.kind == command_kind::call || kind.kind == command_kind::await)
			return parse_call(line.substr(rest), rest + 1, out, error);
		return split_words(line.substr(rest), out.words, error);
	}
	error = "unknown command '" + std::string(name) + "' (help lists the commands)";
	return false;
}

std::string help_text() {
	return "commands:\n"
	       "  load <tag> <file...>     load files as one handle with loader <tag> (py, node, c, ...)\n"
	       "  inspect [--json]         the loaded handles, functions and their signatures\n"
	       "  call <f>(<args>)         call function f; the arguments are JSON: call add(1, [2, 3], "
	       "{\"k\": \"v\"})\n"
	       "  await <f>(<args>)        call f and wait for the future it returns (Ctrl-C stops waiting)\n"
	       "  clear <handle>           unload a handle (by its name as inspect shows it)\n"
	       "  relink                   the language runtimes this process contains\n"
	       "  help                     this text\n"
	       "  exit                     leave (so does Ctrl-D)\n"
	       "A function defined by several handles is named <handle>:<f>. `f(...)` alone is `call f(...)`.\n";
}

} // namespace metacall_cli
