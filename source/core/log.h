// The library's log: one line per event on stderr, filtered by METACALL_LOG (debug, info, warn,
// error; default warn). For decisions a user may need explained, never for the call path.
#pragma once

#include <cstdarg>
#include <functional>
#include <string_view>

namespace metacall_core {

enum class LogLevel { debug, info, warn, error };

void log(LogLevel level, const char *format, ...) __attribute__((format(printf, 2, 3)));
void vlog(LogLevel level, const char *format, va_list args);

// Where the lines go (metacall_log, api_log.cpp): called under the log's lock, one complete line
// ("[metacall <level>] <text>\n") at a time. An empty sink means stderr, the default.
using LogSink = std::function<void(LogLevel level, std::string_view line)>;
void set_log_sink(LogSink sink);

} // namespace metacall_core
