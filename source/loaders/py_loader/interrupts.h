// Stopping Python calls that run (metacall_interrupt, call time limits): an asynchronous exception
// (PyThreadState_SetAsyncExc) in the thread running the call.
//
// Each call into Python registers itself (RunningCall) with its thread and the origin it was made
// for (metacall_loader_call_origin). interrupt() marks the matching calls and hands them to a
// thread of the loader's, which takes the GIL and raises metacall.CallInterrupted in their threads:
// the caller of metacall_interrupt never waits for the GIL. The exception is a BaseException, so
// `except Exception` in a script does not swallow it. CPython notices it between two bytecodes: a
// call blocked in C code (time.sleep, a C extension) stops only once that returns. A call that
// ends before the exception is raised has it withdrawn, so it never lands in later code.
#ifndef PY_LOADER_INTERRUPTS_H
#define PY_LOADER_INTERRUPTS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstdint>

namespace py_loader {

// Makes metacall.CallInterrupted (once per process; GIL held). False with a Python error set.
bool ready_interrupts();

// Any thread, GIL not needed: asks the running calls of `origin` (every one when nullptr) to stop.
// Returns how many calls that is.
int interrupt_calls(const void *origin);

// One call into Python, on the thread running it, with the GIL held for its whole life.
class RunningCall {
public:
	RunningCall();
	~RunningCall();
	RunningCall(const RunningCall &) = delete;
	RunningCall &operator=(const RunningCall &) = delete;

	// `result` (a new value, taken) when the call ran its course; else a new "InterruptedError"
	// throwable instead of it.
	void *finish(void *result);

private:
	std::uint64_t id_;
};

} // namespace py_loader

#endif
