#include "gil.h"

#include "../../core/fast_tls.h" // header only, shared with the core

#include <sys/syscall.h>
#include <unistd.h>

namespace py_loader {
namespace {

// The thread state of this thread, when it is one that lives as long as the thread: made by this
// library on the thread's first call (and deleted when the thread ends), or the state of the
// thread that initialized the interpreter (never deleted: the interpreter is never finalized).
// Plain data, so reading it on every call costs no initialization check.
METACALL_FAST_TLS thread_local PyThreadState *known_state = nullptr;

// Deletes the state this library made, when the thread ends. Not on the process's main thread:
// that happens inside exit(), when the interpreter may be gone or another thread may hold the GIL
// forever.
struct MadeStateDeleter {
	PyThreadState *state = nullptr;

	~MadeStateDeleter() {
		known_state = nullptr;
		if (state == nullptr || !Py_IsInitialized() || _Py_IsFinalizing() || getpid() == syscall(SYS_gettid))
			return;
		PyEval_RestoreThread(state);
		PyThreadState_Clear(state);
		PyThreadState_DeleteCurrent();
	}
};

// Slow path, once per thread. PyThreadState_New also records the state as this thread's, so that
// PyGILState_Ensure on this thread (the host's own Python code) finds and shares it.
PyThreadState *make_state() {
	thread_local MadeStateDeleter deleter; // its destructor is registered on this first use only
	deleter.state = PyThreadState_New(PyInterpreterState_Main());
	known_state = deleter.state;
	return known_state;
}

} // namespace

GilScope::GilScope() {
	PyThreadState *mine = known_state;
	if (mine == nullptr) {
		// Threads CPython knows (`threading` threads, the host's interpreter thread) have a state
		// already; it is looked up each time because CPython deletes it when such a thread ends.
		mine = PyGILState_GetThisThreadState();
		if (mine == nullptr)
			mine = make_state();
	}
	if (mine == _PyThreadState_UncheckedGet())
		return; // this thread holds the GIL already: a nested call, or Python calling through the C API
	PyEval_RestoreThread(mine);
	acquired_ = true;
}

void keep_thread_state(PyThreadState *state) {
	known_state = state;
}

} // namespace py_loader
