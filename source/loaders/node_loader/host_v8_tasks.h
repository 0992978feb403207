// Host-V8 mode: the tasks that V8 posts for Node's isolate. V8 hands them to the platform it was
// initialised with, the host's, not to Node's: they wait in the host platform's queue for that
// isolate until someone runs them. Without that, a WebAssembly.compile never settles, and
// finalizers and some GC steps never run. When the host's platform is V8's default one
// (v8::platform::NewDefaultPlatform) the loader runs them itself, on Node's thread: after every
// turn of Node's event loop, and from a timer while the loop sleeps. A host with a platform of its
// own must run them (README, "Node on the process's V8").
#ifndef NODE_LOADER_HOST_V8_TASKS_H
#define NODE_LOADER_HOST_V8_TASKS_H

#include <node.h>
#include <uv.h>

#include <memory>
#include <string>

namespace node_loader {

class HostV8Tasks {
public:
	// The host's platform, when it is V8's default platform; nullptr (with `why`) otherwise.
	static v8::Platform *default_platform(std::string &why);

	// Watches `loop` for Node's `isolate` (entered on this thread, with its context). Owner thread.
	HostV8Tasks(v8::Platform *platform, v8::Isolate *isolate, uv_loop_t *loop);
	HostV8Tasks(const HostV8Tasks &) = delete;
	HostV8Tasks &operator=(const HostV8Tasks &) = delete;
	// Closes the handles. Their close completes in a later turn of the loop (Node's teardown runs
	// one), which frees them: nothing here runs the loop, whose other handles may be half torn down.
	~HostV8Tasks();

	// Runs what the host's platform holds for the isolate now, then the microtasks and
	// process.nextTick callbacks the tasks queued, as Node does after its own tasks.
	void run_ready();

	// After the isolate is disposed: the host's platform forgets it.
	static void forget(v8::Platform *platform, v8::Isolate *isolate);

private:
	// The libuv handles, apart: they outlive this object until their close completes.
	struct Handles {
		HostV8Tasks *owner;
		uv_check_t check{};
		uv_timer_t timer{};
		int open = 2;
	};
	static void on_check(uv_check_t *check);
	static void on_timer(uv_timer_t *timer);
	static void on_closed(uv_handle_t *handle);

	v8::Platform *const platform_;
	v8::Isolate *const isolate_;
	std::unique_ptr<Handles> handles_; // released to libuv's close callbacks by the destructor
};

} // namespace node_loader

#endif
