#include "future_object.h"

#include "exceptions.h"
#include "gil.h"
#include "loader_state.h"
#include "py_ref.h"
#include "to_python.h"

#include <metacall/metacall.h>

#include <exception>
#include <memory>

namespace py_loader {
namespace {

constexpr const char *kFutureCapsule = "metacall.future";

constexpr const char *kFutureClass = R"(
import asyncio
import threading


class Future:
    """A metacall future: await it from any asyncio event loop."""

    __slots__ = ("_future", "_lock", "_state", "_value", "_waiters", "_events", "__weakref__")
    __module__ = "metacall"

    def __init__(self, future):
        self._future = future  # a capsule that owns a copy of the future value
        self._lock = threading.Lock()
        self._state = None  # None while pending, then True (resolved) or False (rejected)
        self._value = None
        self._waiters = []
        self._events = []  # of threads blocked in result()

    def done(self):
        return self._state is not None

    def __repr__(self):
        state = {None: "pending", True: "resolved", False: "rejected"}[self._state]
        return f"<metacall.Future {state}>"

    def _settle(self, resolved, value):
        with self._lock:
            if self._state is not None:
                return
            self._state, self._value = resolved, value
            waiters, self._waiters = self._waiters, []
            events, self._events = self._events, []
        for event in events:
            event.set()
        for waiter in waiters:
            try:
                waiter.get_loop().call_soon_threadsafe(_wake, waiter, resolved, value)
            except RuntimeError:
                pass  # its loop is closed: nobody awaits there any more

    def result(self, timeout=None):
        """Blocks the calling thread until the future settles, for synchronous code: returns its
        value or raises its error. Other threads run meanwhile (the wait releases the GIL).
        TimeoutError after `timeout` seconds (None: no limit)."""
        with self._lock:
            event = None
            if self._state is None:
                event = threading.Event()
                self._events.append(event)
        if event is not None and not event.wait(timeout):
            raise TimeoutError("the metacall future did not settle in time")
        if self._state:
            return self._value
        raise self._value

    def __await__(self):
        waiter = None
        with self._lock:
            if self._state is None:
                waiter = asyncio.get_running_loop().create_future()
                self._waiters.append(waiter)
        if waiter is not None:
            return (yield from waiter)
        if self._state:
            return self._value
        raise self._value


def _wake(waiter, resolved, value):
    if waiter.done():  # cancelled meanwhile
        return
    if resolved:
        waiter.set_result(value)
    else:
        waiter.set_exception(value)
)";

// The class, made on first use for the started loader.
PyObject *future_class() {
	LoaderState *state = LoaderState::current();
	if (state == nullptr) {
		PyErr_SetString(PyExc_RuntimeError, "py loader: not started, a metacall future cannot be converted");
		return nullptr;
	}
	PyRef &cls = state->future_class();
	if (cls)
		return cls.get();
	PyRef globals = PyRef::steal(PyDict_New());
	PyRef name = PyRef::steal(PyUnicode_FromString("metacall"));
	if (!globals || !name || PyDict_SetItemString(globals.get(), "__builtins__", PyEval_GetBuiltins()) != 0 ||
	    PyDict_SetItemString(globals.get(), "__name__", name.get()) != 0)
		return nullptr;
	PyRef code = PyRef::steal(Py_CompileString(kFutureClass, "<metacall py loader: future>", Py_file_input));
	PyRef ran = PyRef::steal(code ? PyEval_EvalCode(code.get(), globals.get(), globals.get()) : nullptr);
	if (!ran)
		return nullptr;
	cls = PyRef::borrow(PyDict_GetItemString(globals.get(), "Future"));
	return cls.get();
}

void drop_future(PyObject *capsule) {
	metacall_value_destroy(PyCapsule_GetPointer(capsule, kFutureCapsule));
}

// The normalized exception being raised, taken (a new reference).
PyObject *take_error() {
	PyObject *type = nullptr, *error = nullptr, *traceback = nullptr;
	PyErr_Fetch(&type, &error, &traceback);
	PyErr_NormalizeException(&type, &error, &traceback);
	if (error != nullptr && traceback != nullptr)
		PyException_SetTraceback(error, traceback);
	Py_XDECREF(type);
	Py_XDECREF(traceback);
	return error;
}

// Runs on the thread that settles the metacall future; `data` is a weak reference to the object
// (a new reference, dropped here). `outcome` is borrowed: the conversion copies what it keeps.
void *settle_object(void *outcome, void *data, bool resolved) {
	GilScope gil;
	PyRef weak = PyRef::steal(static_cast<PyObject *>(data));
	PyRef object = PyRef::borrow(PyWeakref_GetObject(weak.get()));
	if (!object || object.get() == Py_None)
		return nullptr; // nobody holds it any more: nobody awaits it
	try {               // the core calls this: nothing may unwind through it
		PyRef value = PyRef::steal(resolved ? to_python(outcome, nullptr) : exception_object(outcome));
		if (!value) { // settle with the conversion's error instead
			resolved = false;
			value = PyRef::steal(take_error());
		}
		PyRef settled = PyRef::steal(value ? PyObject_CallMethod(object.get(), "_settle", "OO",
		                                                         resolved ? Py_True : Py_False, value.get())
		                                   : nullptr);
		if (!settled)
			PyErr_WriteUnraisable(object.get());
	} catch (const std::exception &) {
		PyErr_Clear();
	}
	return nullptr;
}

void *resolve_object(void *result, void *data) {
	return settle_object(result, data, true);
}
void *reject_object(void *error, void *data) {
	return settle_object(error, data, false);
}

} // namespace

PyObject *new_future_object(void *future) {
	PyObject *cls = future_class();
	if (cls == nullptr)
		return nullptr;
	void *copy = metacall_value_copy(future);
	if (copy == nullptr)
		return raise_last_error();
	PyRef capsule = PyRef::steal(PyCapsule_New(copy, kFutureCapsule, drop_future));
	if (!capsule) {
		metacall_value_destroy(copy);
		return nullptr;
	}
	PyRef object = PyRef::steal(PyObject_CallOneArg(cls, capsule.get()));
	PyObject *weak = object ? PyWeakref_NewRef(object.get(), nullptr) : nullptr;
	if (weak == nullptr)
		return nullptr;
	// Settled already: the callback runs now, on this thread (which holds the GIL: GilScope nests).
	void *chained = metacall_await_future(copy, resolve_object, reject_object, weak);
	if (chained == nullptr) {
		Py_DECREF(weak);
		return raise_last_error();
	}
	metacall_value_destroy(chained);
	return object.release();
}

void *future_value_of(PyObject *object) {
	LoaderState *state = LoaderState::current();
	PyObject *cls = state != nullptr ? state->future_class().get() : nullptr;
	if (cls == nullptr || Py_TYPE(object) != reinterpret_cast<PyTypeObject *>(cls))
		return nullptr;
	PyRef capsule = PyRef::steal(PyObject_GetAttrString(object, "_future"));
	void *future = capsule ? PyCapsule_GetPointer(capsule.get(), kFutureCapsule) : nullptr;
	if (future == nullptr) {
		PyErr_Clear();
		return nullptr;
	}
	return metacall_value_copy(future);
}

} // namespace py_loader
