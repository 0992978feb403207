// The parser of the mock language: a tokenizer per line and a small recursive descent.
#include "mock_script.h"

#include <cctype>
#include <optional>
#include <unordered_map>

namespace mock {
namespace {

enum class Kind { identifier, symbol, end };

struct Token {
	Kind kind;
	std::string text;
};

bool is_identifier_start(char c) {
	return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool is_identifier_char(char c) {
	return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Splits one line (comment already removed) into identifiers and the symbols ( ) , : = ->.
// Anything else becomes a one-character symbol so the parser can say what it found.
std::vector<Token> tokenize(std::string_view line) {
	std::vector<Token> tokens;
	std::size_t i = 0;
	while (i < line.size()) {
		const char c = line[i];
		if (std::isspace(static_cast<unsigned char>(c))) {
			++i;
		} else if (is_identifier_start(c)) {
			const std::size_t start = i;
			while (i < line.size() && is_identifier_char(line[i]))
				++i;
			tokens.push_back({Kind::identifier, std::string(line.substr(start, i - start))});
		} else if (line.substr(i, 2) == "->") {
			tokens.push_back({Kind::symbol, "->"});
			i += 2;
		} else {
			tokens.push_back({Kind::symbol, std::string(1, c)});
			++i;
		}
	}
	tokens.push_back({Kind::end, ""});
	return tokens;
}

std::optional<enum metacall_value_id> type_named(const std::string &name) {
	for (int id = 0; id < METACALL_SIZE; ++id) {
		const auto value_id = static_cast<enum metacall_value_id>(id);
		if (name == metacall_value_id_name(value_id))
			return value_id;
	}
	return std::nullopt;
}

std::optional<Builtin> builtin_named(const std::string &name) {
	static const std::unordered_map<std::string, Builtin> builtins = {
	    {"add", Builtin::add},   {"echo", Builtin::echo}, {"throw", Builtin::throw_error},
	    {"call", Builtin::call}, {"null", Builtin::null},
	};
	const auto found = builtins.find(name);
	if (found == builtins.end())
		return std::nullopt;
	return found->second;
}

// Parses the tokens of one declaration line.
class LineParser {
public:
	LineParser(std::vector<Token> tokens, const std::string &origin, std::size_t line)
	    : tokens_(std::move(tokens)), origin_(origin), line_(line) {}

	Declaration declaration() {
		Declaration result;
		result.origin = origin_;
		result.line = line_;
		if (accept_word("async"))
			result.is_async = true;
		if (!accept_word("fn"))
			fail(result.is_async ? "'fn' after 'async'" : "'fn' or 'async fn'");
		result.name = identifier("a function name");
		expect_symbol("(", "'(' after the function name");
		if (!accept_symbol(")")) {
			do
				result.parameters.push_back(parameter());
			while (accept_symbol(","));
			expect_symbol(")", "',' or ')' after a parameter");
		}
		if (accept_symbol("->"))
			result.return_type = type();
		expect_symbol("=", result.return_type == METACALL_INVALID ? "'->' or '=' after the parameters"
		                                                          : "'=' after the return type");
		result.builtin = builtin();
		if (peek().kind != Kind::end)
			fail("end of line after the builtin");
		return result;
	}

private:
	const Token &peek() const { return tokens_[position_]; }

	[[noreturn]] void fail(const std::string &expected) const {
		const Token &found = peek();
		const std::string what = found.kind == Kind::end ? "end of line" : "'" + found.text + "'";
		throw Error(origin_ + ":" + std::to_string(line_) + ": expected " + expected + ", found " + what);
	}

	bool accept_word(const char *word) {
		if (peek().kind != Kind::identifier || peek().text != word)
			return false;
		++position_;
		return true;
	}

	bool accept_symbol(const char *symbol) {
		if (peek().kind != Kind::symbol || peek().text != symbol)
			return false;
		++position_;
		return true;
	}

	void expect_symbol(const char *symbol, const std::string &expected) {
		if (!accept_symbol(symbol))
			fail(expected);
	}

	std::string identifier(const std::string &expected) {
		if (peek().kind != Kind::identifier)
			fail(expected);
		return tokens_[position_++].text;
	}

	Parameter parameter() {
		Parameter result;
		result.name = identifier("a parameter name");
		if (accept_symbol(":"))
			result.type = type();
		return result;
	}

	enum metacall_value_id type() {
		if (peek().kind == Kind::identifier) {
			if (const auto id = type_named(peek().text)) {
				++position_;
				return *id;
			}
		}
		fail("a type name (Boolean, Char, Short, Integer, Long, Float, Double, String, Buffer, Array, "
		     "Map, Pointer, Future, Function, Null, ...)");
	}

	Builtin builtin() {
		if (peek().kind == Kind::identifier) {
			if (const auto found = builtin_named(peek().text)) {
				++position_;
				return *found;
			}
		}
		fail("a builtin (add, echo, throw, call, null)");
	}

	std::vector<Token> tokens_;
	const std::string &origin_;
	std::size_t line_;
	std::size_t position_ = 0;
};

} // namespace

std::vector<Declaration> parse(std::string_view text, const std::string &origin) {
	std::vector<Declaration> declarations;
	std::size_t line_number = 0;
	while (!text.empty()) {
		++line_number;
		const std::size_t newline = text.find('\n');
		std::string_view line = text.substr(0, newline);
		text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
		line = line.substr(0, line.find('#'));
		std::vector<Token> tokens = tokenize(line);
		if (tokens.front().kind == Kind::end)
			continue; // blank or comment-only line
		merge(declarations, {LineParser(std::move(tokens), origin, line_number).declaration()});
	}
	return declarations;
}

void merge(std::vector<Declaration> &module, std::vector<Declaration> more) {
	for (Declaration &declaration : more) {
		for (const Declaration &existing : module) {
			if (existing.name == declaration.name)
				throw Error(declaration.origin + ":" + std::to_string(declaration.line) + ": function '" +
				            declaration.name + "' is already defined at " + existing.origin + ":" +
				            std::to_string(existing.line));
		}
		module.push_back(std::move(declaration));
	}
}

} // namespace mock
