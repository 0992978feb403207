// The gate every call passes: it counts the calls in flight, so that metacall_destroy can close
// it and wait for them, and it knows how deep the calling thread is in calls.
//
// Calls are the hot path and destroy is rare, so the cost sits with destroy: each thread counts
// its depth with plain stores in a slot of its own, and closing the gate issues one process-wide
// memory barrier (membarrier(2)) before it reads the slots. Where membarrier is unavailable,
// the call path falls back to a full fence.
#pragma once

#include <atomic>
#include <functional>

namespace metacall_core {

class TimedCall;

// One thread's depth in calls. Slots are leased to threads and reused after they exit.
struct CallSlot {
	std::atomic<int> depth{0};
	bool leased = false;
	// The innermost timed call of the thread (watchdog.h), and whether the watchdog is reading it
	// (the call waits for it to finish before it leaves).
	std::atomic<TimedCall *> timed{nullptr};
	std::atomic<bool> watched{false};
};

// The calling thread's slot (leased on its first call).
CallSlot &this_thread_slot();
// Calls visit(CallSlot &) for every slot ever leased (the table's lock is held).
void for_each_slot(const std::function<void(CallSlot &)> &visit);

class CallGate {
public:
	constexpr CallGate() = default;

	// Enters a call on this thread: returns the thread's slot, or nullptr (nothing entered) when
	// the gate is closed.
	CallSlot *enter() {
		CallSlot &slot = this_thread_slot();
		int depth = slot.depth.load(std::memory_order_relaxed);
		slot.depth.store(depth + 1, std::memory_order_relaxed);
		if (asymmetric_.load(std::memory_order_relaxed))
			std::atomic_signal_fence(std::memory_order_seq_cst); // close_and_drain's membarrier pairs with it
		else
			std::atomic_thread_fence(std::memory_order_seq_cst);
		if (open_.load(std::memory_order_relaxed))
			return &slot;
		slot.depth.store(depth, std::memory_order_release);
		return nullptr;
	}

	// Leaves the call entered on `slot` (what enter returned).
	static void leave(CallSlot *slot) {
		slot->depth.store(slot->depth.load(std::memory_order_relaxed) - 1, std::memory_order_release);
	}

	// Opens the gate (starting the registration for membarrier the first time).
	void open();
	// Closes the gate, then waits until no other thread is inside a call, running `while_waiting`
	// between checks (calls that only the waiting thread can complete: see Runtime::destroy).
	void close_and_drain(const std::function<void()> &while_waiting);

	// How many calls the calling thread is inside.
	static int depth() { return this_thread_slot().depth.load(std::memory_order_relaxed); }

private:
	enum class Registration { none, pending, registered, failed }; // of membarrier, once per process

	std::atomic<bool> open_{false};
	std::atomic<bool> asymmetric_{false}; // membarrier registered: the call path needs no fence
	std::atomic<Registration> registration_{Registration::none};
};

// The runtime's gate. Kept outside the Runtime object and constant-initialized, so a call reaches
// it without the runtime's initialization guard.
extern constinit CallGate call_gate;

} // namespace metacall_core
