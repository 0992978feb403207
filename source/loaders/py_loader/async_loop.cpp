#include "async_loop.h"

#include "exceptions.h"
#include "from_python.h"
#include "gil.h"
#include "loader_state.h"

#include <metacall/metacall.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <unordered_set>
#include <utility>
#include <vector>

namespace py_loader {
namespace {

// Off the call path, so plain Python is clearer than the C API: start the loop thread, hand a
// coroutine over, and stop (cancelling what is pending, so every future settles).
constexpr const char *kHelpers = R"(
import asyncio
import threading

def start():
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="metacall-py-asyncio", daemon=True)
    thread.start()
    return loop, thread

def submit(loop, coroutine, settle):
    asyncio.run_coroutine_threadsafe(coroutine, loop).add_done_callback(settle)

def pending(loop):
    return len(asyncio.all_tasks(loop))

def stop(loop, thread):
    loop.call_soon_threadsafe(loop.stop)
    thread.join()
    pending = asyncio.all_tasks(loop)
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
)";

constexpr const char *kPendingCapsule = "metacall.pending_future";

// The future a done-callback settles. If the callback never runs (the loop was torn down
// without running it), the future is rejected when the callback object goes.
struct PendingFuture {
	void *future = nullptr;
	bool finished = false; // its future settled and the callbacks returned
};

// The PendingFutures alive (under the GIL): the drain counts those not settled, and rejects them
// when it ends.
std::unordered_set<PendingFuture *> live_futures;

void *rejection(const char *message) {
	return metacall_error_throw("RuntimeError", 0, nullptr, "py loader: %s", message);
}

void drop_pending(PyObject *capsule) {
	std::unique_ptr<PendingFuture> pending(
	    static_cast<PendingFuture *>(PyCapsule_GetPointer(capsule, kPendingCapsule)));
	live_futures.erase(pending.get());
	if (pending != nullptr && pending->future != nullptr)
		settle_future(pending->future, rejection("the event loop stopped before the coroutine finished"));
}

// The value a coroutine's exception rejects its future with. MetaCall hands a reject callback the
// exception's argument; so do we for a bare Exception with one argument (`raise Exception(15)`
// rejects with 15); any other exception rejects with a throwable of it, as every Python error of
// ours (its type is the label a host tells errors apart by).
void *rejection_of(PyObject *exception) {
	PyObject *args = Py_TYPE(exception) == reinterpret_cast<PyTypeObject *>(PyExc_Exception)
	                     ? reinterpret_cast<PyBaseExceptionObject *>(exception)->args
	                     : nullptr;
	LoaderState *state = LoaderState::current();
	if (args != nullptr && PyTuple_Check(args) && PyTuple_GET_SIZE(args) == 1 && state != nullptr) {
		if (void *value = from_python(PyTuple_GET_ITEM(args, 0), *state))
			return value;
		PyErr_Clear(); // an argument that cannot cross: the exception itself then
	}
	return throwable_from_exception(exception);
}

// The outcome of a finished concurrent.futures.Future, as a new value; `failed` when it rejects.
void *outcome_of(PyObject *done, bool &failed) {
	failed = true;
	// exception() raises CancelledError for a cancelled coroutine: that is the rejection then.
	PyRef exception = PyRef::steal(PyObject_CallMethod(done, "exception", nullptr));
	if (!exception)
		return throwable_from_error();
	if (exception.get() != Py_None)
		return rejection_of(exception.get());
	PyRef result = PyRef::steal(PyObject_CallMethod(done, "result", nullptr));
	if (!result)
		return throwable_from_error();
	LoaderState *state = LoaderState::current();
	if (state == nullptr)
		return rejection("the loader stopped before the coroutine's result could be converted");
	void *value = from_python(result.get(), *state);
	failed = value == nullptr;
	return value != nullptr ? value : throwable_from_error();
}

// The done-callback: self is the capsule of the PendingFuture, the argument the finished future.
PyObject *settle(PyObject *self, PyObject *done) {
	auto *pending = static_cast<PendingFuture *>(PyCapsule_GetPointer(self, kPendingCapsule));
	if (pending == nullptr || pending->future == nullptr)
		Py_RETURN_NONE;
	void *future = std::exchange(pending->future, nullptr);
	// The capsule outlives this call (it is self): finished once the host's callbacks returned.
	struct Finish {
		PendingFuture *pending;
		~Finish() { pending->finished = true; }
	} finish{pending};
	void *outcome = nullptr;
	bool failed = true;
	try { // CPython calls this: nothing may unwind through it, and the future must settle
		outcome = outcome_of(done, failed);
	} catch (const std::exception &error) {
		failed = true;
		outcome = metacall_error_throw("MemoryError", 0, nullptr, "settling a coroutine's future: %s",
		                               error.what());
	}
	settle_future(future, outcome, failed);
	Py_RETURN_NONE;
}

PyMethodDef settle_method = {"settle", settle, METH_O, nullptr};

} // namespace

void settle_future(void *future, void *outcome) {
	settle_future(future, outcome, outcome != nullptr && metacall_value_id(outcome) == METACALL_THROWABLE);
}

void settle_future(void *future, void *outcome, bool failed) {
	GilReleased released; // the future's callbacks are the host's: they may block or call Python
	if (failed)
		metacall_future_reject(future, outcome);
	else
		metacall_future_resolve(future, outcome);
	metacall_value_destroy(future);
}

bool AsyncLoop::ensure_started() {
	if (loop_)
		return true;
	std::unique_lock lock(start_mutex_, std::try_to_lock);
	if (!lock.owns_lock()) {
		GilReleased released; // the thread starting the loop needs the GIL to finish
		lock.lock();
	}
	return loop_ || start(); // started meanwhile by the thread waited for
}

bool AsyncLoop::start() {
	if (!helpers_) {
		PyRef code = PyRef::steal(Py_CompileString(kHelpers, "<metacall py loader: async>", Py_file_input));
		PyRef module = PyRef::steal(code ? PyImport_ExecCodeModuleEx("metacall_py_loader_async", code.get(),
		                                                             "<metacall py loader: async>")
		                                 : nullptr);
		if (!module)
			return false;
		// Kept out of sys.modules: it is the loader's, not the scripts'.
		PyObject *modules = PyImport_GetModuleDict();
		if (PyDict_DelItemString(modules, "metacall_py_loader_async") != 0)
			PyErr_Clear();
		helpers_ = std::move(module);
	}
	PyRef started = PyRef::steal(PyObject_CallMethod(helpers_.get(), "start", nullptr));
	if (!started || !PyTuple_Check(started.get()) || PyTuple_GET_SIZE(started.get()) != 2)
		return false;
	loop_ = PyRef::borrow(PyTuple_GET_ITEM(started.get(), 0));
	thread_ = PyRef::borrow(PyTuple_GET_ITEM(started.get(), 1));
	return true;
}

void AsyncLoop::submit(PyObject *coroutine, void *future) {
	if (!ensure_started()) {
		settle_future(future, throwable_from_error());
		return;
	}
	auto pending = std::make_unique<PendingFuture>();
	pending->future = future;
	PyRef capsule = PyRef::steal(PyCapsule_New(pending.get(), kPendingCapsule, drop_pending));
	if (!capsule) {
		settle_future(future, throwable_from_error());
		return;
	}
	live_futures.insert(pending.get());
	pending.release(); // the capsule owns it now, and settles the future if nothing else does
	PyRef callback = PyRef::steal(PyCFunction_New(&settle_method, capsule.get()));
	PyRef submitted = PyRef::steal(callback ? PyObject_CallMethod(helpers_.get(), "submit", "OOO",
	                                                              loop_.get(), coroutine, callback.get())
	                                        : nullptr);
	if (submitted)
		return;
	// Not submitted: reject now with the reason (the capsule then has nothing left to settle).
	void *reason = throwable_from_error();
	auto *owned = static_cast<PendingFuture *>(PyCapsule_GetPointer(capsule.get(), kPendingCapsule));
	settle_future(std::exchange(owned->future, nullptr), reason);
}

int AsyncLoop::pending() {
	int count = 0;
	for (PendingFuture *pending : live_futures)
		count += pending->finished ? 0 : 1;
	if (!loop_)
		return count;
	PyRef tasks = PyRef::steal(PyObject_CallMethod(helpers_.get(), "pending", "O", loop_.get()));
	const long running = tasks ? PyLong_AsLong(tasks.get()) : 0;
	PyErr_Clear();
	// A coroutine the host awaits is one of the tasks until it is done: counted once.
	return std::max(count, static_cast<int>(running > 0 ? running : 0));
}

void AsyncLoop::reject_pending(const char *reason) {
	std::vector<void *> futures;
	for (PendingFuture *pending : live_futures)
		if (pending->future != nullptr) {
			futures.push_back(std::exchange(pending->future, nullptr));
			pending->finished = true;
		}
	for (void *future : futures)
		settle_future(future, metacall_error_throw("CancelledError", 0, nullptr, "%s", reason));
}

void AsyncLoop::stop() {
	std::unique_lock lock(start_mutex_, std::try_to_lock);
	if (!lock.owns_lock()) {
		GilReleased released;
		lock.lock();
	}
	if (!loop_)
		return;
	PyRef stopped =
	    PyRef::steal(PyObject_CallMethod(helpers_.get(), "stop", "OO", loop_.get(), thread_.get()));
	if (!stopped)
		PyErr_Clear(); // destroy goes on regardless
	loop_.reset();
	thread_.reset();
}

} // namespace py_loader
