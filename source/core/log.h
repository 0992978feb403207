// The library's log: one line per event on stderr, filtered by METACALL_LOG (debug, info, warn,
// error; default warn). For decisions a user may need explained, never for the call path.
#pragma once

#include <cstdarg>

namespace metacall_core {

enum class LogLevel { debug, info, warn, error };

void log(LogLevel level, const char *format, ...) __attribute__((format(printf, 2, 3)));
void vlog(LogLevel level, const char *format, va_list args);

} // namespace metacall_core
