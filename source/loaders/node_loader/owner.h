// The thread that owns the Node environment, and the handoff of work to it.
//
// Node runs JavaScript on one thread. Work asked for on that thread (a C function that JS called,
// calling JS again) runs at once, re-entrantly. Work from another thread is queued, the owner is
// woken through a thread-safe function, and the caller waits: it spins briefly (a round trip is
// about a microsecond when both threads are awake) and then sleeps, so an idle caller burns no
// CPU. The owner, once woken, keeps polling for a short while after its queue empties, so a
// thread making call after call does not pay for waking it every time. The one spinning caller
// hands its work over through a single slot rather than the locked queue: each cache line that
// crosses between the cores costs about 100 ns here. Every millisecond of calls back to back, the
// owner gives its event loop a turn (timers, setImmediate, the finalizers of collected objects).
//
// Shared (metacall_pump_ex with METACALL_PUMP_SHARED): nobody owns the environment between two
// uses. Each piece of work, on whichever thread asks for it, takes a lock and enters V8's isolate
// there (SharedHooks), runs, and leaves: no handoff, and no thread waits for another to come back
// to its event loop (a Python main thread blocked in `join()` while its workers call JS).
#ifndef NODE_LOADER_OWNER_H
#define NODE_LOADER_OWNER_H

#include <node_api.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <vector>

namespace node_loader {

// How a shared environment is entered: set by the loader, which knows the embedder and the loop.
struct SharedHooks {
	void *context = nullptr;
	// V8's lock and the isolate, on the calling thread, into `slot` (kSlotSize bytes) until leave.
	void (*enter)(void *context, void *slot) = nullptr;
	void (*leave)(void *context, void *slot) = nullptr;
	// Whether `enter` opens a handle scope for the use (the first EnvScope of a use then needs none).
	bool enter_opens_handles = false;
	// The start of an outermost use, entered, before its work (the loader may turn its loop).
	void (*begin)(void *context) = nullptr;
	// The end of an outermost use, still entered: runs posted work (run_posted), and whatever the
	// loader does after its work (tell a host's loop of a new timer).
	void (*settle)(void *context) = nullptr;
};

class Owner {
public:
	static constexpr size_t kSlotSize = 64;

	// Whether the calling thread owns the environment.
	static bool on_owner_thread();
	// Makes the calling thread the owner (or not) for as long as the environment lives.
	static void set_owner_thread(bool owner);

	// The owner is ready to take work: queued work wakes it through `wake` (a thread-safe function
	// whose call_js runs drain). `spin`: keep polling after the queue empties (a thread of our own).
	void open(napi_threadsafe_function wake, bool spin);
	// No more work is taken: waiting callers and later ones get false. Called on the owner thread.
	void close();

	// Runs `work` on the owner thread and returns when it has run (at once on the owner thread).
	// False, without running it, once the owner is closed.
	template <class Work>
	bool run(Work &work) {
		return run_erased([](void *w) { (*static_cast<Work *>(w))(); }, &work);
	}
	// Queues `work` without waiting; dropped when the owner is closed. From any thread.
	void post(std::function<void()> work);
	// As post, for work that may wait (a release): when shared, it runs with the next use of the
	// environment, on any thread, or with the batch it completes (64). The work runs entered but
	// outside any handle scope, and must not run JS (releasing a reference is what it is for).
	void post_lazily(std::function<void()> work);

	// The owner thread's side: runs what is queued (the thread-safe function's call_js).
	void drain();

	// Shares the environment from now on (see the top of this file). Called where it is owned.
	void share(const SharedHooks &hooks);
	// Takes the environment back (the calling thread must own it again): before it is stopped.
	void unshare();
	bool shared() const { return shared_.load(std::memory_order_acquire); }
	// Whether work asked for on the calling thread runs on it (it owns the environment, or the
	// environment is shared): values then need not be copied for another thread.
	bool runs_here() const { return on_owner_thread() || shared(); }
	// Whether the calling thread is in a use whose handle scope no EnvScope took yet: true once
	// per use (the first EnvScope takes it, instead of opening a Node-API one, which allocates).
	static bool take_handle_scope();
	// Shared: runs the work posted lazily (from SharedHooks::settle, entered, no scope needed).
	void run_lazy();
	// Shared: whether work was posted (not lazily), and runs it (from SharedHooks::settle, inside an
	// EnvScope); run_posted runs the lazy work first.
	bool has_posted() const { return queued_.load(std::memory_order_relaxed) != 0; }
	void run_posted();
	// Wakes the event loop (its descriptor turns readable), with nothing to do (metacall_pump_poll).
	void kick() { wake(); }

private:
	struct Task {
		void (*work)(void *) = nullptr;
		void *data = nullptr;
		std::function<void()> posted; // set for posted work, which nobody waits for
		std::atomic<int> state{0};    // 0 queued, 1 done, 2 dropped
	};

	bool run_erased(void (*work)(void *), void *data);
	// Shared: runs `work` inside an outermost use (the lock taken: blocking, or only if free).
	bool run_shared(void (*work)(void *), void *data, bool blocking);
	// Queues `task`; true when the owner had to be woken.
	bool push(Task *task);
	// Hands `task` to a polling owner through slot_; false when it cannot (then push it).
	bool hand(Task *task);
	void wake();
	// Runs a task taken from the queue or the slot (drops it once the owner is closed).
	void run_task(Task *task);
	static void finish(Task *task, int state);

	// Cache lines apart: what the caller writes (the slot; the count of spinners, which only
	// callers touch) and what the owner polls must not share a line, or each poll costs a miss.
	// The spinning caller's task, for an owner that polls: one cache line to read, no lock.
	alignas(64) std::atomic<Task *> slot_{nullptr};
	alignas(64) std::atomic<int> spinning_callers_{0};
	alignas(64) std::mutex mutex_;
	std::vector<Task *> queue_;
	alignas(64) std::atomic<size_t> queued_{0};
	std::atomic<bool> listening_{false}; // the owner is draining: a push needs no wake-up
	napi_threadsafe_function wake_ = nullptr;
	std::atomic<bool> open_{false};
	bool spin_ = false;
	std::atomic<bool> shared_{false};
	// Shared: work posted lazily (releases), kept apart from the tasks, and with no Task made
	// for it: a release per call allocates nothing (the queue keeps its buffer). Under mutex_.
	std::vector<std::function<void()>> lazy_;
	std::atomic<size_t> lazy_count_{0};
	SharedHooks hooks_;
	std::mutex use_mutex_; // shared: one use at a time
};

} // namespace node_loader

#endif
