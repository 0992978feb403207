#include "call_gate.h"

#include <chrono>
#include <linux/membarrier.h>
#include <memory>
#include <mutex>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace metacall_core {
namespace {

// Every slot ever leased. Slots are never freed (a few bytes each, reused by later threads), so
// a slot pointer stays valid even for a thread that calls during process exit.
struct SlotTable {
	std::mutex mutex;
	std::vector<std::unique_ptr<CallSlot>> slots;
};

SlotTable &table() {
	static SlotTable instance;
	return instance;
}

// Plain data, so the fast path reads it with one TLS access and no initialization guard.
thread_local CallSlot *current_slot = nullptr;

// Returns the thread's slot to the table when the thread exits.
struct SlotLease {
	~SlotLease() {
		if (current_slot == nullptr)
			return;
		std::lock_guard lock(table().mutex);
		current_slot->depth.store(0, std::memory_order_release);
		current_slot->leased = false;
		current_slot = nullptr;
	}
};

[[gnu::noinline]] CallSlot &lease_slot() {
	thread_local SlotLease lease;
	(void)lease;
	SlotTable &slots = table();
	std::lock_guard lock(slots.mutex);
	CallSlot *found = nullptr;
	for (auto &slot : slots.slots)
		if (!slot->leased) {
			found = slot.get();
			break;
		}
	if (found == nullptr)
		found = slots.slots.emplace_back(std::make_unique<CallSlot>()).get();
	found->leased = true;
	current_slot = found;
	return *found;
}

bool register_membarrier() {
	return syscall(__NR_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0;
}

} // namespace

CallSlot &this_thread_slot() {
	CallSlot *slot = current_slot;
	return slot != nullptr ? *slot : lease_slot();
}

constinit CallGate call_gate;

void CallGate::open() {
	static const bool registered = register_membarrier();
	asymmetric_.store(registered, std::memory_order_relaxed);
	open_.store(true, std::memory_order_seq_cst);
}

void CallGate::close_and_drain(const std::function<void()> &while_waiting) {
	open_.store(false, std::memory_order_seq_cst);
	// Every running thread passes a full barrier: its depth store is visible to us now, or it
	// will see the gate closed.
	if (asymmetric_.load(std::memory_order_relaxed))
		syscall(__NR_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
	CallSlot *mine = current_slot;
	SlotTable &slots = table();
	for (;;) {
		bool busy = false;
		{
			std::lock_guard lock(slots.mutex);
			for (auto &slot : slots.slots)
				if (slot.get() != mine && slot->depth.load(std::memory_order_acquire) > 0)
					busy = true;
		}
		if (!busy)
			return;
		while_waiting();
		std::this_thread::sleep_for(std::chrono::microseconds(50));
	}
}

} // namespace metacall_core
