/*
 * libmetacall: MetaCall's names around start-up, loaders and handles that the rest of our API has no
 * place for: start-up options and arguments, flags, a loader's type names, empty handles filled by
 * the host, and the names of MetaCall's plug-in and detour systems (which we do not have: those
 * answer NULL with the reason). Included by metacall.h.
 *
 * The start-up configuration (MetaCall's global.json) is read by metacall_initialize: see
 * docs/COMPATIBILITY.md, "Start-up configuration and path search".
 */
#ifndef METACALL_STARTUP_H
#define METACALL_STARTUP_H

#include <metacall/metacall_def.h>
#include <metacall/metacall_value.h>

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Start-up ---- */

/* MetaCall's flag asking for fork safety (its fork hooks). Accepted; see metacall_flags. */
#define METACALL_FLAGS_FORK_SAFE 0x01 << 0x00

/* One loader's start-up options for metacall_initialize_ex: `options` (a map value, borrowed) is
 * what MetaCall merges into that loader's configuration. */
struct metacall_initialize_configuration_type {
	const char *tag;
	void *options;
};

/* Records `flags` (METACALL_FLAGS_*) for the next metacall_initialize. METACALL_FLAGS_FORK_SAFE is
 * accepted and changes nothing: libmetacall hooks no functions, so it has no fork hooks to install
 * (a host that forks after loading a runtime gets what that runtime gives a forked child). */
METACALL_API void metacall_flags(int flags);

/* metacall_initialize, then checks the per-loader options of `initialize_config`, an array ended by
 * an entry whose tag and options are both NULL (the array itself may be NULL: no options). No
 * loader of ours takes start-up options: an entry whose options are NULL, null or an empty map is
 * accepted; any other is refused, before the runtime starts, with an error naming the tag (rather
 * than ignored). The array and its values stay the caller's. Returns 0 on success, non-zero with
 * the reason in metacall_error_last. */
METACALL_API int metacall_initialize_ex(struct metacall_initialize_configuration_type initialize_config[]);

/* Records the host's arguments, for metacall_argc and metacall_argv. Both are BORROWED: keep
 * `argv` and its strings alive while they may be read. Loaders do not read them (MetaCall hands
 * them to runtimes run as applications; ours are always embedded). Callable at any time. */
METACALL_API void metacall_initialize_args(int argc, char *argv[]);

/* What metacall_initialize_args recorded: 0 and NULL before it is called. */
METACALL_API int metacall_argc(void);
METACALL_API char **metacall_argv(void);

/* The number of C arguments metacall() and metacallt() read for one call in MetaCall (16). Ours
 * read as many as the function declares; 16 is kept so that hosts sizing arrays by it still work. */
METACALL_API size_t metacall_args_size(void);

/* ---- Loaders and their types ---- */

/* A loader's type: its name in the language (borrowed, static) and the value type it becomes. */
struct metacall_loader_type {
	const char *name;
	enum metacall_value_id id;
};

/* The loader of `tag` (started if needed), as an opaque pointer for metacall_handle_initialize and
 * metacall_register_loaderv; "__metacall_host__" names the host functions' own loader. BORROWED:
 * valid until metacall_destroy. NULL, with an error, when the loader cannot start. */
METACALL_API void *metacall_loader(const char *tag);

/* The types of loader `tag` (started if needed) with their names in its language: "bool", "int",
 * "float", "str", ... for py; "boolean", "number", "string", ... for node; C's type names for c.
 * *out_array receives an array of *size entries allocated with malloc: the caller frees it with
 * free(); the names in it are static (never freed). Returns 0 on success; non-zero, with *out_array
 * NULL, *size 0 and the reason in metacall_error_last, when an argument is NULL, the loader cannot
 * start, or it is a loader whose type names the core does not know (the loader interface has no
 * entry for them; the table covers the loaders libmetacall ships: py, node, c). */
METACALL_API int metacall_loader_types(const char *tag, struct metacall_loader_type **out_array,
                                       size_t *size);

/* ---- Handles made by the host ---- */

/* Makes an empty handle of `loader` (from metacall_loader) named `name`, for the host to fill with
 * metacall_register_loaderv and metacall_handle_populate; *handle_ptr receives it (BORROWED, as a
 * handle from metacall_load_from_*: metacall_clear releases it, metacall_destroy does anyway). Its
 * functions are reached through it (metacallhv_s, metacall_handle_function), not from the global
 * scope. Returns 0 on success; non-zero with an error when `loader` is not a started loader, `name`
 * is NULL or empty, or `loader` already has a handle of that name. */
METACALL_API int metacall_handle_initialize(void *loader, const char *name, void **handle_ptr);

/* Adds the functions, classes and objects of the live handle `handle_src` to the live handle
 * `handle_dest` (the same ones, shared: they are unloaded when `handle_src` is cleared, and
 * report that when called). All or nothing: a name `handle_dest` already has is an error and
 * nothing is added; so is a clash in the global scope when `handle_dest` is a global handle.
 * Returns 0 on success, non-zero with the reason in metacall_error_last. */
METACALL_API int metacall_handle_populate(void *handle_dest, void *handle_src);

/* Registers the host function `invoke` as `name` into the live `handle` (when not NULL) or into the
 * global scope (as metacall_registerv_closure; MetaCall's argument order), with `data` passed to
 * each call (borrowed). `loader` must be a started loader (metacall_loader); the function is a host
 * function whichever loader is named: its calls run `invoke` directly, as metacall_register's do.
 * `types` as for metacall_registerv. Returns 0 on success, non-zero with an error (a NULL `name`, a
 * name the handle or scope already has, a handle that is not live). */
METACALL_API int metacall_register_loaderv(void *loader, void *handle, const char *name,
                                           void *(*invoke)(size_t, void *[], void *),
                                           enum metacall_value_id return_type, size_t size,
                                           enum metacall_value_id types[], void *data);

/* ---- Values ---- */

/* MetaCall moves a value's owner and finalizer from `src` to `dest`. Our values carry neither (a
 * value is freed by metacall_value_destroy alone), so there is nothing to move: both values stay as
 * they were and the caller's. When either is not a value, an error is recorded. */
METACALL_API void metacall_value_move(void *src, void *dest);

/* ---- MetaCall's detours and plug-ins: not in libmetacall by design ----
 * MetaCall hooks functions (funchook detours) for its fork safety and links, and loads core
 * plug-ins (the CLI's commands) through an extension loader. libmetacall does neither: these
 * return NULL with the reason in metacall_error_last. */
METACALL_API const char *metacall_detour(void);
METACALL_API void *metacall_plugin_extension(void);
METACALL_API void *metacall_plugin_core(void);
METACALL_API const char *metacall_plugin_path(void);

#ifdef __cplusplus
}
#endif

#endif /* METACALL_STARTUP_H */
