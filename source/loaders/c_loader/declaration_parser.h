// Reads the declaration subset of C that describes a native library: function prototypes,
// struct definitions and typedefs (see README.md, "The declaration subset").
#ifndef C_LOADER_DECLARATION_PARSER_H
#define C_LOADER_DECLARATION_PARSER_H

#include "declarations.h"

#include <string>
#include <string_view>
#include <unordered_map>

namespace c_loader {

class DeclarationParser {
public:
	DeclarationParser();

	// Reads one header. Headers read by the same parser form one module: later ones see the
	// structs and typedefs of earlier ones. Throws LoadError "<file>:<line>:<column>: expected
	// <what>, found '<token>'" (or another reason after the location) on the first problem.
	void parse(std::string_view text, const std::string &file);

	// What every header read so far declared.
	const Declarations &declarations() const { return declarations_; }
	Declarations take() { return std::move(declarations_); }

private:
	friend class FileParser;

	Declarations declarations_;
	std::unordered_map<std::string, CType> typedefs_;
	std::unordered_map<std::string, std::size_t> function_index_; // name -> declarations_.functions
};

} // namespace c_loader

#endif
