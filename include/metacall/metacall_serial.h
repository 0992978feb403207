/*
 * libmetacall: values as text (MetaCall's serial functions), and calls whose arguments are text.
 * Included by metacall.h.
 *
 * One serial exists, JSON, named "json"; MetaCall's name for its own, "rapid_json", is accepted as
 * the same. A value is written as MetaCall writes it: booleans, numbers, strings, arrays and null as
 * themselves; a char as a one-character string; a map as an object (a key that is not a string is
 * named by its JSON text: 1 -> "1"); a buffer as {"data": [bytes...], "length": n}; an exception as
 * {"message", "label", "code", "stacktrace"}; a throwable as {"ExceptionThrown": <thrown value>}; a
 * pointer as its address in hexadecimal ("0x..."); futures, functions, classes and objects as
 * "[Future]", "[Function]", "[Class]", "[Object]"; a big integer (ours) as a string of its digits;
 * a float or double that is not finite as null. Bytes that are not UTF-8 become U+FFFD.
 * Text is read as MetaCall reads it: an integer is an int when it fits, else a long (a big integer
 * beyond); a number with a fraction or exponent is a float when it is exactly one, else a double;
 * an object is a map with string keys, in the text's order.
 */
#ifndef METACALL_SERIAL_H
#define METACALL_SERIAL_H

#include <metacall/metacall_def.h>

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The name of the default serial, "json" (a static string). */
METACALL_API const char *metacall_serial(void);

/* The text of the value `v` (borrowed) in the serial `name` ("json", "rapid_json"; NULL: the
 * default), NUL-terminated; *size (when `size` is not NULL) receives its length + 1. Memory comes
 * from `allocator` (release with metacall_allocator_free) or, with allocator NULL, from malloc
 * (release with free). NULL, with an error, for an unknown serial, a pointer that is not a value, or
 * a value nested deeper than METACALL_VALUE_MAX_DEPTH. */
METACALL_API char *metacall_serialize(const char *name, void *v, size_t *size, void *allocator);

/* A NEW value (owned by the caller) read from the `size` bytes of text at `buffer` in the serial
 * `name` (NULL: the default). A trailing NUL counted in `size` is ignored. `allocator` is accepted
 * for MetaCall compatibility and not used: values always come from the library. NULL, with an error
 * naming the place where the text stops being JSON, for text that is not JSON or is nested deeper
 * than METACALL_VALUE_MAX_DEPTH. */
METACALL_API void *metacall_deserialize(const char *name, const char *buffer, size_t size, void *allocator);

/* Calls `func` with the arguments written as a JSON array in the `size` bytes at `buffer` (e.g.
 * "[3, \"abc\", {\"k\": 1.5}]"); the values read from it are the library's, destroyed after the call.
 * The result is as for metacallfv_s: a NEW value owned by the caller, or a throwable. NULL, with an
 * error, when `func` is not a function or the text is not a JSON array. `allocator` as for
 * metacall_deserialize. */
METACALL_API void *metacallfs(void *func, const char *buffer, size_t size, void *allocator);

/* As metacallfs, awaiting the result as metacallfv_await_s does: a NEW future value settled by the
 * return of `resolve` or `reject` (see metacall_await in metacall.h). */
METACALL_API void *metacallfs_await(void *func, const char *buffer, size_t size, void *allocator,
                                    void *(*resolve_callback)(void *, void *),
                                    void *(*reject_callback)(void *, void *), void *data);

#ifdef __cplusplus
}
#endif

#endif /* METACALL_SERIAL_H */
