/*
 * libmetacall: the loader plug-in interface (ours).
 *
 * A loader embeds one language runtime. It is a shared library lib<tag>_loader.so exporting
 *
 *     METACALL_LOADER_EXPORT const struct metacall_loader_interface *metacall_loader_interface(void);
 *
 * which returns a table of functions (static storage) whose `abi_version` is
 * METACALL_LOADER_ABI_VERSION. The core finds the plug-in on the first use of its tag (see
 * metacall.h, "Loading"), checks the version and calls `initialize`. Plug-ins link against
 * libmetacall and use the value API to convert between their runtime's objects and values.
 *
 * Terms: `loader` is the state returned by initialize; a `module` is what one load brought in
 * (the loader's own object); a `function` is the loader's own reference to one function of a
 * module, given to the core through `discover` and handed back on every call.
 *
 * Ownership: arguments (`args`) are borrowed from the caller; every value a loader returns
 * (invoke's result, values given to metacall_future_resolve/reject) passes to the core.
 *
 * Errors: a failing entry returns NULL or non-zero after describing the failure with
 * metacall_loader_error; the core adds which API call and which tag failed. `invoke` never fails
 * that way: it returns a throwable value when the function threw.
 *
 * Threads: the core may call any entry from any thread and from several threads at once, and
 * re-entrantly (a function called through invoke may call back into the core, which may invoke
 * the same loader again). The loader serializes or hands calls over to its runtime's thread as
 * that runtime requires. The core never calls an entry after `destroy` returned.
 */
#ifndef METACALL_LOADER_H
#define METACALL_LOADER_H

#include <metacall/metacall_def.h>
#include <metacall/metacall_object.h>
#include <metacall/metacall_value.h>

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever the table below changes in an incompatible way. */
#define METACALL_LOADER_ABI_VERSION 4

#if defined(_WIN32)
#  define METACALL_LOADER_EXPORT __declspec(dllexport)
#else
#  define METACALL_LOADER_EXPORT __attribute__((visibility("default")))
#endif

/* One function found in a module, as described to the core by `discover`. The core copies the
 * strings and arrays; `data` is kept and handed back to invoke, await and function_release. */
struct metacall_loader_function {
	const char *name;                          /* UTF-8, unique within the module */
	void *data;                                /* the loader's reference to the function */
	int is_async;                              /* non-zero: called through `await`, returns a future */
	int is_variadic;                           /* non-zero: accepts param_count or more arguments */
	enum metacall_value_id return_type;        /* METACALL_INVALID when not declared */
	size_t param_count;                        /* declared parameters */
	const char *const *param_names;            /* param_count names, or NULL ("arg0", "arg1", ...) */
	const enum metacall_value_id *param_types; /* param_count ids (METACALL_INVALID: not declared), or NULL */
	size_t optional_count; /* how many of the last parameters have defaults (may be left out) */
};

/* Given to `discover`: call it once per function of the module. Returns 0 on success. */
typedef int (*metacall_loader_define)(void *scope, const struct metacall_loader_function *function);

struct metacall_loader_interface {
	/* METACALL_LOADER_ABI_VERSION of the header the plug-in was built with. */
	uint32_t abi_version;

	/* Starts the runtime. `tag` is the tag it was loaded for. Returns the loader state (any non-NULL
	 * pointer), or NULL on failure. Called again after destroy when the host initializes again. */
	void *(*initialize)(const char *tag);

	/* Adds a folder where later loads look for scripts and modules. Returns 0 on success. */
	int (*execution_path)(void *loader, const char *path);

	/* Load `size` files as one module / source code from memory (`buffer` holds `size` bytes, no
	 * trailing NUL counted; `name` is the handle's name) / a package. Return the module or NULL. */
	void *(*load_from_file)(void *loader, const char *const paths[], size_t size);
	void *(*load_from_memory)(void *loader, const char *name, const char *buffer, size_t size);
	void *(*load_from_package)(void *loader, const char *path);

	/* Describes every function of `module` by calling define(scope, &function). Returns 0 on
	 * success; when it fails (or a define call fails) the core discards the load and calls clear. */
	int (*discover)(void *loader, void *module, metacall_loader_define define, void *scope);

	/* Calls a non-async function with `size` values. The core has already checked the argument
	 * count against the declaration. Returns a new value (the result, null, or a throwable). */
	void *(*invoke)(void *loader, void *function, void *args[], size_t size);

	/* Calls an async function. `future` is a pending future value owned by the loader: settle it
	 * exactly once, now or later and from any thread, with metacall_future_resolve/reject, then
	 * destroy it. Returns 0 when the call started; non-zero (future not settled, still to be
	 * destroyed by the loader) when it could not. May be NULL for loaders without async functions. */
	int (*await)(void *loader, void *function, void *args[], size_t size, void *future);

	/* The core no longer references `function` (its last function value is gone, or its module was
	 * cleared). May be NULL. Never called after destroy: destroy releases what is left. */
	void (*function_release)(void *loader, void *function);

	/* Unloads `module`. Its functions may still be referenced; each gets function_release later. */
	int (*clear)(void *loader, void *module);

	/* Stops the runtime (or parks what cannot be restarted) and releases `loader`. */
	void (*destroy)(void *loader);

	/* metacall_pump: runs the work that is ready in the runtime's event loop on the calling thread,
	 * without waiting, and returns 0. When the runtime has not started yet, it starts on the calling
	 * thread, which becomes its owner: the loader starts no thread of its own and runs calls from
	 * other threads during later pumps. Non-zero (after metacall_loader_error) when the runtime
	 * already runs on another thread. May be NULL for loaders without an event loop. */
	int (*pump)(void *loader);

	/* metacall_interrupt and call time limits (ABI 4): asks the runtime to stop the script calls
	 * running now, without waiting for them to stop. `origin` NULL: every running call; otherwise
	 * only the calls made on behalf of `origin` (what metacall_loader_call_origin returned on the
	 * thread that made the call, read before any handoff to another thread). Called from any thread
	 * (never from a signal handler), also while a call of the loader runs on it; must not block on
	 * the runtime. Each stopped call returns a throwable labelled "InterruptedError" and the
	 * runtime stays usable. Returns how many running calls were asked to stop. May be NULL: the
	 * loader's calls cannot be stopped. */
	int (*interrupt)(void *loader, const void *origin);

	/* metacall_loader_limits (ABI 4): caps the memory of the runtime's heap at `bytes` (0: no cap).
	 * A call that goes past the cap is stopped and returns a throwable labelled "MemoryError"; the
	 * runtime stays usable. Returns 0, or non-zero after metacall_loader_error when the runtime
	 * cannot apply it (now). May be NULL: no cap is possible. */
	int (*heap_limit)(void *loader, size_t bytes);

	/* metacall_destroy's drain (ABI 4, added with issue #20): before anything is stopped, the core
	 * lets the runtimes finish the work in progress so that what settles reaches its callbacks. It
	 * calls this from the destroying thread, again and again (every few milliseconds), while calls
	 * are still accepted from any thread. `reason` NULL: returns how many pieces of work the runtime
	 * still has in progress that may yet settle a future or call out (timers, I/O, pending promises
	 * or tasks, its own waits on futures of other runtimes); 0 when it has none. When the calling
	 * thread pumps the runtime (metacall_pump), it first runs what the event loop has ready. Must not
	 * block for long. `reason` non-NULL (once, when the drain ends: nothing is in progress any more,
	 * or its bound passed): rejects every future the loader was still to settle, and fails its own
	 * waits on other futures, with a "CancelledError" saying `reason` (borrowed for the call); returns
	 * 0. May be NULL: nothing of the runtime runs on its own. */
	int (*drain)(void *loader, const char *reason);

	/* Load options (metacall_load_from_file_ex, _memory_ex, _package_ex): non-zero when the loader
	 * reads them, with metacall_loader_load_options, inside its load entries. Zero: the core
	 * refuses a load with options for this tag (an empty Map or null counts as none). */
	int takes_load_options;

	/* Non-zero: load_from_memory gets the caller's bytes exactly as given (binary code, such as a
	 * WebAssembly module). Zero: trailing NUL bytes are dropped first (callers that pass sizeof of
	 * a string literal count its terminator). */
	int binary_memory;

	/* metacall_pump_ex (issue #19): as `pump`, with METACALL_PUMP_* `options` for the pump that
	 * starts the runtime (later pumps ignore them). May be NULL: only `pump` (options 0). */
	int (*pump_ex)(void *loader, int options);

	/* metacall_pump_poll: what a host's own event loop watches on the pumping thread: `*fd`, readable
	 * when the runtime's loop has I/O or work from other threads ready, and `*timeout_ms` until its
	 * next timer (-1: none; 0: ready now). Returns 0, or non-zero after metacall_loader_error (the
	 * runtime is not pumped by the calling thread). May be NULL. */
	int (*pump_poll)(void *loader, int *fd, int *timeout_ms);
};

/* Views (issue #19). A port that can use a loader's values by reference (the py port's
 * metacall.ArrayView and ObjectView) sets the flag on its thread right before a call and clears it
 * after: the loader that runs the call takes it (reading clears it, so that calls nested inside
 * see none) and may then return an array, plain object or map result as an object value of its
 * own (class "Array", "Object"), read through metacall_object_get and friends while the port
 * uses it, instead of copying it into an array or map value. Other callers get copies as always.
 * set_views returns the previous setting; take_views returns the flag and clears it. */
METACALL_API int metacall_loader_set_views(int enable);
METACALL_API int metacall_loader_take_views(void);

/* The options (a Map value, borrowed for the duration of the load entry) given to the
 * metacall_load_from_*_ex call running on this thread, or NULL when it was given none (or the
 * loader's table says it takes none). For loaders' load entries. */
METACALL_API void *metacall_loader_load_options(void);

/* The entry point every plug-in exports. */
typedef const struct metacall_loader_interface *(*metacall_loader_entry)(void);
#define METACALL_LOADER_ENTRY_NAME "metacall_loader_interface"

/* A new function value (owned by the caller) for a callable of the runtime of the started loader
 * `tag` that belongs to no module: a Python lambda or a JS callback handed to another language.
 * `function` describes it as for discover (the name may be ""). The core hands `function->data`
 * back to invoke/await, and to function_release when the last value referring to it is gone.
 * Calls through it fail with an error once the loader is stopped. NULL (with an error) when the
 * loader `tag` is not started. */
METACALL_API void *metacall_loader_function_value(const char *tag,
                                                  const struct metacall_loader_function *function);

/* A new class value (`kind` METACALL_CLASS) or object value (METACALL_OBJECT), owned by the
 * caller, for a class or an object of the runtime of the started loader `tag`: the core calls
 * the entries of `iface` with `data` (metacall_object.h), and iface->release(data) when the last
 * value referring to it is gone, unless the loader is stopped by then. `class_name` (copied; may
 * be NULL) names it in errors and metacall_inspect. NULL (with an error, release not called) when
 * the loader `tag` is not started or an argument is bad. */
METACALL_API void *metacall_loader_object_value(const char *tag, enum metacall_value_id kind,
                                                const char *class_name,
                                                const struct metacall_object_interface *iface, void *data);

/* For `discover`: adds a class or object value `value` (TAKEN: the core owns it, also on
 * failure) to the module under `name`, as `define` does for functions (`scope` is discover's).
 * Other values are refused. Returns 0 on success; non-zero for a name the module already has or a
 * bad value, and then discover should fail. */
METACALL_API int metacall_loader_define_value(void *scope, const char *name, void *value);

/* Ours (relink): how the loader `tag` gets its language runtime `runtime` ("node" or "cpython").
 * Looks at what the process already contains and decides, in this order (README, "Processes that
 * already run V8, Node or Python"): the process runs it -> use it (a copy loaded RTLD_LOCAL is
 * promoted to the global scope); a Node beside a foreign V8 -> load `library` apart
 * (RTLD_LOCAL | RTLD_DEEPBIND; *isolated gets its handle: the loader binds its imports to it with
 * metacall_loader_bind_imports); it has none -> load `library` RTLD_NOW | RTLD_GLOBAL for the
 * loader to start; otherwise refuse. `library_variable` (may be NULL) names an environment variable
 * that overrides `library`; METACALL_RELINK_<TAG>=host|own|isolated|refuse forces a mode. Logs the
 * decision and its reason. Returns 1 (host: use the running one), 0 (own: start the loaded one),
 * 2 (isolated), or -1 after metacall_loader_error naming what was found and what is needed. The
 * first decision per tag stands for the life of the process. `isolated` may be NULL otherwise. */
METACALL_API int metacall_loader_runtime(const char *tag, const char *runtime, const char *library,
                                         const char *library_variable, void **isolated);

/* Ours (relink): what metacall_loader_runtime_v2 is asked. Every string is borrowed for the
 * call; the NULL ones are "none". */
struct metacall_loader_runtime_request {
	const char *tag;              /* the loader's tag: "node", "py" */
	const char *runtime;          /* "node" or "cpython" */
	const char *library;          /* the runtime library own and isolated modes load */
	const char *library_variable; /* an environment variable that overrides `library` */
	const char *v8less_library;   /* node: a libnode built without V8 (patches/node-gyp) */
	const char *v8less_variable;  /* an environment variable that overrides `v8less_library` */
};

/* Ours (relink): metacall_loader_runtime with one more mode, host-v8, for the node loader: the
 * process runs a V8 that its host initialised, and no Node (a game server that embeds V8). Then,
 * before the isolated mode, `v8less_library` is checked (the V8 version recorded in its ELF note
 * must be the one v8::V8::GetVersion() of the process reports) and loaded RTLD_NOW | RTLD_LOCAL,
 * its V8 imports bound to the process's V8 (promoted to the global scope if the host loaded it
 * RTLD_LOCAL); *library gets its handle. When it does not apply (no such library, another V8),
 * the decision goes on to the isolated mode and the log (level "warn") says why; with
 * METACALL_RELINK_<TAG>=host-v8 it is refused instead, the error naming both V8 versions.
 * Returns 0 (own), 1 (host), 2 (isolated), 3 (host-v8), or -1 as metacall_loader_runtime. */
METACALL_API int metacall_loader_runtime_v2(const struct metacall_loader_runtime_request *request,
                                            void **library);

/* Ours (relink): rewrites the imports of the loaded object `target` (a dlopen handle) whose names
 * match the glob `pattern` to the definitions of `provider` (a dlopen handle); imports `provider`
 * does not define are left alone. Returns how many were rewritten, or -1 after
 * metacall_loader_error (nothing rewritten). No thread may call through those imports meanwhile. */
METACALL_API int metacall_loader_bind_imports(void *target, const char *pattern, void *provider);

/* For a loader's call path: the type of `v` into *id and the address of its scalar in one call
 * (a `boolean`, `char`, `short`, `int`, `long`, `float`, `double` or `void *`, by type), borrowed
 * from `v`. NULL for the other types. `v` must be a value, as invoke's arguments are (the core
 * has checked them); anything else gives *id = METACALL_INVALID and NULL. */
METACALL_API const void *metacall_value_scalar(void *v, enum metacall_value_id *id);

/* Ours (ABI 4): who the calling thread makes calls for, as the `origin` the core gives to the
 * interrupt entry when a call of this thread runs past its time limit. A loader that hands calls
 * to another thread reads it on the calling thread first. Never NULL; valid for the thread's life. */
METACALL_API const void *metacall_loader_call_origin(void);

/* Records the reason of a failure for the thread's last error (printf-style), label
 * "LoaderError". The core prefixes it with the API call and tag. */
METACALL_API void metacall_loader_error(const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Writes a line to the library's log (stderr, when METACALL_LOG is "debug" or "info"); `level`
 * is "debug", "info", "warn" or "error". For decisions worth explaining (which runtime, why). */
METACALL_API void metacall_loader_log(const char *level, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#ifdef __cplusplus
}
#endif

#endif /* METACALL_LOADER_H */
