/*
 * libmetacall: MetaCall names that belong to no other header of ours: the library's description,
 * the empty argument array, and typed C arguments for a handle's function. Included by metacall.h.
 */
#ifndef METACALL_COMPAT_H
#define METACALL_COMPAT_H

#include <metacall/metacall_def.h>
#include <metacall/metacall_value.h>

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An argument array for calls without arguments: metacallv("f", metacall_null_args). Its one
 * element is NULL. Owned by the library; do not write to it. */
METACALL_API extern void *metacall_null_args[1];

/* A static description of the library: its name, version, and what it is compatible with. Prints
 * nothing (MetaCall's tests call it for its side effect-free string). Callable at any time. */
METACALL_API const char *metacall_print_info(void);

/* As metacallt_s (metacall.h), looking `name` up in `handle` (from metacall_load_from_*) instead of
 * the global scope: `size` C arguments typed by ids[]. The result is a NEW value owned by the
 * caller, or a throwable; NULL, with an error, when the handle is not live or has no such function,
 * or an argument cannot be passed as its type. */
METACALL_API void *metacallht_s(void *handle, const char *name, const enum metacall_value_id ids[],
                                size_t size, ...);

/* ---- More call forms ---- */

/* MetaCall's pair of await callbacks, for metacallfv_await_struct_s. */
typedef struct metacall_await_callbacks_type {
	void *(*resolve)(void *, void *);
	void *(*reject)(void *, void *);
} metacall_await_callbacks;

/* As metacall_await (metacall.h) with `size` arguments. */
METACALL_API void *metacall_await_s(const char *name, void *args[], size_t size,
                                    void *(*resolve_callback)(void *, void *),
                                    void *(*reject_callback)(void *, void *), void *data);

/* As metacallfv_await_s with as many arguments as `func` declares (metacall_function_size). */
METACALL_API void *metacallfv_await(void *func, void *args[], void *(*resolve_callback)(void *, void *),
                                    void *(*reject_callback)(void *, void *), void *data);

/* As metacallfv_await_s with the callbacks in a struct (copied). */
METACALL_API void *metacallfv_await_struct_s(void *func, void *args[], size_t size,
                                             metacall_await_callbacks cb, void *data);

/* ---- Loading with options, paths with lengths ---- */

/* As metacall_load_from_file, metacall_load_from_memory and metacall_load_from_package, with loader
 * options `data` (a Map value, borrowed for the call; MetaCall's c loader reads include paths,
 * headers and libraries there). Of our loaders, wasm takes options (its grant: see
 * source/loaders/wasm_loader/README.md); the others take none: for them `data` may be NULL, null or
 * an empty Map, and anything else is refused (returns 1 with an error naming the tag) rather than
 * ignored. A `data` that is not a Map is refused for every loader. 0 on success. */
METACALL_API int metacall_load_from_file_ex(const char *tag, const char *paths[], size_t size, void **handle,
                                            void *data);
METACALL_API int metacall_load_from_memory_ex(const char *tag, const char *buffer, size_t size, void **handle,
                                              void *data);
METACALL_API int metacall_load_from_package_ex(const char *tag, const char *path, void **handle, void *data);

/* As metacall_execution_path with the lengths of `tag` and `path` given (neither needs a NUL within
 * its length; both are copied). */
METACALL_API int metacall_execution_path_s(const char *tag, size_t tag_length, const char *path,
                                           size_t path_length);

/* ---- Handles and inspection ---- */

/* The name of a live handle (borrowed from it), as metacall_handle_name; NULL with an error when the
 * handle is not live. */
METACALL_API const char *metacall_handle_id(void *handle);

/* metacall_inspect as a NEW value (owned by the caller): the same document read as
 * metacall_deserialize reads JSON (objects become maps). NULL with an error on failure. */
METACALL_API void *metacall_inspect_value(void);

/* ---- Version ---- */

struct metacall_version_type {
	unsigned int major;
	unsigned int minor;
	unsigned int patch;
	const char *revision; /* "" : the build records no source revision */
	const char *str;      /* "MAJOR.MINOR.PATCH", as metacall_version_str */
	const char *name;     /* "libmetacall" */
};

/* The library's version (a static struct). */
METACALL_API const struct metacall_version_type *metacall_version(void);

/* A version as one number, major << 24 | minor << 16 | patch, to compare versions with < and >. */
METACALL_API uint32_t metacall_version_hex_make(unsigned int major, unsigned int minor, unsigned int patch);

/* The library's version as metacall_version_hex_make makes it. */
METACALL_API uint32_t metacall_version_hex(void);

/* metacall_version()->revision and ->name (static strings). */
METACALL_API const char *metacall_version_revision(void);
METACALL_API const char *metacall_version_name(void);

#ifdef __cplusplus
}
#endif

#endif /* METACALL_COMPAT_H */
