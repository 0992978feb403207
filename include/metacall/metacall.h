/*
 * libmetacall: the C API.
 *
 * Load scripts of other languages and call their functions as if they were the host's own:
 *
 *     metacall_initialize();
 *     const char *scripts[] = { "sum.js" };
 *     metacall_load_from_file("node", scripts, 1, NULL);
 *     void *args[] = { metacall_value_create_long(3), metacall_value_create_long(4) };
 *     void *ret = metacallv_s("sum", args, 2);          // ret is ours to destroy
 *     ...
 *     metacall_destroy();
 *
 * Source-compatible with MetaCall's metacall.h for the functions below; additions of our own are
 * marked "Ours". Value types and ownership rules are in metacall_value.h, errors in
 * metacall_error.h, the plug-in interface for loaders in metacall_loader.h.
 *
 * Ownership: arguments are BORROWED (the caller keeps and destroys them); a call's result is a
 * NEW value owned by the caller. Handles and function pointers returned here are BORROWED from
 * the runtime: valid until metacall_clear of their handle or metacall_destroy.
 *
 * Errors: functions returning int give 0 on success, non-zero on failure; functions returning a
 * pointer give NULL on failure. Every failure leaves a message for metacall_error_last naming
 * the function, the name or file involved, and what was expected. A call whose target ran and
 * failed (threw, or got wrong arguments) returns a throwable value instead (metacall_error.h).
 *
 * Threads: every function here may be called from any thread, at the same time as others.
 * Loaders run each call on the thread their runtime needs (see each loader's documentation).
 * metacall_destroy must not race with calls it would have to wait for forever.
 */
#ifndef METACALL_H
#define METACALL_H

#include <metacall/metacall_allocator.h>
#include <metacall/metacall_buffer.h>
#include <metacall/metacall_compat.h>
#include <metacall/metacall_configuration.h>
#include <metacall/metacall_def.h>
#include <metacall/metacall_error.h>
#include <metacall/metacall_log.h>
#include <metacall/metacall_named_call.h>
#include <metacall/metacall_object.h>
#include <metacall/metacall_serial.h>
#include <metacall/metacall_startup.h>
#include <metacall/metacall_value.h>
#include <metacall/metacall_value_extra.h>
#include <metacall/metacall_version.h>

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ======================================================================================
 * Lifecycle
 * ====================================================================================== */

/* Starts the runtime. Loaders start lazily, on the first use of their tag. Idempotent: calling
 * it again while initialized does nothing and returns 0. Returns 0 on success. Reads MetaCall's
 * start-up configuration first (the global file CONFIGURATION_PATH names and the loader files it
 * names: their execution paths) and LOADER_SCRIPT_PATH (docs/COMPATIBILITY.md); a malformed
 * configuration file returns non-zero, starts nothing, and the error names the file and the key. */
METACALL_API int metacall_initialize(void);

/* 0 when the loader for `tag` is started (with tag NULL: when the runtime is initialized);
 * non-zero otherwise. Starts nothing. */
METACALL_API int metacall_is_initialized(const char *tag);

/* Unloads every handle, stops every loader and forgets every registered function. Values the
 * host still holds stay valid as values; functions inside them report an error when called.
 * Waits for calls in progress on other threads. Calling it from inside a call, or when not
 * initialized, does nothing (the former leaves an error). metacall_initialize works again
 * afterwards.
 *
 * First it drains, as MetaCall does: while everything still works, the runtimes go on with the
 * work in progress (JS timers, I/O and promises, Python's asyncio tasks, async host calls), so
 * that the promises and coroutines that settle reach their metacall_await callbacks, on the
 * threads that settle them; those callbacks may call, load and await as usual. The drain ends
 * when no runtime has work in progress, or after METACALL_DESTROY_TIMEOUT seconds (an environment
 * variable, read by each destroy: a decimal number, 0 for no drain; default 10). Then what is
 * still pending is rejected with a "CancelledError" whose message says why (the bound passed, or
 * nothing left running could settle it), and the teardown goes on. A script's endless timer
 * (setInterval) makes destroy last the bound, never longer. Another metacall_destroy during the
 * drain (from a callback, or another thread) returns at once: the first one finishes the job. */
METACALL_API void metacall_destroy(void);

/* Ours: the library's version as "MAJOR.MINOR.PATCH" (static string). Compare it with
 * METACALL_VERSION from metacall_version.h to check that header and library match. */
METACALL_API const char *metacall_version_str(void);

/* ======================================================================================
 * Loading
 *
 * `tag` names a loader: "py", "node", "c", ... The plug-in lib<tag>_loader.so is searched in
 * the folders of METACALL_LOADER_PATH (':'-separated) and then in the library's plug-in folder
 * (<libdir>/metacall); the first use of a tag loads and starts it. A tag without a plug-in fails
 * with a message naming the tag and every path searched.
 *
 * `handle`: when NULL, the loaded functions go into the global scope, where names must be
 * unique: a load that would define a name already there fails as a whole (nothing is loaded)
 * and the message names both origins. When not NULL, *handle receives a handle whose functions
 * are reached only through it (metacallhv_s, metacall_handle_function), so several loads may
 * define the same names.
 * ====================================================================================== */

/* Adds `path` to the folders where loader `tag` looks for scripts and modules (starting the
 * loader if needed). Returns 0 on success. */
METACALL_API int metacall_execution_path(const char *tag, const char *path);

/* Loads `size` files as one handle. A relative path is looked for in the working directory, then in
 * the tag's execution paths in the order they were given (MetaCall's start-up configuration's,
 * LOADER_SCRIPT_PATH's, then metacall_execution_path's; docs/COMPATIBILITY.md), and the loader gets
 * the file found; a name found nowhere goes to the loader as it is (a module name, for loaders that
 * take them). The handle is named after paths[0] as given. Returns 0 on success. */
METACALL_API int metacall_load_from_file(const char *tag, const char *paths[], size_t size, void **handle);

/* Loads source code from memory. `size` counts the bytes of `buffer`; a trailing NUL included in
 * it (as sizeof on a string literal gives) is ignored. Returns 0 on success. */
METACALL_API int metacall_load_from_memory(const char *tag, const char *buffer, size_t size, void **handle);

/* Loads a package: what that means is the loader's (a folder with package.json for node, a
 * module name for py, a shared library for c). Returns 0 on success. */
METACALL_API int metacall_load_from_package(const char *tag, const char *path, void **handle);

/* Unloads what one load brought in: its functions leave the global scope (or the handle), the
 * loader drops the module, and the handle pointer becomes invalid. A handle that is not live
 * (already cleared, never returned) is reported as an error, not dereferenced. Returns 0 on
 * success. */
METACALL_API int metacall_clear(void *handle);

/* The handle loaded by `tag` under `name` (the path given to load_from_file or
 * load_from_package, or its file name without folders and extension, or the name that
 * metacall_load_from_memory gave: "memory-N"), or NULL. Borrowed. */
METACALL_API void *metacall_handle(const char *tag, const char *name);

/* A new map value (owned by the caller) of the functions of `handle`: [name, function value]
 * pairs in definition order. NULL (with an error) when the handle is not live. */
METACALL_API void *metacall_handle_export(void *handle);

/* Ours: the name of a live handle (borrowed from it), or NULL. */
METACALL_API const char *metacall_handle_name(void *handle);

/* ======================================================================================
 * Functions
 * ====================================================================================== */

/* The function `name` of the global scope, or NULL. Borrowed: valid until its handle is cleared
 * or metacall_destroy; wrap it with metacall_value_create_function to keep it longer. */
METACALL_API void *metacall_function(const char *name);

/* The function `name` of `handle`, or NULL. Borrowed, as metacall_function. */
METACALL_API void *metacall_handle_function(void *handle, const char *name);

/* Number of declared parameters of `func` (0 for NULL). */
METACALL_API size_t metacall_function_size(void *func);

/* Ours: the tag of the loader whose function `func` is ("node", "py", ...), or NULL for a host
 * function (metacall_register and its kin) and for an invalid function (with an error recorded).
 * Borrowed: valid as long as `func`. */
METACALL_API const char *metacall_function_loader_tag(void *func);

/* 1 when `func` is async (its calls return a future), 0 when not, -1 for an invalid function. */
METACALL_API int metacall_function_async(void *func);

/* Ours: the declared type of parameter `parameter` of `func` into *id (METACALL_INVALID when not
 * declared). Returns 0 on success, non-zero for a bad function or index. */
METACALL_API int metacall_function_parameter_type(void *func, size_t parameter, enum metacall_value_id *id);

/* Ours: the declared return type of `func` into *id (METACALL_INVALID when not declared). */
METACALL_API int metacall_function_return_type(void *func, enum metacall_value_id *id);

/* ======================================================================================
 * Calling
 *
 * Every family returns a NEW value owned by the caller: the function's result (null for
 * functions that return nothing), a future for async functions, or a throwable when the
 * function threw or the arguments did not fit (wrong count: label "TypeError"). NULL only when
 * the function cannot be found or called at all (unknown name, invalid pointer, not
 * initialized, after metacall_destroy); then metacall_error_last says why.
 * ====================================================================================== */

/* Calls `name` with C arguments converted by the function's declared parameter types (int for
 * INT, long for LONG, double for DOUBLE, const char * for STRING, void * values for
 * ARRAY/MAP/FUNCTION/..., ...). Fails with an error when a parameter's type is not declared:
 * use metacallt or metacallv for such functions.
 * C++ code that includes <metacall/metacall.hpp> does not see this function: its name is the
 * C++ namespace there (use metacall::call, or metacallv_s). */
#if !defined(METACALL_HIDE_VARIADIC_CALL)
METACALL_API void *metacall(const char *name, ...);
#endif

/* Calls `name` with C arguments whose types are given by ids[] (one per declared parameter). */
METACALL_API void *metacallt(const char *name, const enum metacall_value_id ids[], ...);

/* As metacallt with an explicit argument count `size`. */
METACALL_API void *metacallt_s(const char *name, const enum metacall_value_id ids[], size_t size, ...);

/* Calls `name` with values; args holds as many values as the function declares parameters. */
METACALL_API void *metacallv(const char *name, void *args[]);

/* Calls `name` with `size` values (args may be NULL when size is 0). */
METACALL_API void *metacallv_s(const char *name, void *args[], size_t size);

/* As metacallv, looking `name` up in `handle` instead of the global scope. */
METACALL_API void *metacallhv(void *handle, const char *name, void *args[]);

/* As metacallv_s, looking `name` up in `handle`. */
METACALL_API void *metacallhv_s(void *handle, const char *name, void *args[], size_t size);

/* Calls the function `func` (no name lookup: the fastest path). */
METACALL_API void *metacallfv(void *func, void *args[]);
METACALL_API void *metacallfv_s(void *func, void *args[], size_t size);

/* Calls `func` with C arguments converted by its declared parameter types, as metacall. */
METACALL_API void *metacallf(void *func, ...);

/* ======================================================================================
 * Classes and objects
 *
 * A script's classes and module-level instances are found by name like its functions
 * (metacall_class; metacall_inspect lists them); others arrive as values (METACALL_CLASS,
 * METACALL_OBJECT) returned by calls. `cls` and `obj` below are what metacall_class,
 * metacall_value_to_class and metacall_value_to_object return: borrowed, valid while the value
 * (or the handle, for metacall_class) lives. Host objects are made with
 * metacall_value_create_host_object (metacall_object.h).
 *
 * Results are as for calls: a NEW value owned by the caller, or a throwable when the class or
 * object refused (a missing attribute or method: "AttributeError"; a method that threw: the
 * language's label and stack; an attribute that is not callable: "TypeError"). NULL only when
 * `cls` or `obj` is not a class or object, a name is NULL, or the object cannot be used at all
 * (its handle was cleared, its loader stopped): then metacall_error_last says why. The int
 * functions return 0 on success, non-zero with the reason in metacall_error_last.
 * ====================================================================================== */

/* The class `name` of the global scope, or NULL. Borrowed, as metacall_function. */
METACALL_API void *metacall_class(const char *name);

/* Ours: the class `name` of `handle`, or NULL. Borrowed. */
METACALL_API void *metacall_handle_class(void *handle, const char *name);

/* Ours: the object `name` of the global scope (a module-level instance), or NULL. Borrowed. */
METACALL_API void *metacall_object(const char *name);

/* Calls the static method (class method) `name` of `cls` with `size` arguments (borrowed). */
METACALL_API void *metacallv_class(void *cls, const char *name, void *args[], size_t size);

/* As metacallv_class; the result is converted to `ret` (a number of another width, checked),
 * or is a "TypeError" throwable when it is of another type. METACALL_INVALID: any type. */
METACALL_API void *metacallt_class(void *cls, const char *name, const enum metacall_value_id ret,
                                   void *args[], size_t size);

/* A new instance of `cls` (as `new` in JS, a call of the class in Python) with `size` constructor
 * arguments (borrowed): an object value, or a throwable. `name` (may be NULL) is kept for
 * MetaCall compatibility and names nothing. */
METACALL_API void *metacall_class_new(void *cls, const char *name, void *args[], size_t size);

/* The static attribute `key` of `cls`: a new value, or a throwable. */
METACALL_API void *metacall_class_static_get(void *cls, const char *key);

/* Sets the static attribute `key` of `cls` to `v` (borrowed: copied into the language). */
METACALL_API int metacall_class_static_set(void *cls, const char *key, void *v);

/* Calls the method `name` of `obj` with `size` arguments (borrowed). */
METACALL_API void *metacallv_object(void *obj, const char *name, void *args[], size_t size);

/* As metacallv_object, the result converted to `ret` as metacallt_class does. */
METACALL_API void *metacallt_object(void *obj, const char *name, const enum metacall_value_id ret,
                                    void *args[], size_t size);

/* The attribute `key` of `obj`: a new value (a method comes as a function bound to `obj`), or a
 * throwable. */
METACALL_API void *metacall_object_get(void *obj, const char *key);

/* Sets the attribute `key` of `obj` to `v` (borrowed: copied into the language). */
METACALL_API int metacall_object_set(void *obj, const char *key, void *v);

/* Ours: the names of the attributes and methods of `obj` or `cls` (either may be passed), as a
 * new array value of strings, in the order scripts enumerate them. NULL on failure. */
METACALL_API void *metacall_object_keys(void *obj);

/* Ours: the class name of `obj` or `cls` (borrowed from it; "" when its owner gave none). */
METACALL_API const char *metacall_object_class_name(void *obj);

/* Ours: the tag of the loader whose class or object `obj` is ("node", "py", ...), or NULL for a
 * host's (metacall_value_create_host_object) and for an invalid one (with an error recorded).
 * Borrowed: valid as long as `obj`. */
METACALL_API const char *metacall_object_loader_tag(void *obj);

/* ======================================================================================
 * Event loops driven by the host (ours)
 *
 * A runtime with an event loop (node) runs it on a thread of its own by default, and calls from
 * other threads are handed over to it. A host with a main loop of its own (a game server) can
 * drive it instead: call metacall_pump(tag) each tick from the host's thread, starting before the
 * first load of that tag. That thread then owns the runtime: its calls run directly (no handoff),
 * timers, promises and I/O progress during pumps, and calls from other threads wait for the next
 * pump.
 * ====================================================================================== */

/* Runs what is ready in the event loop of loader `tag` (starting the loader, owned by the calling
 * thread, on the first call) and returns without waiting. Returns 0 on success; non-zero, with
 * the last error set, when `tag` cannot be started, its runtime has no event loop, or the runtime
 * already runs on another thread (it was loaded into before the first pump, or is pumped from
 * two threads). */
METACALL_API int metacall_pump(const char *tag);

/* Ours: options of the first pump (the one that starts the runtime on the calling thread).
 * METACALL_PUMP_SHARED: calls from other threads do not wait for the next pump: each runs on its
 *   own thread while it holds the runtime (V8's lock for node), one thread at a time, the pumping
 *   thread's calls included. No thread then waits for another to come back to its event loop, and
 *   any thread may call metacall_pump (the loop turns under the same lock).
 * METACALL_PUMP_ON_CALLS: the pumping thread's calls also run what the event loop has due (expired
 *   timers, settled I/O, work posted from other threads) when they end, at most once a
 *   millisecond: the loop progresses while the host calls, without pumps. Promise jobs
 *   (microtasks) run at the end of every call in any case. */
#define METACALL_PUMP_SHARED 1
#define METACALL_PUMP_ON_CALLS 2

/* Ours: metacall_pump with `options` (METACALL_PUMP_* bits) for the pump that starts the runtime;
 * later pumps ignore them. Fails as metacall_pump does, and when `tag`'s loader takes no options. */
METACALL_API int metacall_pump_ex(const char *tag, int options);

/* Ours: for a host's own event loop (an asyncio loop, an epoll set) driving loader `tag` from the
 * pumping thread: `*fd` becomes readable when the runtime's loop has I/O or work from other
 * threads ready, and `*timeout_ms` is the time until its next timer (-1: none; 0: work is ready
 * now). Watch `fd`, call metacall_pump when it is readable or the timeout passed, then ask again.
 * Once a thread asked, a call (from any thread) that starts a timer due before the time given
 * makes `fd` readable, so that the host asks again. `fd` stays the runtime's: watch it, never read
 * or close it; it is valid until metacall_destroy. Returns 0, or non-zero with the last error set
 * (`tag` is not pumped by the calling thread, or has no event loop). */
METACALL_API int metacall_pump_poll(const char *tag, int *fd, int *timeout_ms);

/* ======================================================================================
 * Interrupts and limits (ours)
 *
 * A script that runs forever or allocates without end must not take its host down. The node and
 * py loaders can stop a call that is running: node through V8's TerminateExecution (the whole JS
 * stack of the call unwinds; `finally` blocks do not run), py through an asynchronous exception
 * raised in the thread running the call (a BaseException that `except Exception` does not catch;
 * it is noticed between two bytecodes, so a call blocked inside C code, e.g. time.sleep, stops only
 * when that returns). Calls of the c loader and of host functions run to their end. A stopped call
 * returns a throwable; the runtime keeps working for the next call.
 * ====================================================================================== */

/* Asks the loaders to stop the script calls running now, on any thread (node: V8
 * TerminateExecution; py: an asynchronous exception in the thread running Python). Callable from
 * any thread, NOT from a signal handler. Each stopped call returns a throwable labelled
 * "InterruptedError"; the runtimes keep working for the next call. Returns the number of running
 * calls asked to stop (0 when none was running), or -1 when the library is not initialized.
 * Does not wait for the calls to stop. */
METACALL_API int metacall_interrupt(void);

/* Ours: limits of the calls of one handle's functions (metacall_handle_limits). */
struct metacall_limits {
	unsigned long timeout_ms; /* each call: stopped once it has run this long (0: no limit) */
};

/* Ours: sets the limits of the calls of the functions of `handle` (made after it returns; `limits`
 * is borrowed and copied). A call that runs past limits->timeout_ms is stopped as
 * metacall_interrupt stops calls and returns a throwable labelled "TimeoutError" that names the
 * function and the limit; the runtime keeps working for the next call. A call nested in a timed
 * call ends at the earlier of the two deadlines. For an async function the limit covers the call
 * that starts it (up to its first await), not the settling of its future. Precision: a few
 * milliseconds. The limit costs a call about a clock read (docs/BENCHMARKS.md). Returns 0;
 * non-zero with the last error set when `handle` is not live or `limits` is NULL. */
METACALL_API int metacall_handle_limits(void *handle, const struct metacall_limits *limits);

/* Ours: caps the heap of the runtime of loader `tag` at `bytes` (0: removes the cap), starting
 * the loader if needed. A call that goes past the cap is stopped and returns a throwable labelled
 * "MemoryError"; the runtime keeps working. node: the JS heap of its environment (V8's
 * near-heap-limit callback; set it before the first load of "node": V8 sizes a heap when it makes
 * it, so a cap set later takes effect for the next environment, after metacall_destroy). py: the
 * bytes Python allocates from the time the cap is set (the object and raw allocators, counted by a
 * hook around CPython's own; Python raises MemoryError in the allocating thread, which a script
 * can catch; memory that C extensions take from malloc directly is not counted). Returns 0;
 * non-zero with the last error set when the loader cannot start or cannot cap its heap. */
METACALL_API int metacall_loader_heap_limit(const char *tag, size_t bytes);

/* ======================================================================================
 * Async
 *
 * A future settles once, resolved with a value or rejected with one (usually a throwable).
 * Callbacks run on the thread that settles it, or at once on the calling thread when it is
 * already settled. A callback receives the settled value BORROWED (copy what you keep) and
 * returns a NEW value (or NULL for null) that settles the future returned by the await call:
 * resolved, unless the callback returned a throwable.
 * ====================================================================================== */

typedef void *(*metacall_await_callback)(void *result, void *data);

/* Calls `name`; when the result is a future, arranges for `resolve` or `reject` to run with
 * its outcome; when the function is not async, runs the matching callback at once with its
 * result. Either callback may be NULL (the outcome then passes through unchanged).
 * Returns a NEW future value that settles with the callback's return; NULL when the call could
 * not be made. */
METACALL_API void *metacall_await(const char *name, void *args[], metacall_await_callback resolve,
                                  metacall_await_callback reject, void *data);

/* As metacall_await for the function `func` with `size` arguments. */
METACALL_API void *metacallfv_await_s(void *func, void *args[], size_t size, metacall_await_callback resolve,
                                      metacall_await_callback reject, void *data);

/* As metacall_await for a future the caller already has: `future` is either what
 * metacall_value_to_future returned (MetaCall's usage) or the future value itself (ours); borrowed. */
METACALL_API void *metacall_await_future(void *future, metacall_await_callback resolve,
                                         metacall_await_callback reject, void *data);

/* Ours: a new pending future value (owned by the caller). Copies of it (metacall_value_copy)
 * share the same future: keep one to settle it while the other is handed out. */
METACALL_API void *metacall_future_create(void);

/* Ours: settles the pending `future` (a future value, borrowed) with `result`, whose ownership
 * passes to the future (NULL means null). Returns 0 on success; non-zero (and `result` is
 * destroyed) when the future was already settled or `future` is not a future value. */
METACALL_API int metacall_future_resolve(void *future, void *result);
METACALL_API int metacall_future_reject(void *future, void *error);

/* ======================================================================================
 * Host functions: C functions of the host, callable by name from every loader and every call
 * family. `invoke` receives the arguments BORROWED and returns a NEW value (NULL means null;
 * return a throwable, e.g. from metacall_error_throw, to raise an error). `data` is the closure
 * bound with metacall_registerv_closure or metacall_value_create_function_closure, else NULL.
 * Arguments are checked against the declared count and types before invoke runs: a number of
 * another numeric type is converted when its value fits (a long 5 for an int parameter); any
 * other mismatch (a string for an int, 2^40 for an int) returns a "TypeError" throwable without
 * calling invoke.
 * ====================================================================================== */

typedef void *(*metacall_invoke_callback)(size_t argc, void *argv[], void *data);

/* Registers `invoke` as `name` in the global scope with `size` parameters whose types follow as
 * variadic `enum metacall_value_id` arguments. With `name` NULL the function is anonymous (not
 * in any scope; pass it around as a function value). *func, when `func` is not NULL, receives
 * the function (borrowed; valid until metacall_destroy). Returns 0 on success; a name already
 * in the global scope is an error. */
METACALL_API int metacall_register(const char *name, void *(*invoke)(size_t, void *[], void *), void **func,
                                   enum metacall_value_id return_type, size_t size, ...);

/* As metacall_register, with the parameter types in types[] (NULL: none declared). */
METACALL_API int metacall_registerv(const char *name, void *(*invoke)(size_t, void *[], void *), void **func,
                                    enum metacall_value_id return_type, size_t size,
                                    enum metacall_value_id types[]);

/* Ours: as metacall_registerv, with `data` given to every call of `invoke` (borrowed: keep it
 * alive until metacall_destroy, or until the function is no longer called). A value made by
 * metacall_value_create_function_closure on this function passes its own closure instead. */
METACALL_API int metacall_registerv_closure(const char *name, metacall_invoke_callback invoke, void *data,
                                            void **func, enum metacall_value_id return_type, size_t size,
                                            enum metacall_value_id types[]);

/* ======================================================================================
 * Async host functions (ours): host work that runs off the caller's thread. A call returns at once
 * with a future; in JS it is a Promise, in Python an awaitable (metacall.Future; synchronous Python
 * waits with its result() method, which blocks only that thread and releases the GIL), in C a
 * future value for metacall_await_future. metacall_function_async and metacall_inspect ("async": true)
 * mark them async. Each call gets COPIES of its arguments (converted as for metacall_register's
 * functions; a mismatch returns a "TypeError" throwable and starts nothing), which the core owns
 * and destroys once the callback returns: the callback borrows them and copies what it keeps.
 *
 * Cancellation: metacall_future_cancel(future) on a future a call returned rejects it at once with
 * a "CancelledError" throwable; the work is told through a flag it may read
 * (metacall_future_cancelled / metacall_pool_cancelled) and its result, when it comes, is dropped.
 * metacall_destroy first lets the calls in flight settle during its drain (see metacall_destroy),
 * then cancels every call still in flight, waits for the pool's running callbacks to return and
 * drops the queued ones (they never run); their argument copies are freed.
 * ====================================================================================== */

/* Ours: the callback of an async host function registered with metacall_registerv_async. `argv`
 * holds `argc` values BORROWED for the callback's duration. `future` is a pending future value
 * OWNED by the callback: settle it exactly once, now or later and from any thread, with
 * metacall_future_resolve/reject, then metacall_value_destroy it. `data` as for
 * metacall_registerv_closure. */
typedef void (*metacall_async_invoke_callback)(size_t argc, void *argv[], void *future, void *data);

/* Ours: registers an async host function `name` (as metacall_registerv_closure registers a plain
 * one; NULL name: anonymous) whose `invoke` starts the work and returns without waiting: the
 * caller gets the future that `invoke` settles. Returns 0 on success. */
METACALL_API int metacall_registerv_async(const char *name, metacall_async_invoke_callback invoke, void *data,
                                          void **func, enum metacall_value_id return_type, size_t size,
                                          enum metacall_value_id types[]);

/* Ours: registers an async host function `name` whose `invoke`, a plain blocking host callback
 * (metacall_invoke_callback: arguments borrowed, returns a NEW value, NULL or a throwable), runs on
 * the library's worker pool; its return settles the caller's future: rejected when it is a
 * throwable, resolved otherwise. Jobs start in the order of the calls. Returns 0 on success. */
METACALL_API int metacall_registerv_pool(const char *name, metacall_invoke_callback invoke, void *data,
                                         void **func, enum metacall_value_id return_type, size_t size,
                                         enum metacall_value_id types[]);

/* Ours: the number of threads of the worker pool (0: the number of cores, the default). The pool
 * starts on the first pooled call; a new size applies at once (running callbacks finish first,
 * queued ones wait). Returns 0. */
METACALL_API int metacall_pool_size(size_t threads);

/* Ours: inside a callback run by the worker pool: 1 when its call was cancelled (return early; the
 * result is dropped), else 0 (also on any other thread). */
METACALL_API int metacall_pool_cancelled(void);

/* Ours: cancels the pending `future` (a future value, borrowed): rejects it with a "CancelledError"
 * throwable and raises its cancellation flag. Returns 0; non-zero when it was already settled or
 * is not a future. A later metacall_future_resolve/reject of it is refused and destroys its value. */
METACALL_API int metacall_future_cancel(void *future);

/* Ours: 1 when `future` (a future value, borrowed) was cancelled, 0 when not, -1 when it is not a
 * future. What an async host function's work reads to stop early. */
METACALL_API int metacall_future_cancelled(void *future);

/* ======================================================================================
 * Inspect
 * ====================================================================================== */

/* A JSON document describing everything loaded: an object keyed by loader tag, each an array of
 * handles {"name", "scope": {"name", "funcs": [...], "classes": [...], "objects": [...]}}, each
 * function {"name", "signature": {"ret": {"type": {"name", "id"}}, "args": [{"name", "type":
 * {"name", "id"}}]}, "async"}; each class, as MetaCall describes classes, {"name", "constructors":
 * [{"visibility", "args": [...]}], "methods": [<function>...], "static_methods": [...], "attributes":
 * [{"name", "type", "visibility"}...], "static_attributes": [...]} (what its loader can tell; Python and JS
 * declare no types); each object {"name", "class"}. Host functions are listed under "__metacall_host__".
 * Ours: one key is not a tag: "__relink__" holds the object metacall_relink_report describes.
 * Consumers that iterate the keys as tags (as MetaCall's do) should skip it.
 * The string is NUL-terminated; *size (when `size` is not NULL) receives its length + 1.
 * Memory comes from `allocator` (release with metacall_allocator_free) or, with allocator
 * NULL, from malloc (release with free). NULL on failure. */
METACALL_API char *metacall_inspect(size_t *size, void *allocator);

/* Ours: a JSON document describing the language runtimes this process already contains, found
 * by searching every loaded object's own dynamic symbol table (a runtime a host loaded
 * RTLD_LOCAL is found too): {"process": "<executable path>", "runtimes": [{"runtime": "node" |
 * "v8" | "cpython", "object": "<path of the object defining it>", "main_program": <is that the
 * executable>, "global": <dlsym(RTLD_DEFAULT) finds that definition>, "version": "20.20.2",
 * "version_source": "call" | "soname" | "none", ...}]}. Node adds "module_version" (from a
 * libnode soname) and "platform_initialized"; v8 "thread_has_isolate" (for the calling thread);
 * cpython "initialized" and "version_text" (all of Py_GetVersion()). Keys whose value is not known
 * are left out; a Node version from the soname is the major version only ("18").
 * Loads and starts nothing; may be called from any thread, also before metacall_initialize and
 * after metacall_destroy. Memory and *size as for metacall_inspect. NULL on failure. */
METACALL_API char *metacall_relink_report(size_t *size, void *allocator);

#ifdef __cplusplus
}
#endif

#endif /* METACALL_H */
