/*
 * libmetacall: calls whose arguments are given by parameter name (MetaCall's metacallfmv and
 * metacallfms families). Included by metacall.h.
 *
 * A function knows its parameters' names from its loader (Python's and JavaScript's own names, a C
 * declaration's, the names given at metacall_register: "arg0", "arg1", ... when none were given);
 * metacall_inspect lists them. Each argument is named by a key: a string value naming a parameter,
 * or an integer value giving its position (0 for the first). Every parameter must be given exactly
 * once, in any order; the call then runs as metacallfv_s with the arguments in the declared order.
 * A key that names no parameter, a position out of range, a parameter given twice or left out, is
 * refused before anything runs: NULL, with an error naming the function and the key.
 * Unlike MetaCall, the caller's values are never converted in place: they stay as they were, and the
 * call converts them as every call does.
 */
#ifndef METACALL_NAMED_CALL_H
#define METACALL_NAMED_CALL_H

#include <metacall/metacall_def.h>

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Calls `func` with values[i] as the parameter named by keys[i], for i below the function's
 * parameter count (metacall_function_size). Keys and values are BORROWED. The result is a NEW value
 * owned by the caller, or a throwable, as for metacallfv_s. */
METACALL_API void *metacallfmv(void *func, void *keys[], void *values[]);

/* As metacallfmv with the arguments written as a JSON object in the `size` bytes at `buffer`:
 * {"name": value, ...} (values read as metacall_deserialize reads them, destroyed after the call).
 * A NULL or empty buffer calls a function that has no parameters. `allocator` is accepted for
 * MetaCall compatibility and not used. */
METACALL_API void *metacallfms(void *func, const char *buffer, size_t size, void *allocator);

/* As metacallfmv, awaiting the result as metacallfv_await_s does: a NEW future value settled by the
 * return of `resolve_callback` or `reject_callback` (see metacall_await in metacall.h). */
METACALL_API void *metacallfmv_await(void *func, void *keys[], void *values[],
                                     void *(*resolve_callback)(void *, void *),
                                     void *(*reject_callback)(void *, void *), void *data);

/* As metacallfmv_await with `size` keys and values, which must be the function's parameter count. */
METACALL_API void *metacallfmv_await_s(void *func, void *keys[], void *values[], size_t size,
                                       void *(*resolve_callback)(void *, void *),
                                       void *(*reject_callback)(void *, void *), void *data);

/* As metacallfms, awaiting the result as metacallfmv_await does. */
METACALL_API void *metacallfms_await(void *func, const char *buffer, size_t size, void *allocator,
                                     void *(*resolve_callback)(void *, void *),
                                     void *(*reject_callback)(void *, void *), void *data);

#ifdef __cplusplus
}
#endif

#endif /* METACALL_NAMED_CALL_H */
