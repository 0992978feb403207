// Splits header text into tokens, dropping comments and preprocessor lines.
#ifndef C_LOADER_DECLARATION_TOKENIZER_H
#define C_LOADER_DECLARATION_TOKENIZER_H

#include <string>
#include <string_view>
#include <vector>

namespace c_loader {

enum class TokenKind {
	identifier,  // names and keywords
	number,      // also a character constant: 'a'
	string,      // "..." (text holds the quotes)
	punctuation, // ( ) { } [ ] ; , * = ... and any other single character
	end,         // after the last token
};

struct Token {
	TokenKind kind;
	std::string_view text; // a view into the source
	int line;
	int column;

	bool is(std::string_view spelling) const {
		return (kind == TokenKind::identifier || kind == TokenKind::punctuation) && text == spelling;
	}
	// How a message shows it: 'text', or "end of file".
	std::string quoted() const;
};

// The tokens of `source`, ending with one TokenKind::end token. `#` lines (with their backslash
// continuations) are skipped, as are // and /* */ comments. An unterminated comment or string
// throws LoadError naming `file`, line and column.
std::vector<Token> tokenize(std::string_view source, const std::string &file);

} // namespace c_loader

#endif
