#include "log.h"

#include <metacall/metacall_loader.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace metacall_core {
namespace {

const char *const kNames[] = {"debug", "info", "warn", "error"};

LogLevel threshold() {
	static const LogLevel level = [] {
		const char *env = std::getenv("METACALL_LOG");
		for (int i = 0; env != nullptr && i < 4; ++i)
			if (std::strcmp(env, kNames[i]) == 0)
				return static_cast<LogLevel>(i);
		return LogLevel::warn;
	}();
	return level;
}

} // namespace

void vlog(LogLevel level, const char *format, va_list args) {
	if (level < threshold())
		return;
	// One lock so that lines from several threads do not interleave.
	static std::mutex mutex;
	std::lock_guard lock(mutex);
	std::fprintf(stderr, "[metacall %s] ", kNames[static_cast<int>(level)]);
	std::vfprintf(stderr, format, args);
	std::fputc('\n', stderr);
}

void log(LogLevel level, const char *format, ...) {
	va_list args;
	va_start(args, format);
	vlog(level, format, args);
	va_end(args);
}

} // namespace metacall_core

extern "C" void metacall_loader_log(const char *level, const char *format, ...) {
	using metacall_core::LogLevel;
	if (format == nullptr)
		return;
	LogLevel parsed = LogLevel::info;
	for (int i = 0; level != nullptr && i < 4; ++i)
		if (std::strcmp(level, metacall_core::kNames[i]) == 0)
			parsed = static_cast<LogLevel>(i);
	va_list args;
	va_start(args, format);
	metacall_core::vlog(parsed, format, args);
	va_end(args);
}
