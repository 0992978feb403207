// The private handshake between the node loader's implementation and libnode_loader_embedder.so,
// the one unit that uses Node's C++ embedding API (decision 5). The implementation opens it only
// when the loader starts its own Node; inside a process that already runs Node it stays unopened,
// so no C++ symbol of a particular Node version is ever needed there.
#ifndef NODE_LOADER_EMBEDDER_ENTRY_H
#define NODE_LOADER_EMBEDDER_ENTRY_H

#include <stddef.h>

struct node_loader_embedder {
	// Starts a Node environment on the calling thread, which becomes its owner: every other entry
	// is called on that thread. Runs `main_script` (CommonJS source; `process` and a `require` of
	// Node's built-in modules are in scope) to its end. A script's process.exit() calls
	// `on_exit(context, code)` and then stops the environment (never the process). Returns the
	// session, or NULL with a reason in `error` (`error_size` bytes, NUL-terminated).
	void *(*start)(const char *main_script, void (*on_exit)(void *context, int code), void *context,
	               char *error, size_t error_size);

	// Runs the event loop: until node_loader_embedder.stop (or until nothing is left to do) when
	// `nowait` is 0; only what is ready now when `nowait` is non-zero.
	void (*run)(void *session, int nowait);

	// Makes a running `run` return soon (from the owner thread, inside the loop): stops the
	// environment's JavaScript and its event loop.
	void (*interrupt)(void *session);

	// Stops the environment (its timers, handles and any running script) and frees it. The
	// process-wide part of Node (V8's platform) stays for the next start: V8 cannot start twice.
	void (*stop)(void *session);
};

#define NODE_LOADER_EMBEDDER_ENTRY_NAME "node_loader_embedder"
typedef const struct node_loader_embedder *(*node_loader_embedder_entry)(void);

#define NODE_LOADER_EMBEDDER_FILE "libnode_loader_embedder.so"

#endif
