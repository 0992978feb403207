#include "watchdog.h"

#include "call_gate.h"
#include "runtime.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>

namespace metacall_core {
namespace {

std::int64_t now_ns() {
	return std::chrono::duration_cast<std::chrono::nanoseconds>(
	           std::chrono::steady_clock::now().time_since_epoch())
	    .count();
}

// How often the watchdog looks at the deadlines while timed calls are made, and how long it goes
// on looking after the last one (so that calls made back to back never have to wake it).
constexpr auto kPeriod = std::chrono::milliseconds(2);
constexpr auto kLinger = std::chrono::milliseconds(500);

class Watchdog {
public:
	static Watchdog &instance() {
		// Never destroyed: its thread may still run during process exit.
		static Watchdog *const watchdog = new Watchdog;
		return *watchdog;
	}

	// A timed call was published (seq_cst, before this): wake the thread if it sleeps.
	void published() {
		if (sleeping_.load(std::memory_order_seq_cst))
			wake();
	}

private:
	void wake() {
		{
			std::lock_guard lock(mutex_);
			woken_ = true;
			if (!started_) {
				started_ = true;
				try {
					std::thread([this] { run(); }).detach();
				} catch (const std::system_error &) { // no thread: calls run without their limit
					started_ = false;
					return;
				}
			}
		}
		wake_.notify_one();
	}

	// True when some thread is in a timed call; fires the ones past their deadline.
	bool scan() {
		bool any = false;
		const std::int64_t now = now_ns();
		for_each_slot([&](CallSlot &slot) {
			slot.watched.store(true, std::memory_order_seq_cst);
			if (TimedCall *call = slot.timed.load(std::memory_order_seq_cst)) {
				any = true;
				if (call->deadline() <= now && !call->fired())
					call->fire();
			}
			slot.watched.store(false, std::memory_order_release);
		});
		return any;
	}

	void run() {
		this_thread_slot(); // leased now: scan() holds the slot table's lock when fire() enters a call
		auto last_seen = std::chrono::steady_clock::now();
		for (;;) {
			if (scan())
				last_seen = std::chrono::steady_clock::now();
			if (std::chrono::steady_clock::now() - last_seen < kLinger) {
				std::this_thread::sleep_for(kPeriod);
				continue;
			}
			// Nothing timed for a while: sleep. A call published after our last scan either sees
			// sleeping_ (and wakes us) or is seen by the scan below (seq_cst on both sides).
			std::unique_lock lock(mutex_);
			woken_ = false;
			sleeping_.store(true, std::memory_order_seq_cst);
			lock.unlock();
			if (!scan()) {
				lock.lock();
				wake_.wait(lock, [this] { return woken_; });
				lock.unlock();
			}
			sleeping_.store(false, std::memory_order_seq_cst);
			last_seen = std::chrono::steady_clock::now();
		}
	}

	std::atomic<bool> sleeping_{true}; // true until the thread runs: the first call starts it
	std::mutex mutex_;
	std::condition_variable wake_;
	bool woken_ = false;
	bool started_ = false;
};

} // namespace

TimedCall::TimedCall(unsigned long ms, const metacall_loader_interface &table, void *state)
    : slot_(this_thread_slot()), table_(table), state_(state), origin_(&slot_) {
	deadline_ = now_ns() + static_cast<std::int64_t>(ms) * 1000000;
	outer_ = slot_.timed.load(std::memory_order_relaxed);
	if (outer_ != nullptr && outer_->deadline_ <= deadline_)
		return; // the outer call's deadline comes first
	installed_ = true;
	slot_.timed.store(this, std::memory_order_seq_cst);
	Watchdog::instance().published();
}

TimedCall::~TimedCall() {
	if (!installed_)
		return;
	slot_.timed.store(outer_, std::memory_order_seq_cst);
	// The watchdog may be reading this record: wait until it is done (it never blocks for long).
	while (slot_.watched.load(std::memory_order_seq_cst))
		std::this_thread::yield();
}

void TimedCall::fire() {
	// Inside the call gate, so metacall_destroy cannot stop the loader meanwhile (the call itself
	// is still in flight, which already keeps it; this keeps the watchdog honest on its own).
	CallScope scope(nullptr);
	if (!scope || table_.interrupt == nullptr)
		return;
	// Set first: the call may end as soon as it is stopped, and reads it then. Nothing running for
	// this thread yet (a call still waiting for its runtime's thread): asked again at the next look.
	fired_.store(true, std::memory_order_release);
	if (table_.interrupt(state_, origin_) == 0)
		fired_.store(false, std::memory_order_release);
}

} // namespace metacall_core
