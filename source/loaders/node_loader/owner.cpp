#include "owner.h"

#include <chrono>
#include <memory>
#include <thread>

#if defined(__x86_64__) || defined(__i386__)
#  include <immintrin.h>
#  define NODE_LOADER_PAUSE() _mm_pause()
#else
#  define NODE_LOADER_PAUSE() ((void)0)
#endif

namespace node_loader {
namespace {

thread_local bool owner_thread = false;

using Clock = std::chrono::steady_clock;
// How long a waiting caller spins before it sleeps, and how long the owner polls an empty queue
// before it goes back to its event loop. A round trip between two awake threads takes 1-5 us
// here; waking a sleeping one costs tens of microseconds.
constexpr auto kCallerSpin = std::chrono::microseconds(50);
constexpr auto kOwnerSpin = std::chrono::microseconds(50);

// Spins (yielding every few dozen iterations, so that on a small machine the thread being waited
// for gets a core) until `ready()` or `budget` has passed. Returns ready().
template <class Ready>
bool spin_until(Ready ready, Clock::duration budget) {
	const auto start = Clock::now();
	for (int i = 0;; ++i) {
		if (ready())
			return true;
		if ((i & 63) == 63) {
			if (Clock::now() - start > budget)
				return ready();
			// A thread this one just woke may have been queued on this very core (the scheduler
			// prefers the waker's): let it run, or it waits for the whole spin.
			std::this_thread::yield();
		}
		NODE_LOADER_PAUSE();
	}
}

} // namespace

bool Owner::on_owner_thread() {
	return owner_thread;
}

void Owner::set_owner_thread(bool owner) {
	owner_thread = owner;
}

void Owner::open(napi_threadsafe_function wake, bool spin) {
	std::lock_guard lock(mutex_);
	wake_ = wake;
	spin_ = spin;
	open_.store(true);
}

void Owner::close() {
	std::vector<Task *> dropped;
	{
		std::lock_guard lock(mutex_);
		open_.store(false);
		wake_ = nullptr;
		dropped.swap(queue_);
		queued_.store(0);
	}
	for (Task *task : dropped)
		finish(task, 2);
}

void Owner::finish(Task *task, int state) {
	if (task->posted) {
		std::unique_ptr<Task> owned(task);
		if (state == 1)
			task->posted();
		return;
	}
	task->state.store(state, std::memory_order_release);
	task->state.notify_one();
}

bool Owner::push(Task *task) {
	napi_threadsafe_function wake = nullptr;
	{
		std::lock_guard lock(mutex_);
		if (open_.load()) {
			queue_.push_back(task);
			queued_.fetch_add(1); // seq_cst: ordered before the read of listening_ below
			wake = wake_;
		}
	}
	if (wake == nullptr) {
		finish(task, 2);
		return false;
	}
	// The owner clears listening_ and then looks at queued_ again (both seq_cst), so at least one
	// side sees the other: either the owner finds this task, or this thread wakes it.
	if (listening_.load())
		return false;
	napi_call_threadsafe_function(wake, nullptr, napi_tsfn_nonblocking);
	return true;
}

bool Owner::run_erased(void (*work)(void *), void *data) {
	if (owner_thread) {
		work(data);
		return true;
	}
	Task task;
	task.work = work;
	task.data = data;
	// Spin only for an owner that is awake (one that had to be woken takes longer than the spin,
	// tens of microseconds here), and one caller at a time: more spinners than cores would keep
	// the owner itself from running. The others sleep until their work is done.
	if (!push(&task)) {
		if (spinning_callers_.fetch_add(1, std::memory_order_relaxed) == 0)
			spin_until([&] { return task.state.load(std::memory_order_acquire) != 0; }, kCallerSpin);
		spinning_callers_.fetch_sub(1, std::memory_order_relaxed);
	}
	int state;
	while ((state = task.state.load(std::memory_order_acquire)) == 0)
		task.state.wait(0, std::memory_order_acquire);
	return state == 1;
}

void Owner::post(std::function<void()> work) {
	auto task = std::make_unique<Task>();
	task->posted = std::move(work);
	push(task.release()); // the owner (or close) deletes it
}

void Owner::drain() {
	listening_.store(true);
	std::vector<Task *> batch;
	for (;;) {
		{
			std::lock_guard lock(mutex_);
			batch.swap(queue_);
			queued_.store(0);
		}
		for (Task *task : batch) {
			// Work earlier in the batch may have closed the owner (metacall_destroy): drop the rest.
			if (!open_.load()) {
				finish(task, 2);
				continue;
			}
			if (!task->posted)
				task->work(task->data);
			finish(task, 1);
		}
		batch.clear();
		if (!open_.load()) {
			listening_.store(false);
			return;
		}
		if (spin_ && spin_until([&] { return queued_.load(std::memory_order_relaxed) != 0; }, kOwnerSpin))
			continue;
		listening_.store(false);
		if (queued_.load() == 0)
			return;
		listening_.store(true);
	}
}

} // namespace node_loader
