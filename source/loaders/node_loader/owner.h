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
#ifndef NODE_LOADER_OWNER_H
#define NODE_LOADER_OWNER_H

#include <node_api.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <vector>

namespace node_loader {

class Owner {
public:
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

	// The owner thread's side: runs what is queued (the thread-safe function's call_js).
	void drain();

private:
	struct Task {
		void (*work)(void *) = nullptr;
		void *data = nullptr;
		std::function<void()> posted; // set for posted work, which nobody waits for
		std::atomic<int> state{0};    // 0 queued, 1 done, 2 dropped
	};

	bool run_erased(void (*work)(void *), void *data);
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
};

} // namespace node_loader

#endif
