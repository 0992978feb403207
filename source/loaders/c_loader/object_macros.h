// Object-like macros in headers (`#define EXPORT __attribute__((visibility("default")))`): the
// parser skips preprocessor lines, so a declaration that uses such a name would not parse. The
// loader does not evaluate #if, so it expands only what is unambiguous.
#ifndef C_LOADER_OBJECT_MACROS_H
#define C_LOADER_OBJECT_MACROS_H

#include "declaration_tokenizer.h"

#include <string>
#include <string_view>
#include <vector>

namespace c_loader {

// Rewrites `tokens` (of `source`) where an identifier names a `#define NAME replacement` of
// `source`: dropped when every definition of NAME is empty or only attributes
// (`__attribute__((...))`, `__declspec(...)`), whichever #if branch holds it; replaced by its
// tokens (taking the use's place) when NAME has one definition, or several spelled alike.
// Any other use of NAME (defined differently in several places, function-like, or continued over
// several lines) throws LoadError at the use when `strict` (a header), and is left as it is
// otherwise (a C source, whose bodies may use any macro). Tokens stay views into `source`.
std::vector<Token> expand_object_macros(std::vector<Token> tokens, std::string_view source,
                                        const std::string &file, bool strict);

} // namespace c_loader

#endif
