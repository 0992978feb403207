#include "loop_watch.h"

namespace py_loader {
namespace {

// Under the GIL. Strong references: the loop last told of is kept, so that a new loop made at
// its address later is never mistaken for it.
PyObject *hook_ = nullptr;
PyObject *get_running_loop_ = nullptr;
PyObject *last_loop_ = nullptr;

#if PY_VERSION_HEX < 0x030C0000
// Up to Python 3.11, asyncio keeps a thread's running loop in a holder object in the thread's dict,
// a new holder each time a loop starts or stops: while the holder is the one last seen, nothing
// changed, which a dict lookup tells (about 10 ns) without calling _get_running_loop (about 20).
#  define PY_LOADER_LOOP_HOLDER 1
PyObject *holder_key_ = nullptr;
PyObject *last_holder_ = nullptr; // kept: a new holder at its address is never mistaken for it
bool fast_ = false;               // asyncio's _get_running_loop is the C one, which keeps the holder there
// Cheaper still: the thread's dict with the version tag it had at the last check (every change
// of a dict, and every new dict, takes a new tag from a process-wide counter): the same pair, and
// the holder is the same. The pointer is only compared.
const PyObject *last_dict_ = nullptr;
uint64_t last_version_ = 0;
#endif

} // namespace

bool watch_loops(PyObject *hook) {
	if (hook != nullptr && get_running_loop_ == nullptr) {
		PyObject *asyncio = PyImport_ImportModule("asyncio");
		if (asyncio == nullptr)
			return false;
		get_running_loop_ = PyObject_GetAttrString(asyncio, "_get_running_loop");
		Py_DECREF(asyncio);
		if (get_running_loop_ == nullptr)
			return false;
#ifdef PY_LOADER_LOOP_HOLDER
		holder_key_ = PyUnicode_InternFromString("__asyncio_running_event_loop__");
		if (holder_key_ == nullptr)
			return false;
		fast_ = PyCFunction_Check(get_running_loop_);
#endif
	}
	Py_XINCREF(hook);
	Py_XSETREF(hook_, hook);
	Py_CLEAR(last_loop_);
#ifdef PY_LOADER_LOOP_HOLDER
	Py_CLEAR(last_holder_);
	last_dict_ = nullptr;
#endif
	return true;
}

bool check_running_loop() {
	if (hook_ == nullptr)
		return true;
#ifdef PY_LOADER_LOOP_HOLDER
	PyObject *dict = PyThreadState_GetDict(); // borrowed
	if (dict != nullptr && dict == last_dict_ && fast_ &&
	    reinterpret_cast<PyDictObject *>(dict)->ma_version_tag == last_version_)
		return true;
	if (dict != nullptr) {
		last_dict_ = dict;
		last_version_ = reinterpret_cast<PyDictObject *>(dict)->ma_version_tag;
	}
	PyObject *holder = dict != nullptr ? PyDict_GetItemWithError(dict, holder_key_) : nullptr; // borrowed
	if (holder == nullptr && PyErr_Occurred())
		return false;
	if (holder == last_holder_ && fast_)
		return true; // the same holder, or none yet: no loop started or stopped here since
	Py_XINCREF(holder);
	Py_XSETREF(last_holder_, holder);
#endif
	PyObject *loop = PyObject_CallNoArgs(get_running_loop_);
	if (loop == nullptr)
		return false;
	if (loop == Py_None || loop == last_loop_) {
		Py_DECREF(loop);
		return true;
	}
	Py_XSETREF(last_loop_, loop); // takes the new reference
	PyObject *hook = hook_;
	Py_INCREF(hook); // the hook may replace itself
	PyObject *result = PyObject_CallOneArg(hook, loop);
	Py_DECREF(hook);
	Py_XDECREF(result);
	return result != nullptr;
}

} // namespace py_loader
