/*
 * libmetacall: errors.
 *
 * Two ways an error reaches the caller, never a crash:
 *  - a call whose function failed (it threw, or got the wrong arguments) returns a THROWABLE
 *    value wrapping an EXCEPTION value; read it with metacall_error_from_value;
 *  - any API function that cannot do its job (unknown name, bad argument, loader missing, not
 *    initialized, ...) returns its failure result (non-zero, NULL) and records a message for the
 *    calling thread, read with metacall_error_last.
 *
 * The last error is per thread (like errno): it is set by a failing function and kept until the
 * next failure on that thread or metacall_error_clear. Successful calls do not clear it.
 */
#ifndef METACALL_ERROR_H
#define METACALL_ERROR_H

#include <metacall/metacall_def.h>

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The fields of an error. Strings are UTF-8, never NULL when filled in by the library. */
struct metacall_exception_type {
	const char *message;    /* what went wrong */
	const char *label;      /* the error's type: "TypeError", "ValueError", "LoaderError", ... */
	int64_t code;           /* a numeric code when the origin has one, else 0 */
	const char *stacktrace; /* the origin's stack trace, or "" */
};

typedef struct metacall_exception_type *metacall_exception;

/* Fills `ex` from `v`, a throwable (whose thrown value is an exception) or an exception value.
 * The strings belong to `v` and live as long as it does.
 * Returns 0 on success; non-zero when `v` holds no exception (then `ex` is untouched). */
METACALL_API int metacall_error_from_value(void *v, metacall_exception ex);

/* Fills `ex` with the calling thread's last error. The strings stay valid until the next error on
 * this thread or metacall_error_clear. Returns 0 when there is an error; non-zero when there is
 * none (then `ex` is untouched). */
METACALL_API int metacall_error_last(metacall_exception ex);

/* Forgets the calling thread's last error. */
METACALL_API void metacall_error_clear(void);

/* Ours: a new throwable value (owned by the caller) wrapping an exception built from `label`,
 * `code`, `stacktrace` (may be NULL) and a printf-style message. Host functions return it to
 * report an error to whichever language called them. */
METACALL_API void *metacall_error_throw(const char *label, int64_t code, const char *stacktrace,
                                        const char *message, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

#ifdef __cplusplus
}
#endif

#endif /* METACALL_ERROR_H */
