#include "port_module.h"

#include "dict_proxies.h"

#include "exceptions.h"
#include "from_python.h"
#include "gil.h"
#include "loader_state.h"
#include "loop_watch.h"
#include "object_views.h"
#include "py_ref.h"
#include "to_python.h"
#include "typed_buffers.h"

#include <metacall/metacall.h>
#include <metacall/metacall_buffer.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <vector>

namespace py_loader {
namespace {

constexpr const char *kModuleName = "_metacall_port";
constexpr const char *kHandleCapsule = "metacall.handle";
constexpr std::size_t kStackArguments = 8;

// The argument values of one call: on the stack for up to kStackArguments (the call path
// allocates nothing else); destroyed after the call.
class Values {
public:
	explicit Values(std::size_t size) {
		if (size > kStackArguments) {
			heap_ = std::make_unique<void *[]>(size);
			data_ = heap_.get();
		}
	}
	Values(const Values &) = delete;
	Values &operator=(const Values &) = delete;
	~Values() {
		for (std::size_t i = 0; i < count_; ++i)
			metacall_value_destroy(data_[i]);
	}

	// False with a Python error set.
	bool convert(PyObject *const *objects, std::size_t size, LoaderState &state) {
		for (; count_ < size; ++count_) {
			data_[count_] = from_python(objects[count_], state);
			if (data_[count_] == nullptr)
				return false;
		}
		return true;
	}
	void **data() { return count_ > 0 ? data_ : nullptr; }
	std::size_t size() const { return count_; }

private:
	void *stack_[kStackArguments];
	std::unique_ptr<void *[]> heap_;
	void **data_ = stack_;
	std::size_t count_ = 0;
};

LoaderState *require_state() {
	LoaderState *state = LoaderState::current();
	if (state == nullptr)
		PyErr_SetString(PyExc_RuntimeError, "metacall: the py loader is not started (metacall_destroy ran?)");
	return state;
}

const char *text_argument(PyObject *object, const char *what) {
	if (!PyUnicode_Check(object)) {
		PyErr_Format(PyExc_TypeError, "metacall: %s must be a str, not %.100s", what,
		             Py_TYPE(object)->tp_name);
		return nullptr;
	}
	return PyUnicode_AsUTF8(object);
}

bool expect_arguments(Py_ssize_t nargs, Py_ssize_t least, const char *usage) {
	if (nargs >= least)
		return true;
	PyErr_Format(PyExc_TypeError, "metacall: expected %s", usage);
	return false;
}

// The exception of a throwable or exception value, with the thrower's stack trace also as
// `.stack` (JS errors: their `stack`) besides the note exceptions.cpp attaches. New reference.
PyObject *exception_with_stack(void *value) {
	PyRef exception = PyRef::steal(exception_object(value));
	metacall_exception_type fields{};
	if (exception && metacall_error_from_value(value, &fields) == 0) {
		PyRef stack = PyRef::steal(PyUnicode_DecodeUTF8(
		    fields.stacktrace != nullptr ? fields.stacktrace : "",
		    fields.stacktrace != nullptr ? std::strlen(fields.stacktrace) : 0, "replace"));
		if (!stack || PyObject_SetAttrString(exception.get(), "stack", stack.get()) != 0)
			PyErr_Clear(); // a courtesy: the exception itself is what matters
	}
	return exception.release();
}

// ---- Buffers returned to Python: a memoryview over the result's own bytes, not copied ----

struct BufferHolder {
	PyObject_HEAD;
	void *value; // a buffer value, owned
};

PyTypeObject *buffer_holder_type = nullptr; // made once per process, never freed

int holder_getbuffer(PyObject *self, Py_buffer *view, int flags) {
	void *value = reinterpret_cast<BufferHolder *>(self)->value;
	return PyBuffer_FillInfo(view, self, metacall_value_to_buffer(value),
	                         static_cast<Py_ssize_t>(metacall_value_size(value)), 1, flags);
}

void holder_dealloc(PyObject *self) {
	PyTypeObject *type = Py_TYPE(self);
	metacall_value_destroy(reinterpret_cast<BufferHolder *>(self)->value);
	type->tp_free(self);
	Py_DECREF(type);
}

PyType_Slot holder_slots[] = {
    {Py_bf_getbuffer, reinterpret_cast<void *>(holder_getbuffer)},
    {Py_tp_dealloc, reinterpret_cast<void *>(holder_dealloc)},
    {0, nullptr},
};

PyType_Spec holder_spec = {
    "metacall.BufferValue", sizeof(BufferHolder), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    holder_slots,
};

// A read-only memoryview over the bytes of `value` (a buffer value, taken).
PyObject *lend_result(void *value) {
	auto *holder = PyObject_New(BufferHolder, buffer_holder_type);
	if (holder == nullptr) {
		metacall_value_destroy(value);
		return nullptr;
	}
	holder->value = value;
	PyRef owner = PyRef::steal(reinterpret_cast<PyObject *>(holder));
	return PyMemoryView_FromObject(owner.get()); // the view keeps the holder
}

// The Python object for a call's `result` (taken): raised when it is a throwable.
PyObject *result_object(void *result) {
	if (result == nullptr)
		return raise_last_error();
	const enum metacall_value_id id = metacall_value_id(result);
	if (id == METACALL_BUFFER) // a borrowed one (a JS view's bytes) stays writable, as in result_to_python
		return is_typed_buffer(result) || metacall_value_buffer_is_borrowed(result) == 1
		           ? owning_view(result)
		           : lend_result(result);
	PyObject *object = nullptr;
	if (id == METACALL_THROWABLE) {
		PyRef exception = PyRef::steal(exception_with_stack(result));
		if (exception)
			PyErr_SetObject(reinterpret_cast<PyObject *>(Py_TYPE(exception.get())), exception.get());
	} else {
		object = to_python(result, nullptr);
	}
	metacall_value_destroy(result);
	return object;
}

PyObject *handle_capsule(void *handle) {
	return PyCapsule_New(handle, kHandleCapsule, nullptr); // handles live until clear or destroy
}

// ---- The module's functions ----

// call(name, *args): metacallv_s.
PyObject *call(PyObject *, PyObject *const *args, Py_ssize_t nargs) {
	if (!expect_arguments(nargs, 1, "metacall(name, *args)"))
		return nullptr;
	LoaderState *state = require_state();
	const char *name = state != nullptr ? text_argument(args[0], "the function name") : nullptr;
	if (name == nullptr)
		return nullptr;
	Values values(static_cast<std::size_t>(nargs - 1));
	{
		// Whose function it is matters only for dicts and bytes (ForJs, dict_proxies.h): looked up
		// only when an argument is one, or may hold one.
		bool matters = false;
		for (Py_ssize_t i = 1; i < nargs && !matters; ++i)
			matters = PyDict_Check(args[i]) || PyList_Check(args[i]) || PyTuple_Check(args[i]) ||
			          PyBytes_CheckExact(args[i]);
		void *function = matters ? metacall_function(name) : nullptr;
		ForJs proxies(function != nullptr && dict_proxies_for(function));
		if (!values.convert(args + 1, static_cast<std::size_t>(nargs - 1), *state))
			return nullptr;
	}
	if (!check_running_loop())
		return nullptr;
	void *result = nullptr;
	{
		GilReleased released; // the callee may run on its own thread and call back into Python
		WantViews views;      // an array or plain object result comes as a view (object_views.h)
		result = metacallv_s(name, values.data(), values.size());
	}
	return result_object(result);
}

// What an await settles: `settle(future, ok, value)` is scheduled on the future's event loop.
struct PendingAwait {
	PyRef settle;
	PyRef future;
};

// Runs on the thread that settles the metacall future (Node's, for JS promises).
void *settle_pending(void *outcome, void *data, bool resolved) {
	GilScope gil; // before `pending`: its references are dropped under the GIL
	std::unique_ptr<PendingAwait> pending(static_cast<PendingAwait *>(data));
	PyRef value = PyRef::steal(resolved ? to_python(outcome, nullptr) : exception_with_stack(outcome));
	if (!value) { // settle with the conversion's error instead
		resolved = false;
		PyObject *type = nullptr, *error = nullptr, *traceback = nullptr;
		PyErr_Fetch(&type, &error, &traceback);
		PyErr_NormalizeException(&type, &error, &traceback);
		Py_XDECREF(type);
		Py_XDECREF(traceback);
		value = PyRef::steal(error);
	}
	PyRef loop = PyRef::steal(PyObject_CallMethod(pending->future.get(), "get_loop", nullptr));
	PyRef closed = PyRef::steal(loop ? PyObject_CallMethod(loop.get(), "is_closed", nullptr) : nullptr);
	if (closed && PyObject_IsTrue(closed.get()) == 1)
		return nullptr; // its loop is gone (metacall_wait timed out): nobody awaits any more
	PyRef scheduled = PyRef::steal(
	    loop && value ? PyObject_CallMethod(loop.get(), "call_soon_threadsafe", "OOOO", pending->settle.get(),
	                                        pending->future.get(), resolved ? Py_True : Py_False, value.get())
	                  : nullptr);
	if (!scheduled)
		PyErr_WriteUnraisable(pending->future.get()); // the loop is closed: nobody awaits any more
	return nullptr;
}

void *resolve_pending(void *result, void *data) {
	return settle_pending(result, data, true);
}
void *reject_pending(void *error, void *data) {
	return settle_pending(error, data, false);
}

// await_call(settle, future, name, *args): calls `name`; its outcome settles the asyncio
// `future` through `settle` (see PendingAwait), on the future's loop.
PyObject *await_call(PyObject *, PyObject *const *args, Py_ssize_t nargs) {
	if (!expect_arguments(nargs, 3, "await_call(settle, future, name, *args)"))
		return nullptr;
	LoaderState *state = require_state();
	const char *name = state != nullptr ? text_argument(args[2], "the function name") : nullptr;
	if (name == nullptr)
		return nullptr;
	void *function = metacall_function(name);
	if (function == nullptr)
		return raise_last_error();
	Values values(static_cast<std::size_t>(nargs - 3));
	if (!values.convert(args + 3, static_cast<std::size_t>(nargs - 3), *state))
		return nullptr;
	auto pending =
	    std::make_unique<PendingAwait>(PendingAwait{PyRef::borrow(args[0]), PyRef::borrow(args[1])});
	void *result = nullptr;
	void *chained = nullptr;
	{
		// Released for the await too: the settling thread takes the GIL inside the core's callbacks.
		GilReleased released;
		result = metacallfv_s(function, values.data(), values.size());
		if (result != nullptr && metacall_value_id(result) == METACALL_FUTURE) {
			chained = metacall_await_future(result, resolve_pending, reject_pending, pending.get());
			if (chained != nullptr)
				pending.release(); // one of the callbacks takes it
		}
	}
	if (result == nullptr)
		return raise_last_error();
	if (metacall_value_id(result) != METACALL_FUTURE) // a plain function: settled now
		settle_pending(result, pending.release(), metacall_value_id(result) != METACALL_THROWABLE);
	metacall_value_destroy(result);
	if (chained == nullptr && pending)
		return raise_last_error();
	metacall_value_destroy(chained);
	Py_RETURN_NONE;
}

// The third argument of the loads: true loads into a handle of its own (returned as a capsule;
// its functions are reached through handle_export), else into the global scope (None returned).
bool wants_handle(PyObject *const *args, Py_ssize_t nargs) {
	return nargs > 2 && PyObject_IsTrue(args[2]) == 1;
}

// What a load returns: the handle, None, or an exception.
PyObject *loaded(int status, void *handle, bool private_handle) {
	if (status != 0)
		return raise_last_error();
	if (private_handle)
		return handle_capsule(handle);
	Py_RETURN_NONE;
}

// load_from_file(tag, paths[, handle]): paths is a str or a sequence of str.
PyObject *load_from_file(PyObject *, PyObject *const *args, Py_ssize_t nargs) {
	if (!expect_arguments(nargs, 2, "load_from_file(tag, paths)") || require_state() == nullptr)
		return nullptr;
	const char *tag = text_argument(args[0], "the tag");
	if (tag == nullptr)
		return nullptr;
	PyRef sequence =
	    PyRef::steal(PyUnicode_Check(args[1]) ? PyTuple_Pack(1, args[1])
	                                          : PySequence_Fast(args[1], "paths must be a list of str"));
	if (!sequence)
		return nullptr;
	std::vector<const char *> paths;
	for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(sequence.get()); ++i) {
		const char *path = text_argument(PySequence_Fast_GET_ITEM(sequence.get(), i), "a path");
		if (path == nullptr)
			return nullptr;
		paths.push_back(path);
	}
	const bool private_handle = wants_handle(args, nargs);
	void *handle = nullptr;
	int status = 0;
	{
		GilReleased released;
		status = metacall_load_from_file(tag, paths.data(), paths.size(), private_handle ? &handle : nullptr);
	}
	return loaded(status, handle, private_handle);
}

// load_from_memory(tag, code[, handle]).
PyObject *load_from_memory(PyObject *, PyObject *const *args, Py_ssize_t nargs) {
	if (!expect_arguments(nargs, 2, "load_from_memory(tag, code)") || require_state() == nullptr)
		return nullptr;
	const char *tag = text_argument(args[0], "the tag");
	Py_ssize_t size = 0;
	const char *code = tag != nullptr && text_argument(args[1], "the code") != nullptr
	                       ? PyUnicode_AsUTF8AndSize(args[1], &size)
	                       : nullptr;
	if (code == nullptr)
		return nullptr;
	const bool private_handle = wants_handle(args, nargs);
	void *handle = nullptr;
	int status = 0;
	{
		GilReleased released;
		status = metacall_load_from_memory(tag, code, static_cast<std::size_t>(size),
		                                   private_handle ? &handle : nullptr);
	}
	return loaded(status, handle, private_handle);
}

// load_from_package(tag, name[, handle]).
PyObject *load_from_package(PyObject *, PyObject *const *args, Py_ssize_t nargs) {
	if (!expect_arguments(nargs, 2, "load_from_package(tag, name)") || require_state() == nullptr)
		return nullptr;
	const char *tag = text_argument(args[0], "the tag");
	const char *name = tag != nullptr ? text_argument(args[1], "the package") : nullptr;
	if (name == nullptr)
		return nullptr;
	const bool private_handle = wants_handle(args, nargs);
	void *handle = nullptr;
	int status = 0;
	{
		GilReleased released;
		status = metacall_load_from_package(tag, name, private_handle ? &handle : nullptr);
	}
	return loaded(status, handle, private_handle);
}

// load_from_package_ex(tag, name, options): metacall_load_from_package_ex into a handle of its
// own (a capsule); `options` crosses as a value (a dict is a map).
PyObject *load_from_package_ex(PyObject *, PyObject *const *args, Py_ssize_t nargs) {
	if (!expect_arguments(nargs, 3, "load_from_package_ex(tag, name, options)"))
		return nullptr;
	LoaderState *state = require_state();
	const char *tag = state != nullptr ? text_argument(args[0], "the tag") : nullptr;
	const char *name = tag != nullptr ? text_argument(args[1], "the package") : nullptr;
	if (name == nullptr)
		return nullptr;
	Values options(1);
	if (!options.convert(args + 2, 1, *state))
		return nullptr;
	void *handle = nullptr;
	int status = 0;
	{
		GilReleased released;
		status = metacall_load_from_package_ex(tag, name, &handle, options.data()[0]);
	}
	return loaded(status, handle, true);
}

// ---- References: a pointer capsule to the data of a value the capsule owns ----

// The capsule's value: its context, set by value_reference (capsules of other pointers have none).
void reference_destroy(PyObject *capsule) {
	metacall_value_destroy(PyCapsule_GetContext(capsule));
}

// value_reference(object): a pointer capsule (what C receives as a pointer argument) to the data of
// a new value made from `object`, which the capsule owns: an int's number (a `long *`), a str's
// bytes, a pointer's slot (a `void **`; None is a null pointer here, so a reference to None is a
// slot for C to fill).
PyObject *value_reference(PyObject *, PyObject *object) {
	LoaderState *state = require_state();
	if (state == nullptr)
		return nullptr;
	void *value = object == Py_None ? metacall_value_create_ptr(nullptr) : from_python(object, *state);
	if (value == nullptr)
		return nullptr;
	void *reference = metacall_value_reference(value);
	void *address = reference != nullptr ? metacall_value_to_ptr(reference) : nullptr;
	metacall_value_destroy(reference);
	if (address == nullptr || address == value) { // no data of its own to point at (a null, a function...)
		PyErr_Format(PyExc_TypeError, "metacall_value_reference: a %.100s has no data to refer to",
		             Py_TYPE(object)->tp_name);
		metacall_value_destroy(value);
		return nullptr;
	}
	PyObject *capsule = PyCapsule_New(address, kPointerCapsule, reference_destroy);
	if (capsule == nullptr || PyCapsule_SetContext(capsule, value) != 0) {
		Py_XDECREF(capsule);
		metacall_value_destroy(value);
		return nullptr;
	}
	return capsule;
}

// value_dereference(reference): the current content of the value a value_reference capsule owns.
PyObject *value_dereference(PyObject *, PyObject *capsule) {
	void *value = PyCapsule_IsValid(capsule, kPointerCapsule) ? PyCapsule_GetContext(capsule) : nullptr;
	if (value == nullptr) {
		PyErr_Clear();
		PyErr_Format(PyExc_TypeError,
		             "metacall_value_dereference: expected a reference made by metacall_value_reference, not "
		             "%.100s",
		             PyCapsule_CheckExact(capsule) ? "another pointer" : Py_TYPE(capsule)->tp_name);
		return nullptr;
	}
	if (require_state() == nullptr)
		return nullptr;
	return to_python(value, nullptr);
}

// value_create_ptr(pointer): a pointer capsule holding the address `pointer` holds (a copy that
// owns nothing), or None, the null pointer.
PyObject *value_create_ptr(PyObject *, PyObject *pointer) {
	if (pointer == Py_None)
		Py_RETURN_NONE;
	if (!PyCapsule_IsValid(pointer, kPointerCapsule)) {
		PyErr_Format(PyExc_TypeError, "metacall_value_create_ptr: expected None or a pointer, not %.100s",
		             Py_TYPE(pointer)->tp_name);
		return nullptr;
	}
	return PyCapsule_New(PyCapsule_GetPointer(pointer, kPointerCapsule), kPointerCapsule, nullptr);
}

// handle_export(handle): {name: metacall.Function} of a loaded handle.
PyObject *handle_export(PyObject *, PyObject *capsule) {
	void *handle = PyCapsule_GetPointer(capsule, kHandleCapsule);
	if (handle == nullptr || require_state() == nullptr)
		return nullptr;
	void *exports = metacall_handle_export(handle);
	if (exports == nullptr)
		return raise_last_error();
	PyObject *object = to_python(exports, nullptr);
	metacall_value_destroy(exports);
	return object;
}

// pump(tag): metacall_pump. The first pump makes the calling thread the runtime's owner: later
// calls from it run directly instead of being handed to the runtime's own thread.
PyObject *pump(PyObject *, PyObject *tag_object) {
	const char *tag = require_state() != nullptr ? text_argument(tag_object, "the tag") : nullptr;
	if (tag == nullptr)
		return nullptr;
	int status = 0;
	{
		GilReleased released; // what runs may call back into Python
		status = metacall_pump(tag);
	}
	if (status != 0)
		return raise_last_error();
	Py_RETURN_NONE;
}

// pump_ex(tag, options): metacall_pump_ex (METACALL_PUMP_* options for the pump that starts the
// runtime on the calling thread).
PyObject *pump_ex(PyObject *, PyObject *const *args, Py_ssize_t nargs) {
	if (!expect_arguments(nargs, 2, "pump_ex(tag, options)") || require_state() == nullptr)
		return nullptr;
	const char *tag = text_argument(args[0], "the tag");
	const long options = tag != nullptr ? PyLong_AsLong(args[1]) : -1;
	if (tag == nullptr || (options == -1 && PyErr_Occurred()))
		return nullptr;
	int status = 0;
	{
		GilReleased released; // what runs may call back into Python
		status = metacall_pump_ex(tag, static_cast<int>(options));
	}
	if (status != 0)
		return raise_last_error();
	Py_RETURN_NONE;
}

// pump_poll(tag) -> (fd, timeout_ms): metacall_pump_poll, for an asyncio loop driving `tag`'s.
PyObject *pump_poll(PyObject *, PyObject *tag_object) {
	const char *tag = require_state() != nullptr ? text_argument(tag_object, "the tag") : nullptr;
	if (tag == nullptr)
		return nullptr;
	int fd = -1, timeout_ms = -1, status = 0;
	{
		GilReleased released; // waits for another thread's use of the runtime, if any
		status = metacall_pump_poll(tag, &fd, &timeout_ms);
	}
	if (status != 0)
		return raise_last_error();
	return Py_BuildValue("(ii)", fd, timeout_ms);
}

// copy(x): a view's eager copy (object_views.h); anything else as it is.
PyObject *copy_function(PyObject *, PyObject *object) {
	return copy_of(object);
}

// view_types() -> (ArrayView, ObjectView, MapView).
PyObject *view_types_function(PyObject *, PyObject *) {
	return view_types();
}

// watch_loops(hook or None): hook(loop) before a call when a new asyncio loop runs (loop_watch.h).
PyObject *watch_loops_function(PyObject *, PyObject *hook) {
	if (!watch_loops(hook == Py_None ? nullptr : hook))
		return nullptr;
	Py_RETURN_NONE;
}

// inspect(): metacall_inspect's JSON text.
PyObject *inspect(PyObject *, PyObject *) {
	std::size_t size = 0;
	char *json = metacall_inspect(&size, nullptr);
	if (json == nullptr)
		return raise_last_error();
	PyObject *text = PyUnicode_DecodeUTF8(json, size > 0 ? size - 1 : 0, "replace");
	std::free(json);
	return text;
}

// CPython calls these: nothing may unwind through its frames.
template <auto Function, typename... Args>
PyObject *guarded(Args... args) {
	try {
		return Function(args...);
	} catch (const std::bad_alloc &) {
		return PyErr_NoMemory();
	} catch (const std::exception &error) {
		PyErr_SetString(PyExc_RuntimeError, error.what());
		return nullptr;
	}
}

template <auto Function>
PyCFunction fast() {
	return reinterpret_cast<PyCFunction>(
	    reinterpret_cast<void (*)()>(guarded<Function, PyObject *, PyObject *const *, Py_ssize_t>));
}

PyMethodDef methods[] = {
    {"call", fast<call>(), METH_FASTCALL, "call(name, *args): calls a loaded function by name."},
    {"await_call", fast<await_call>(), METH_FASTCALL,
     "await_call(settle, future, name, *args): settles future with the outcome."},
    {"load_from_file", fast<load_from_file>(), METH_FASTCALL,
     "load_from_file(tag, paths, handle=False) -> handle or None"},
    {"load_from_memory", fast<load_from_memory>(), METH_FASTCALL,
     "load_from_memory(tag, code, handle=False) -> handle or None"},
    {"load_from_package", fast<load_from_package>(), METH_FASTCALL,
     "load_from_package(tag, name, handle=False) -> handle or None"},
    {"load_from_package_ex", fast<load_from_package_ex>(), METH_FASTCALL,
     "load_from_package_ex(tag, name, options) -> handle"},
    {"value_reference", guarded<value_reference, PyObject *, PyObject *>, METH_O,
     "value_reference(object) -> pointer to a new value's data"},
    {"value_dereference", guarded<value_dereference, PyObject *, PyObject *>, METH_O,
     "value_dereference(reference) -> the referred value's content"},
    {"value_create_ptr", guarded<value_create_ptr, PyObject *, PyObject *>, METH_O,
     "value_create_ptr(pointer or None) -> pointer"},
    {"handle_export", guarded<handle_export, PyObject *, PyObject *>, METH_O,
     "handle_export(handle) -> {name: function}"},
    {"pump", guarded<pump, PyObject *, PyObject *>, METH_O,
     "pump(tag): runs what is ready in tag's event loop"},
    {"pump_ex", fast<pump_ex>(), METH_FASTCALL, "pump_ex(tag, options): metacall_pump_ex"},
    {"pump_poll", guarded<pump_poll, PyObject *, PyObject *>, METH_O,
     "pump_poll(tag) -> (fd, timeout_ms): what an event loop driving tag's watches"},
    {"copy", guarded<copy_function, PyObject *, PyObject *>, METH_O,
     "copy(x): a list or dict of a view (deep), a memoryview of a copy of a memoryview's bytes; "
     "anything else as it is"},
    {"view_types", guarded<view_types_function, PyObject *, PyObject *>, METH_NOARGS,
     "view_types() -> (ArrayView, ObjectView, MapView)"},
    {"watch_loops", guarded<watch_loops_function, PyObject *, PyObject *>, METH_O,
     "watch_loops(hook): hook(loop) before a call when a new asyncio loop runs on the thread"},
    {"inspect", guarded<inspect, PyObject *, PyObject *>, METH_NOARGS, "inspect() -> JSON text"},
    {nullptr, nullptr, 0, nullptr},
};

PyModuleDef definition = {
    PyModuleDef_HEAD_INIT,
    kModuleName,
    "libmetacall for the metacall package (source/ports/py_port).",
    -1,
    methods,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
};

} // namespace

bool register_port_module() {
	PyObject *modules = PyImport_GetModuleDict(); // borrowed
	if (PyDict_GetItemString(modules, kModuleName) != nullptr)
		return true;
	if (buffer_holder_type == nullptr)
		buffer_holder_type = reinterpret_cast<PyTypeObject *>(PyType_FromSpec(&holder_spec));
	if (buffer_holder_type == nullptr)
		return false;
	PyRef module = PyRef::steal(PyModule_Create(&definition));
	return module && PyDict_SetItemString(modules, kModuleName, module.get()) == 0;
}

} // namespace py_loader
