/*
 * libmetacall: where the library's log lines go (MetaCall's metacall_log.h names).
 *
 * The library logs decisions a user may need explained (a relink mode chosen, a runtime refused),
 * one line per event, filtered by the environment variable METACALL_LOG (debug, info, warn, error;
 * default warn). By default the lines go to stderr. metacall_log sends them elsewhere;
 * metacall_log_null drops them. Both may be called at any time, before or after
 * metacall_initialize, from any thread; the last call wins. The choice outlives metacall_destroy.
 */
#ifndef METACALL_LOG_H
#define METACALL_LOG_H

#include <metacall/metacall_def.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Where the lines go; `ctx` of metacall_log points to the struct named after each. */
enum metacall_log_id {
	METACALL_LOG_STDIO,  /* struct metacall_log_stdio_type: an open FILE * */
	METACALL_LOG_FILE,   /* struct metacall_log_file_type: a file the library opens */
	METACALL_LOG_SOCKET, /* declared for source compatibility; not supported (metacall_log fails) */
	METACALL_LOG_SYSLOG, /* struct metacall_log_syslog_type: syslog(3) under an identity */
	METACALL_LOG_NGINX,  /* declared for source compatibility; not supported (metacall_log fails) */
	METACALL_LOG_CUSTOM  /* struct metacall_log_custom_type: the host's write and flush functions */
};

/* Lines are written to `stream`, which stays the caller's: keep it open while it is the log's
 * destination (until the next metacall_log or metacall_log_null), and close it yourself. */
struct metacall_log_stdio_type {
	FILE *stream;
};

/* The library opens `file_name` with fopen `mode` ("a", "w", ...; NULL: "a") when metacall_log is
 * called and closes it when the destination changes or the process exits. Both strings are borrowed
 * for the call only. */
struct metacall_log_file_type {
	const char *file_name;
	const char *mode;
};

struct metacall_log_socket_type {
	const char *ip;
	uint16_t port;
};

/* openlog(3) with `name` as the identity (copied; NULL: "metacall"); each line goes to syslog at the
 * priority of its level (LOG_DEBUG, LOG_INFO, LOG_WARNING, LOG_ERR). */
struct metacall_log_syslog_type {
	const char *name;
};

struct metacall_log_nginx_type {
	void *log;
	void (*log_error)(void);
	uint16_t log_level;
};

struct metacall_log_custom_va_list_type {
	va_list va;
};

/* The host's own stream. The library formats each line itself ("[metacall <level>] <text>\n") and
 * calls stream_write(context, line, length) then stream_flush(context) (when not NULL), one line at
 * a time under the log's lock, on the thread that logs. stream_write is required; the format_*
 * callbacks are accepted for source compatibility and not called. The struct is copied; `context`
 * is borrowed: keep it valid while this is the destination. */
struct metacall_log_custom_type {
	void *context;
	size_t (*format_size)(void *, const char *, uint64_t, size_t, const char *, const char *, const char *,
	                      const char *, struct metacall_log_custom_va_list_type *);
	size_t (*format_serialize)(void *, void *, const size_t, const char *, uint64_t, size_t, const char *,
	                           const char *, const char *, const char *,
	                           struct metacall_log_custom_va_list_type *);
	size_t (*format_deserialize)(void *, const void *, const size_t, const char *, uint64_t, size_t,
	                             const char *, const char *, const char *, const char *,
	                             struct metacall_log_custom_va_list_type *);
	int (*stream_write)(void *, const char *, const size_t);
	int (*stream_flush)(void *);
};

typedef struct metacall_log_stdio_type *metacall_log_stdio;
typedef struct metacall_log_file_type *metacall_log_file;
typedef struct metacall_log_socket_type *metacall_log_socket;
typedef struct metacall_log_syslog_type *metacall_log_syslog;
typedef struct metacall_log_nginx_type *metacall_log_nginx;
typedef struct metacall_log_custom_va_list_type *metacall_log_custom_va_list;
typedef struct metacall_log_custom_type *metacall_log_custom;

/* Sends the log's lines to the destination `log_id` described by `ctx` (a pointer to the struct of
 * that id, borrowed for the call). Returns 0 on success; non-zero, with the previous destination
 * kept and the reason in metacall_error_last, when `ctx` is NULL or incomplete, the file cannot be
 * opened, or the id is not supported (METACALL_LOG_SOCKET, METACALL_LOG_NGINX). */
METACALL_API int metacall_log(enum metacall_log_id log_id, void *ctx);

/* Drops every log line from now on (until the next metacall_log). MetaCall asks for it before
 * metacall_initialize; here it works at any time. */
METACALL_API void metacall_log_null(void);

#ifdef __cplusplus
}
#endif

#endif /* METACALL_LOG_H */
