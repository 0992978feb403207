#include "declaration_tokenizer.h"

#include "load_error.h"

#include <cctype>

namespace c_loader {

std::string Token::quoted() const {
	return kind == TokenKind::end ? "end of file" : "'" + std::string(text) + "'";
}

namespace {

bool starts_identifier(char c) {
	return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool continues_identifier(char c) {
	return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

class Cursor {
public:
	Cursor(std::string_view source, const std::string &file) : source_(source), file_(file) {}

	bool done() const { return pos_ >= source_.size(); }
	char peek(std::size_t ahead = 0) const {
		return pos_ + ahead < source_.size() ? source_[pos_ + ahead] : '\0';
	}
	void advance() {
		if (done())
			return;
		if (source_[pos_] == '\n') {
			++line_;
			column_ = 1;
			at_line_start_ = true;
		} else {
			++column_;
			if (!std::isspace(static_cast<unsigned char>(source_[pos_])))
				at_line_start_ = false;
		}
		++pos_;
	}
	std::size_t pos() const { return pos_; }
	int line() const { return line_; }
	int column() const { return column_; }
	bool at_line_start() const { return at_line_start_; }
	std::string_view slice(std::size_t from) const { return source_.substr(from, pos_ - from); }

	[[noreturn]] void fail(int line, int column, const std::string &what) const {
		throw LoadError(file_ + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + what);
	}

private:
	std::string_view source_;
	const std::string &file_;
	std::size_t pos_ = 0;
	int line_ = 1;
	int column_ = 1;
	bool at_line_start_ = true;
};

void skip_preprocessor_line(Cursor &in) {
	while (!in.done() && in.peek() != '\n') {
		if (in.peek() == '\\' && in.peek(1) == '\n')
			in.advance(); // the continuation joins the next line
		in.advance();
	}
}

void skip_block_comment(Cursor &in) {
	const int line = in.line(), column = in.column();
	in.advance();
	in.advance();
	while (!(in.peek() == '*' && in.peek(1) == '/')) {
		if (in.done())
			in.fail(line, column, "unterminated /* comment");
		in.advance();
	}
	in.advance();
	in.advance();
}

} // namespace

std::vector<Token> tokenize(std::string_view source, const std::string &file) {
	std::vector<Token> tokens;
	Cursor in(source, file);
	while (!in.done()) {
		const char c = in.peek();
		if (std::isspace(static_cast<unsigned char>(c))) {
			in.advance();
			continue;
		}
		if (c == '#' && in.at_line_start()) {
			skip_preprocessor_line(in);
			continue;
		}
		if (c == '/' && in.peek(1) == '/') {
			while (!in.done() && in.peek() != '\n')
				in.advance();
			continue;
		}
		if (c == '/' && in.peek(1) == '*') {
			skip_block_comment(in);
			continue;
		}
		const int line = in.line(), column = in.column();
		const std::size_t start = in.pos();
		TokenKind kind = TokenKind::punctuation;
		if (starts_identifier(c)) {
			kind = TokenKind::identifier;
			while (continues_identifier(in.peek()))
				in.advance();
		} else if (std::isdigit(static_cast<unsigned char>(c))) {
			kind = TokenKind::number;
			while (continues_identifier(in.peek()))
				in.advance();
		} else if (c == '"') {
			kind = TokenKind::string;
			in.advance();
			while (in.peek() != '"') {
				if (in.done() || in.peek() == '\n')
					in.fail(line, column, "unterminated string");
				if (in.peek() == '\\')
					in.advance();
				in.advance();
			}
			in.advance();
		} else if (c == '\'') { // a character constant (in a C source's function bodies)
			kind = TokenKind::number;
			in.advance();
			while (in.peek() != '\'') {
				if (in.done() || in.peek() == '\n')
					in.fail(line, column, "unterminated character constant");
				if (in.peek() == '\\')
					in.advance();
				in.advance();
			}
			in.advance();
		} else if (c == '.' && in.peek(1) == '.' && in.peek(2) == '.') {
			in.advance();
			in.advance();
			in.advance();
		} else {
			in.advance();
		}
		tokens.push_back(Token{kind, in.slice(start), line, column});
	}
	tokens.push_back(Token{TokenKind::end, {}, in.line(), in.column()});
	return tokens;
}

} // namespace c_loader
