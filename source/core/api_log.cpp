// metacall_log and metacall_log_null: the log's destinations (include/metacall/metacall_log.h).
#include "error.h"
#include "log.h"

#include <metacall/metacall_log.h>

#include <cstdio>
#include <memory>
#include <string>
#include <syslog.h>

using namespace metacall_core;

namespace {

int syslog_priority(LogLevel level) {
	switch (level) {
	case LogLevel::debug:
		return LOG_DEBUG;
	case LogLevel::info:
		return LOG_INFO;
	case LogLevel::warn:
		return LOG_WARNING;
	default:
		return LOG_ERR;
	}
}

// openlog keeps the identity's pointer: the string must outlive the sink, and closelog runs when
// the sink is replaced.
struct SyslogIdentity {
	explicit SyslogIdentity(std::string identity) : name(std::move(identity)) {
		openlog(name.c_str(), LOG_PID, LOG_USER);
	}
	~SyslogIdentity() { closelog(); }
	SyslogIdentity(const SyslogIdentity &) = delete;
	SyslogIdentity &operator=(const SyslogIdentity &) = delete;
	std::string name;
};

LogSink stdio_sink(const metacall_log_stdio_type &ctx) {
	FILE *stream = ctx.stream;
	return [stream](LogLevel, std::string_view line) {
		std::fwrite(line.data(), 1, line.size(), stream);
		std::fflush(stream);
	};
}

LogSink file_sink(const metacall_log_file_type &ctx) {
	std::shared_ptr<FILE> file(std::fopen(ctx.file_name, ctx.mode != nullptr ? ctx.mode : "a"), [](FILE *f) {
		if (f != nullptr)
			std::fclose(f);
	});
	if (file == nullptr) {
		set_errorf("IOError", "metacall_log: cannot open the log file \"%s\" with mode \"%s\"", ctx.file_name,
		           ctx.mode != nullptr ? ctx.mode : "a");
		return {};
	}
	return [file](LogLevel, std::string_view line) {
		std::fwrite(line.data(), 1, line.size(), file.get());
		std::fflush(file.get());
	};
}

LogSink syslog_sink(const metacall_log_syslog_type &ctx) {
	auto identity = std::make_shared<SyslogIdentity>(ctx.name != nullptr ? ctx.name : "metacall");
	return [identity](LogLevel level, std::string_view line) {
		syslog(syslog_priority(level), "%.*s", static_cast<int>(line.size()), line.data());
	};
}

LogSink custom_sink(const metacall_log_custom_type &ctx) {
	auto write = ctx.stream_write;
	auto flush = ctx.stream_flush;
	void *context = ctx.context;
	return [write, flush, context](LogLevel, std::string_view line) {
		write(context, line.data(), line.size());
		if (flush != nullptr)
			flush(context);
	};
}

} // namespace

extern "C" {

int metacall_log(enum metacall_log_id log_id, void *ctx) {
	if (ctx == nullptr) {
		set_error("TypeError", "metacall_log: the context is NULL (pass a pointer to the metacall_log_*_type "
		                       "struct of the destination)");
		return 1;
	}
	LogSink sink;
	switch (log_id) {
	case METACALL_LOG_STDIO: {
		const auto &stdio = *static_cast<metacall_log_stdio_type *>(ctx);
		if (stdio.stream == nullptr) {
			set_error("TypeError", "metacall_log: METACALL_LOG_STDIO with a NULL stream");
			return 1;
		}
		sink = stdio_sink(stdio);
		break;
	}
	case METACALL_LOG_FILE: {
		const auto &file = *static_cast<metacall_log_file_type *>(ctx);
		if (file.file_name == nullptr) {
			set_error("TypeError", "metacall_log: METACALL_LOG_FILE with a NULL file_name");
			return 1;
		}
		sink = file_sink(file);
		if (!sink)
			return 1;
		break;
	}
	case METACALL_LOG_SYSLOG:
		sink = syslog_sink(*static_cast<metacall_log_syslog_type *>(ctx));
		break;
	case METACALL_LOG_CUSTOM: {
		const auto &custom = *static_cast<metacall_log_custom_type *>(ctx);
		if (custom.stream_write == nullptr) {
			set_error("TypeError", "metacall_log: METACALL_LOG_CUSTOM with a NULL stream_write");
			return 1;
		}
		sink = custom_sink(custom);
		break;
	}
	case METACALL_LOG_SOCKET:
	case METACALL_LOG_NGINX:
		set_errorf("NotImplementedError",
		           "metacall_log: destination %d (%s) is not supported; use METACALL_LOG_STDIO, "
		           "METACALL_LOG_FILE, METACALL_LOG_SYSLOG or METACALL_LOG_CUSTOM",
		           static_cast<int>(log_id),
		           log_id == METACALL_LOG_SOCKET ? "METACALL_LOG_SOCKET" : "METACALL_LOG_NGINX");
		return 1;
	default:
		set_errorf("TypeError", "metacall_log: unknown destination id %d", static_cast<int>(log_id));
		return 1;
	}
	set_log_sink(std::move(sink));
	return 0;
}

void metacall_log_null(void) {
	set_log_sink([](LogLevel, std::string_view) {});
}

} // extern "C"
