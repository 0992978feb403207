// How the command reports errors: one line on stderr, from the C API's two ways of failing (a
// result NULL or non-zero with the thread's last error; a throwable value).
#pragma once

#include <string>

namespace metacall_cli {

// "error: <message>" on stderr, on one line (line breaks inside the message become spaces),
// after what stdout holds so far.
void print_error(const std::string &message);

// "Label: message" of the calling thread's last error, which it then clears; `fallback` when
// there is none.
std::string last_error(const std::string &fallback);

// "Label: message" of `value` (borrowed) when it is a throwable or an exception, and its stack
// trace into *stack when `stack` is not NULL; false when `value` is neither.
bool thrown_message(void *value, std::string &message, std::string *stack = nullptr);

} // namespace metacall_cli
