// Reads the declaration subset of C that describes a native library: function prototypes,
// struct definitions and typedefs (see README.md, "The declaration subset").
#ifndef C_LOADER_DECLARATION_PARSER_H
#define C_LOADER_DECLARATION_PARSER_H

#include "declarations.h"

#include <string>
#include <string_view>
#include <unordered_map>

namespace c_loader {

// What a text is: a header (declarations only), or a C source (function definitions with bodies).
enum class TextKind {
	header,
	// Declares the functions it defines (with a body) and does not make `static`. Their
	// prototypes are read as in headers (an unsupported one is an error); bodies, prototypes
	// without a body, global variables and whatever else the subset does not read are skipped.
	source,
};

class DeclarationParser {
public:
	DeclarationParser();

	// Reads one header or source. Texts read by the same parser form one module: later ones see
	// the structs and typedefs of earlier ones. Throws LoadError "<file>:<line>:<column>: expected
	// <what>, found '<token>'" (or another reason after the location) on the first problem.
	void parse(std::string_view text, const std::string &file, TextKind kind = TextKind::header);

	// What every header read so far declared.
	const Declarations &declarations() const { return declarations_; }
	Declarations take() { return std::move(declarations_); }

private:
	friend class FileParser;

	Declarations declarations_;
	std::unordered_map<std::string, CType> typedefs_;
	std::unordered_map<std::string, std::size_t> function_index_; // name -> declarations_.functions
};

// Whether `text` defines a function (a ')' followed by '{' outside brackets): C source, to compile,
// rather than declarations. false when it cannot be tokenized (parsing it reports why).
bool defines_functions(std::string_view text);

} // namespace c_loader

#endif
