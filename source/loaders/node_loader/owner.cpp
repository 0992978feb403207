#include "owner.h"

#include "../../core/fast_tls.h" // header only, shared with the core

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

// Read on every call (fast_tls.h).
METACALL_FAST_TLS thread_local bool owner_thread = false;
// Shared: how deep the calling thread is in uses of the environment (0: it holds no lock).
METACALL_FAST_TLS thread_local int use_depth = 0;
// Shared: the calling thread's use has a handle scope that no EnvScope took yet.
METACALL_FAST_TLS thread_local bool spare_handle_scope = false;

using Clock = std::chrono::steady_clock;
// How long a waiting caller spins before it sleeps, and how long the owner polls an empty queue
// before it goes back to its event loop. A call handed between two awake threads takes about 1 us
// here; waking a sleeping one costs tens of microseconds.
constexpr auto kCallerSpin = std::chrono::microseconds(50);
constexpr auto kOwnerSpin = std::chrono::microseconds(50);
// How long the owner runs calls back to back before it gives its event loop a turn (and wakes
// itself to go on): timers, setImmediate and the finalizers of objects V8 collected (Node-API
// runs them from setImmediate) would wait for the end of a stream of calls otherwise, and the
// memory of every proxy collected meanwhile with them. A turn costs a few microseconds.
constexpr auto kOwnerSlice = std::chrono::milliseconds(1);

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

bool Owner::take_handle_scope() {
	const bool spare = spare_handle_scope;
	spare_handle_scope = false;
	return spare;
}

bool Owner::on_owner_thread() {
	return owner_thread || use_depth > 0;
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
		lazy_.clear(); // releases: stopping drops every reference left
		lazy_count_.store(0);
	}
	// After open_ is false: a caller that fills the slot later sees it closed and takes its task back.
	if (Task *task = slot_.exchange(nullptr))
		dropped.push_back(task);
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
	// A spinning caller may see the state and leave (its Task, on its stack, gone) before this
	// runs: notify_one only wakes futex waiters of the address (libstdc++), it does not touch it.
	task->state.notify_one();
}

bool Owner::push(Task *task) {
	bool queued = false;
	{
		std::lock_guard lock(mutex_);
		if (open_.load() && wake_ != nullptr) {
			queue_.push_back(task);
			queued_.fetch_add(1); // seq_cst: ordered before the read of listening_ below
			queued = true;
		}
	}
	if (!queued) {
		finish(task, 2);
		return false;
	}
	// The owner clears listening_ and then looks at queued_ again (both seq_cst), so at least one
	// side sees the other: either the owner finds this task, or this thread wakes it.
	if (listening_.load())
		return false;
	wake();
	return true;
}

bool Owner::hand(Task *task) {
	// Only for an owner that polls, and behind the queue's work (a thread's posted work runs before
	// its next call).
	Task *empty = nullptr;
	if (!listening_.load() || queued_.load() != 0 || !slot_.compare_exchange_strong(empty, task))
		return false;
	Task *mine = task;
	if (!open_.load()) { // close() ran: take the task back, unless close already dropped it
		if (slot_.compare_exchange_strong(mine, nullptr))
			finish(task, 2);
		return true;
	}
	// As in push: the owner clears listening_ and then looks at the slot again.
	if (!listening_.load())
		wake();
	return true;
}

void Owner::wake() {
	// Under the lock: close() clears wake_ before the thread-safe function is released.
	std::lock_guard lock(mutex_);
	if (wake_ != nullptr)
		napi_call_threadsafe_function(wake_, nullptr, napi_tsfn_nonblocking);
}

void Owner::share(const SharedHooks &hooks) {
	hooks_ = hooks;
	shared_.store(true, std::memory_order_release);
}

void Owner::unshare() {
	std::lock_guard use(use_mutex_); // no use of another thread runs past this
	shared_.store(false, std::memory_order_release);
}

bool Owner::run_shared(void (*work)(void *), void *data, bool blocking) {
	std::unique_lock use(use_mutex_, std::defer_lock);
	if (blocking)
		use.lock();
	else if (!use.try_lock())
		return false;
	if (!open_.load() || !shared_.load(std::memory_order_relaxed))
		return false; // closed (destroy) or taken back meanwhile
	alignas(16) unsigned char slot[kSlotSize];
	hooks_.enter(hooks_.context, slot);
	++use_depth;
	spare_handle_scope = hooks_.enter_opens_handles;
	// The isolate is left, and the lock given back, whatever the work does.
	struct Leave {
		const SharedHooks &hooks;
		void *slot;
		~Leave() {
			spare_handle_scope = false;
			--use_depth;
			hooks.leave(hooks.context, slot);
		}
	} leave{hooks_, slot};
	if (work != nullptr) { // a use for posted work only (a release) runs nothing else of the loop
		hooks_.begin(hooks_.context);
		work(data);
	}
	hooks_.settle(hooks_.context);
	return true;
}

bool Owner::run_erased(void (*work)(void *), void *data) {
	if (on_owner_thread()) {
		work(data);
		return true;
	}
	if (shared())
		return run_shared(work, data, true);
	Task task;
	task.work = work;
	task.data = data;
	// Spin only for an owner that is awake (one that had to be woken takes longer than the spin,
	// tens of microseconds here), and one caller at a time: more spinners than cores would keep
	// the owner itself from running. The others sleep until their work is done.
	if (spinning_callers_.fetch_add(1, std::memory_order_relaxed) == 0) {
		if (hand(&task) || !push(&task))
			spin_until([&] { return task.state.load(std::memory_order_acquire) != 0; }, kCallerSpin);
	} else {
		push(&task);
	}
	spinning_callers_.fetch_sub(1, std::memory_order_relaxed);
	int state;
	while ((state = task.state.load(std::memory_order_acquire)) == 0)
		task.state.wait(0, std::memory_order_acquire);
	return state == 1;
}

void Owner::post(std::function<void()> work) {
	auto task = std::make_unique<Task>();
	task->posted = std::move(work);
	if (!shared() || on_owner_thread()) {
		push(task.release()); // the owner (or close) deletes it
		return;
	}
	// Shared: queued, then run at once when nobody uses the environment (a use's end runs what is
	// posted). Never wait for the lock here: the caller may hold a lock (Python's) that the thread
	// using the environment needs. When that thread has passed its end already, the wake-up runs it.
	{
		std::lock_guard lock(mutex_);
		if (!open_.load())
			return;
		queue_.push_back(task.release());
		queued_.fetch_add(1);
	}
	if (!run_shared(nullptr, nullptr, false))
		wake();
}

void Owner::post_lazily(std::function<void()> work) {
	if (!shared() || on_owner_thread()) {
		post(std::move(work));
		return;
	}
	// Shared: a release, which nobody waits for, goes with the next use of the environment (its
	// end runs what is posted); a use of its own runs a batch of them, so that they never pile up.
	constexpr size_t kBatch = 64;
	size_t queued = 0;
	{
		std::lock_guard lock(mutex_);
		if (!open_.load())
			return;
		lazy_.push_back(std::move(work));
		queued = lazy_count_.fetch_add(1) + 1;
	}
	if (queued >= kBatch)
		run_shared(nullptr, nullptr, false);
}

void Owner::run_task(Task *task) {
	// Work run before may have closed the owner (metacall_destroy): drop the rest.
	if (!open_.load()) {
		finish(task, 2);
		return;
	}
	if (!task->posted)
		task->work(task->data);
	finish(task, 1);
}

void Owner::run_lazy() {
	if (lazy_count_.load(std::memory_order_relaxed) == 0)
		return;
	std::vector<std::function<void()>> batch;
	{
		std::lock_guard lock(mutex_);
		batch.swap(lazy_);
		lazy_count_.store(0);
	}
	for (auto &work : batch)
		if (open_.load()) // work run before may have closed the owner (metacall_destroy)
			work();
	batch.clear();
	std::lock_guard lock(mutex_);
	if (lazy_.empty())
		lazy_.swap(batch); // the buffer back, for the next ones
}

void Owner::run_posted() {
	run_lazy();
	// Inside a use: what is posted now, in order; no time slice (no clock read), no spinning, and
	// the queue's buffer goes back to it, so that a release posted per call allocates no vector.
	std::vector<Task *> batch;
	{
		std::lock_guard lock(mutex_);
		batch.swap(queue_);
		queued_.store(0);
	}
	for (Task *task : batch)
		run_task(task);
	if (Task *task = slot_.exchange(nullptr)) // handed over before the environment was shared
		run_task(task);
	batch.clear();
	std::lock_guard lock(mutex_);
	if (queue_.empty())
		queue_.swap(batch);
}

void Owner::drain() {
	listening_.store(true);
	std::vector<Task *> batch;
	const auto has_work = [this](std::memory_order order) {
		return queued_.load(order) != 0 || slot_.load(order) != nullptr;
	};
	const auto start = Clock::now();
	for (unsigned rounds = 1;; ++rounds) {
		// The clock is read every few rounds only: a round can be a single call of a microsecond.
		if ((rounds & 15) == 0 && Clock::now() - start > kOwnerSlice) {
			listening_.store(false);
			wake(); // drain again after the loop's turn (callers meanwhile queue and wake it too)
			return;
		}
		run_lazy(); // posted while shared, before the environment was taken back
		if (queued_.load() != 0) {
			std::lock_guard lock(mutex_);
			batch.swap(queue_);
			queued_.store(0);
		}
		// Whether a caller waited for this round's work: it is likely to call again at once.
		bool served_caller = false;
		for (Task *task : batch) {
			served_caller = served_caller || !task->posted;
			run_task(task);
		}
		batch.clear();
		if (Task *task = slot_.exchange(nullptr)) {
			served_caller = true;
			run_task(task);
		}
		if (!open_.load()) {
			listening_.store(false);
			return;
		}
		// Posted work (a promise settled from another thread) has nobody waiting, and what it
		// resolved runs only when this returns (Node runs the microtasks after the callback): no
		// poll then, or every `await` of an async host call would wait for it.
		if (spin_ && served_caller &&
		    spin_until([&] { return has_work(std::memory_order_relaxed); }, kOwnerSpin))
			continue;
		listening_.store(false);
		if (!has_work(std::memory_order_seq_cst))
			return;
		listening_.store(true);
	}
}

} // namespace node_loader
