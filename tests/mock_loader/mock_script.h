/*
 * The "mock" language: one function declaration per line, each bound to a builtin.
 *
 *     # comment
 *     fn add(a: Long, b: Long) -> Long = add
 *     async fn echo_async(x) = echo
 *
 * Types are the names metacall_value_id_name gives; a parameter or result without one is
 * METACALL_INVALID (not declared).
 */
#ifndef MOCK_SCRIPT_H
#define MOCK_SCRIPT_H

#include <metacall/metacall_value.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mock {

// A failure the loader reports to the core through metacall_loader_error.
class Error : public std::runtime_error {
public:
	using std::runtime_error::runtime_error;
};

enum class Builtin { add, echo, throw_error, call, null };

struct Parameter {
	std::string name;
	enum metacall_value_id type = METACALL_INVALID;
};

struct Declaration {
	std::string name;
	bool is_async = false;
	std::vector<Parameter> parameters;
	enum metacall_value_id return_type = METACALL_INVALID;
	Builtin builtin = Builtin::null;
	std::string origin; // the file as the host named it, or the handle name for memory loads
	std::size_t line = 0;
};

// Parses `text`; `origin` names it in error messages ("<origin>:<line>: expected ..., found '...'").
// Throws mock::Error on the first syntax error.
std::vector<Declaration> parse(std::string_view text, const std::string &origin);

// Appends `more` to `module`, rejecting a name the module already defines (functions are
// unique within a module). Throws mock::Error naming both places.
void merge(std::vector<Declaration> &module, std::vector<Declaration> more);

} // namespace mock

#endif
