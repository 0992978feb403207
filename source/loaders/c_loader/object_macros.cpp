#include "object_macros.h"

#include "load_error.h"

#include <cctype>
#include <unordered_map>

namespace c_loader {
namespace {

struct Definition {
	std::string_view replacement; // the rest of the #define line
	int line = 0;
	bool simple = true; // object-like and on one line
};

bool is_space(char c) {
	return c == ' ' || c == '\t';
}

bool continues_identifier(char c) {
	return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Every `#define NAME ...` line of `source`, by NAME.
std::unordered_map<std::string_view, std::vector<Definition>> find_definitions(std::string_view source) {
	std::unordered_map<std::string_view, std::vector<Definition>> definitions;
	std::size_t start = 0;
	for (int line = 1; start < source.size(); ++line) {
		std::size_t end = source.find('\n', start);
		if (end == std::string_view::npos)
			end = source.size();
		std::string_view text = source.substr(start, end - start);
		start = end + 1;
		std::size_t i = 0;
		while (i < text.size() && is_space(text[i]))
			++i;
		if (i >= text.size() || text[i] != '#')
			continue;
		++i;
		while (i < text.size() && is_space(text[i]))
			++i;
		if (text.substr(i, 6) != "define" || i + 6 >= text.size() || !is_space(text[i + 6]))
			continue;
		i += 6;
		while (i < text.size() && is_space(text[i]))
			++i;
		const std::size_t name_start = i;
		while (i < text.size() && continues_identifier(text[i]))
			++i;
		if (i == name_start)
			continue;
		Definition definition;
		definition.line = line;
		definition.replacement = text.substr(i);
		std::string_view rest = text;
		if (!rest.empty() && rest.back() == '\r') // CRLF
			rest.remove_suffix(1);
		const bool function_like = i < text.size() && text[i] == '(';
		const bool continued = !rest.empty() && rest.back() == '\\';
		definition.simple = !function_like && !continued;
		definitions[text.substr(name_start, i - name_start)].push_back(definition);
	}
	return definitions;
}

// The replacement's tokens, without the end token.
std::vector<Token> replacement_tokens(const Definition &definition, const std::string &file) {
	std::vector<Token> tokens = tokenize(definition.replacement, file);
	tokens.pop_back();
	return tokens;
}

// Empty, or only __attribute__((...)) / __declspec(...) groups.
bool only_attributes(const std::vector<Token> &tokens) {
	std::size_t i = 0;
	while (i < tokens.size()) {
		if (!tokens[i].is("__attribute__") && !tokens[i].is("__declspec"))
			return false;
		if (++i >= tokens.size() || !tokens[i].is("("))
			return false;
		int depth = 0;
		do {
			if (tokens[i].is("("))
				++depth;
			else if (tokens[i].is(")"))
				--depth;
			++i;
		} while (depth > 0 && i < tokens.size());
		if (depth != 0)
			return false;
	}
	return true;
}

bool same_spelling(const std::vector<Token> &a, const std::vector<Token> &b) {
	if (a.size() != b.size())
		return false;
	for (std::size_t i = 0; i < a.size(); ++i)
		if (a[i].text != b[i].text)
			return false;
	return true;
}

// What a macro name becomes where it is used.
struct Expansion {
	std::vector<Token> tokens; // empty: dropped
	std::string error;         // non-empty: the use is an error
};

Expansion expansion_of(std::string_view name, const std::vector<Definition> &definitions,
                       const std::string &file) {
	std::vector<std::vector<Token>> replacements;
	std::string lines;
	bool all_attributes = true;
	for (const Definition &definition : definitions) {
		lines += (lines.empty() ? "" : ", ") + std::to_string(definition.line);
		if (!definition.simple)
			return {{},
			        "'" + std::string(name) +
			            "' is a macro the loader cannot expand (function-like or on "
			            "several lines, defined at line " +
			            std::to_string(definition.line) + ")"};
		try {
			replacements.push_back(replacement_tokens(definition, file));
		} catch (const LoadError &error) { // an unterminated quote in the replacement
			return {{},
			        "'" + std::string(name) + "' has a replacement the loader cannot read (" + error.what() +
			            ")"};
		}
		all_attributes = all_attributes && only_attributes(replacements.back());
	}
	if (all_attributes)
		return {};
	for (const std::vector<Token> &replacement : replacements)
		if (!same_spelling(replacement, replacements.front()))
			return {{},
			        "'" + std::string(name) + "' is defined differently at lines " + lines +
			            " and the loader does not evaluate #if; declare without the macro"};
	return {replacements.front(), {}};
}

} // namespace

std::vector<Token> expand_object_macros(std::vector<Token> tokens, std::string_view source,
                                        const std::string &file, bool strict) {
	const auto definitions = find_definitions(source);
	if (definitions.empty())
		return tokens;
	std::unordered_map<std::string_view, Expansion> expansions;
	std::vector<Token> result;
	result.reserve(tokens.size());
	for (const Token &token : tokens) {
		auto defined = token.kind == TokenKind::identifier ? definitions.find(token.text) : definitions.end();
		if (defined == definitions.end()) {
			result.push_back(token);
			continue;
		}
		auto cached = expansions.find(token.text);
		if (cached == expansions.end())
			cached = expansions.emplace(token.text, expansion_of(token.text, defined->second, file)).first;
		const Expansion &expansion = cached->second;
		if (!expansion.error.empty() && !strict) {
			result.push_back(token); // a source's body may use it: only a prototype that does fails
			continue;
		}
		if (!expansion.error.empty())
			throw LoadError(file + ":" + std::to_string(token.line) + ":" + std::to_string(token.column) +
			                ": " + expansion.error);
		for (Token replaced : expansion.tokens) { // one level: a replacement is not expanded again
			replaced.line = token.line;
			replaced.column = token.column;
			result.push_back(replaced);
		}
	}
	return result;
}

} // namespace c_loader
