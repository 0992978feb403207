#include "log.h"

#include <metacall/metacall_loader.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <utility>

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

namespace {

// One lock so that lines from several threads do not interleave, and the sink it guards.
struct Destination {
	std::mutex mutex;
	LogSink sink;
};

Destination &destination() {
	static Destination instance;
	return instance;
}

} // namespace

void vlog(LogLevel level, const char *format, va_list args) {
	if (level < threshold())
		return;
	Destination &to = destination();
	std::lock_guard lock(to.mutex);
	if (!to.sink) {
		std::fprintf(stderr, "[metacall %s] ", kNames[static_cast<int>(level)]);
		std::vfprintf(stderr, format, args);
		std::fputc('\n', stderr);
		return;
	}
	std::string line = std::string("[metacall ") + kNames[static_cast<int>(level)] + "] ";
	va_list measure;
	va_copy(measure, args);
	const int length = std::vsnprintf(nullptr, 0, format, measure);
	va_end(measure);
	if (length > 0) {
		const std::size_t start = line.size();
		line.resize(start + static_cast<std::size_t>(length) + 1);
		std::vsnprintf(line.data() + start, static_cast<std::size_t>(length) + 1, format, args);
		line.pop_back(); // vsnprintf's NUL
	}
	line += '\n';
	to.sink(level, line);
}

void set_log_sink(LogSink sink) {
	Destination &to = destination();
	LogSink old;
	{
		std::lock_guard lock(to.mutex);
		old = std::exchange(to.sink, std::move(sink));
	}
	// `old` (a file it closes, say) is released outside the lock.
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
