// The loader's asyncio event loop: one loop, running in a Python thread ("metacall-py-asyncio")
// that the loader starts on the first async call. Coroutines are handed to it with
// asyncio.run_coroutine_threadsafe; when one finishes, its metacall future is resolved with the
// result or rejected with the exception (as a throwable), from the loop's thread, with the GIL
// released while the future's callbacks run. Used under the GIL.
#ifndef PY_LOADER_ASYNC_LOOP_H
#define PY_LOADER_ASYNC_LOOP_H

#include "py_ref.h"

#include <mutex>

namespace py_loader {

class AsyncLoop {
public:
	// Runs `coroutine` (borrowed) on the loop and settles `future`, a pending future value that this
	// call takes. Never fails: what goes wrong (the loop cannot start, `coroutine` is not one)
	// rejects the future instead.
	void submit(PyObject *coroutine, void *future);

	// metacall_destroy's drain: how many coroutines and tasks are still in progress (the ones
	// submitted here whose future has not settled yet, and the loop's tasks not done).
	int pending();
	// When the drain ends: rejects the futures of the coroutines submitted here that are still
	// pending with a "CancelledError" saying `reason`; the coroutines are cancelled by stop().
	void reject_pending(const char *reason);

	// Stops the loop and joins its thread. Coroutines still pending are cancelled first: their
	// futures reject with CancelledError. Nothing happens when the loop never started.
	void stop();

private:
	// Starts the loop unless it runs. Starting releases the GIL (the new thread needs it), so two
	// first calls could both start one: start_mutex_ makes the second wait for the first.
	bool ensure_started();
	bool start();

	std::mutex start_mutex_; // waited for without the GIL, taken before it
	PyRef helpers_;          // the module of the Python helpers (async_loop.cpp)
	PyRef loop_;
	PyRef thread_;
};

// Settles `future` (a future value, taken): rejected when `outcome` is a throwable, else resolved.
// Releases the GIL while the future's callbacks run.
void settle_future(void *future, void *outcome);
// As settle_future, rejected when `failed` (a coroutine's `raise Exception(15)` rejects with 15).
void settle_future(void *future, void *outcome, bool failed);

} // namespace py_loader

#endif
