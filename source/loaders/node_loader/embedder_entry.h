// The private handshake between the node loader's implementation and libnode_loader_embedder.so,
// the one unit that uses Node's C++ embedding API (decision 5). The implementation opens it only
// when the loader starts its own Node; inside a process that already runs Node it stays unopened,
// so no C++ symbol of a particular Node version is ever needed there.
#ifndef NODE_LOADER_EMBEDDER_ENTRY_H
#define NODE_LOADER_EMBEDDER_ENTRY_H

#include <stddef.h>
#include <stdint.h>

// How Node is started. Host V8 (the relink module's host-v8 mode): the libnode is one built without
// V8 (patches/node-gyp), bound to a V8 that the process's host has initialised with its own
// platform; Node then initialises neither V8 nor V8's platform, and runs on a Node platform of its
// own for its own tasks, while the tasks V8 posts for Node's isolate go to the host's platform.
struct node_loader_embedder_options {
	int host_v8;
	const char *v8_abi; // host_v8: what the V8-less libnode was built for (its note, v8less.h)
	// The cap of the environment's JS heap in bytes (0: V8's default). Near it V8 calls
	// `on_heap_limit(heap_context)` on the owner thread, which should stop the running calls (the
	// heap is given room for them to unwind; its first size comes back once they freed it).
	size_t heap_limit;
	void (*on_heap_limit)(void *heap_context);
	void *heap_context;
};

struct node_loader_embedder {
	// Starts a Node environment on the calling thread, which becomes its owner: every other entry
	// is called on that thread. Runs `main_script` (CommonJS source; `process` and a `require` of
	// Node's built-in modules are in scope) to its end. A script's process.exit() calls
	// `on_exit(context, code)` and then stops the environment (never the process). Returns the
	// session, or NULL with a reason in `error` (`error_size` bytes, NUL-terminated). The first
	// start's `options` decide for the process (V8 is initialised once).
	void *(*start)(const char *main_script, const struct node_loader_embedder_options *options,
	               void (*on_exit)(void *context, int code), void *context, char *error, size_t error_size);

	// Runs the event loop: until node_loader_embedder.stop (or until nothing is left to do) when
	// `nowait` is 0; only what is ready now when `nowait` is non-zero. On a host's V8, also runs
	// the tasks V8 posted to the host's platform for Node's isolate.
	void (*run)(void *session, int nowait);

	// Makes a running `run` return soon (from the owner thread, inside the loop): stops the
	// environment's JavaScript and its event loop.
	void (*interrupt)(void *session);

	// Stops the environment (its timers, handles and any running script) and frees it. The
	// process-wide part of Node (V8's platform) stays for the next start: V8 cannot start twice.
	void (*stop)(void *session);

	// Stops the JavaScript running in the environment (V8's TerminateExecution): from any thread,
	// while the session lives. The stack of JS frames unwinds; nothing runs JS until `resume`.
	void (*terminate)(void *session);
	// Owner, once the terminated JS frames have unwound: JavaScript may run again.
	void (*resume)(void *session);

	// Sharing the environment between threads (metacall_pump_ex, METACALL_PUMP_SHARED). After
	// `share`, called on the owner thread (its home), no thread holds the isolate between two uses:
	// each use, on any thread, the home one too, runs between `enter` and `leave` (V8's Locker), one
	// thread at a time (the caller serializes them). `unshare` (home thread, no use running) takes
	// the isolate back for good, before `stop`.
	void (*share)(void *session);
	void (*unshare)(void *session);
	// `slot`: NODE_LOADER_ENTRY_SLOT bytes of the caller's, 16-aligned, kept until `leave`. A use
	// runs inside a handle scope of its own, which `leave` closes.
	void (*enter)(void *session, void *slot);
	void (*leave)(void *session, void *slot);

	// For a host's own event loop (between enter and leave, or on the owner): `fd`, the descriptor
	// that becomes readable when the loop has I/O or work posted from other threads ready, and
	// `timeout_ms`, the time until its next timer (-1: none; 0: work is ready now).
	void (*poll)(void *session, int *fd, int *timeout_ms);
	// When the loop's next timer is due, in the loop's clock as of its last turn or poll (ms; -1:
	// no timer). Cheap: no clock is read.
	long long (*next_due)(void *session);

	// The bytes of `bytes` (a napi_value: an ArrayBuffer, or a view of one: a typed array, a Buffer,
	// a DataView), held for as long as the returned hold lives, even when JS detaches or drops the
	// buffer (V8's BackingStore is shared): *data and *size. NULL when `bytes` is none of those.
	// In a use (or on the owner), with a handle scope open.
	void *(*hold_bytes)(void *bytes, void **data, size_t *size);
	// Lets go of a hold: on any thread, without the isolate (a metacall_buffer_release, `data` unused).
	void (*release_bytes)(void *data, void *hold);

	// Ends a call made into JS from outside it (in a use, or on the owner) as Node ends each of its
	// own callbacks: the promise jobs the call queued run, then its process.nextTick callbacks and
	// the reports of unhandled rejections (process._tickCallback), and the WeakRef targets kept for
	// the call are let go; what throws there is an uncaught exception, as in Node. `tick_info`:
	// Node's two flags [tick scheduled, rejection to warn] (bootstrap.js nodeTickInfo), so that
	// JavaScript runs only when they say something waits; NULL: always. Much cheaper than a
	// Node-API callback scope around the call, which does the same. Returns 0, having done nothing,
	// when this Node has no process._tickCallback: end calls with a callback scope then.
	int (*end_call)(void *session, const unsigned char *tick_info);

	// What `object` (a napi_value) is by its prototype, in one V8 call where Node-API takes four:
	// 1 a plain object (prototype Object.prototype; no promise, error or Proxy), 2 a plain array (an
	// Array of prototype Array.prototype), 3 a plain Map (likewise), 4 bytes (an ArrayBuffer or a
	// view of one: Buffer, typed array, DataView), 0 anything else.
	// In a use (or on the owner), with a handle scope open.
	int (*plain_kind)(void *session, void *object);

	// Calls `function` (a napi_value) with this = undefined and `argc` arguments (napi_values), as
	// napi_call_function does without its checks (a Node-API try-catch, the environment's state):
	// 1 with *result; 0 when it threw, with *exception the value thrown (for a termination, V8's
	// marker of one, as Node-API records it). In a use (or on the owner), with a handle scope open,
	// on an environment that can still run JS.
	int (*call)(void *session, void *function, size_t argc, void *const *argv, void **result,
	            void **exception);
};

#define NODE_LOADER_ENTRY_SLOT 64

#define NODE_LOADER_EMBEDDER_ENTRY_NAME "node_loader_embedder"
typedef const struct node_loader_embedder *(*node_loader_embedder_entry)(void);

#define NODE_LOADER_EMBEDDER_FILE "libnode_loader_embedder.so"

#endif
