// Stopping JS calls that run (metacall_interrupt, call time limits, the heap cap) with V8's
// TerminateExecution, and letting JavaScript run again once they unwound.
//
// The owner thread keeps a stack of the core's calls into JS that are running (RunningCall), each
// with the origin it was made for (metacall_loader_call_origin). Stopping the calls of an origin
// terminates from the outermost of them: V8 unwinds every JS frame above it (a call below it that
// it was nested in goes on, and gets the stopped call's throwable as an exception), and JavaScript
// runs again as soon as that outermost stopped call returns. Only environments the loader starts
// can be stopped: in a host's Node (host mode) the frames below the loader's are the host's.
#ifndef NODE_LOADER_JS_INTERRUPTS_H
#define NODE_LOADER_JS_INTERRUPTS_H

#include "embedder_entry.h"

#include <atomic>
#include <cstddef>
#include <mutex>
#include <vector>

namespace node_loader {

class JsInterrupts {
public:
	enum class Reason { interrupt, memory };

	// The one environment of the process whose calls can be stopped.
	static JsInterrupts &instance();

	// Owner: the calls of the environment `session` can be stopped from now on / no longer (before
	// the session goes).
	void attach(const node_loader_embedder *embedder, void *session);
	void detach();

	// Any thread: asks the running calls of `origin` (every one when nullptr) to stop. Returns how
	// many calls that is (0 when none runs, or the environment cannot be stopped).
	int interrupt(const void *origin, Reason reason = Reason::interrupt);

	// The embedder's on_heap_limit (owner, inside V8): every running call stops with a MemoryError.
	static void heap_limit_reached(void *);

private:
	friend class RunningCall;
	static constexpr size_t kNone = static_cast<size_t>(-1);

	std::mutex mutex_;
	const node_loader_embedder *embedder_ = nullptr;
	void *session_ = nullptr;
	std::vector<const void *> running_; // the origins of the running calls, outermost first
	// The calls from this depth up are being stopped. Written under mutex_; read without it first
	// by RunningCall::stopped, so that a call nothing stopped takes no lock there.
	std::atomic<size_t> stop_from_{kNone};
	Reason reason_ = Reason::interrupt;
};

// Owner: one call of the core into JS, for as long as it runs.
class RunningCall {
public:
	explicit RunningCall(const void *origin);
	~RunningCall();
	RunningCall(const RunningCall &) = delete;
	RunningCall &operator=(const RunningCall &) = delete;

	// After the call: nullptr when nothing stopped it; else a new throwable saying why it stopped
	// ("InterruptedError", "MemoryError"), which replaces what the call returned.
	void *stopped() const;

private:
	JsInterrupts &interrupts_;
	size_t depth_;
};

} // namespace node_loader

#endif
