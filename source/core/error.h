// The one error path of the library: the calling thread's last error, and throwable values.
#pragma once

#include <cstdint>
#include <string>

namespace metacall_core {

// Records the calling thread's last error (read by metacall_error_last).
void set_error(std::string label, std::string message);
// printf-style set_error.
void set_errorf(const char *label, const char *format, ...) __attribute__((format(printf, 2, 3)));

// The message of the thread's last error ("" when none) and a counter that changes with every
// error, so callers can tell whether a plug-in described its failure without clearing anything.
const std::string &last_error_message();
std::uint64_t error_generation();

// A new throwable value wrapping an exception.
void *make_throwable(std::string label, std::string message, std::int64_t code = 0,
                     std::string stacktrace = {});

} // namespace metacall_core
