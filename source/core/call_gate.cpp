#include "call_gate.h"

#include "fast_tls.h"

#include <chrono>
#include <linux/membarrier.h>
#include <memory>
#include <mutex>
#include <sys/syscall.h>
#include <system_error>
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
	// Never destroyed: a thread may still call, and metacall_destroy may run from an atexit handler,
	// after the static destructors ran.
	static SlotTable *const instance = new SlotTable;
	return *instance;
}

// Plain data, so the fast path reads it with one TLS access and no initialization guard.
METACALL_FAST_TLS thread_local CallSlot *current_slot = nullptr;

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

void for_each_slot(const std::function<void(CallSlot &)> &visit) {
	SlotTable &slots = table();
	std::lock_guard lock(slots.mutex);
	for (auto &slot : slots.slots)
		visit(*slot);
}

constinit CallGate call_gate;

void CallGate::open() {
	// Registering for membarrier costs a kernel grace period (7 ms here) once the process has
	// threads, as every host that embeds V8 or Python has: it runs once, on a thread of its own,
	// so that metacall_initialize does not wait for it. Until it is done the call path fences.
	static std::once_flag once;
	std::call_once(once, [this] {
		registration_.store(Registration::pending, std::memory_order_seq_cst);
		try {
			std::thread([this] {
				const bool registered = register_membarrier();
				if (registered)
					asymmetric_.store(true, std::memory_order_seq_cst);
				registration_.store(registered ? Registration::registered : Registration::failed,
				                    std::memory_order_seq_cst);
			}).detach();
		} catch (const std::system_error &) { // no thread to be had: calls keep their fence
			registration_.store(Registration::failed, std::memory_order_seq_cst);
		}
	});
	open_.store(true, std::memory_order_seq_cst);
}

void CallGate::close_and_drain(const std::function<void()> &while_waiting) {
	open_.store(false, std::memory_order_seq_cst);
	// A registration under way decides which callers fence: wait for its outcome (it takes a few
	// milliseconds, once per process).
	while (registration_.load(std::memory_order_seq_cst) == Registration::pending)
		std::this_thread::sleep_for(std::chrono::microseconds(100));
	// Every running thread passes a full barrier: its depth store is visible to us now, or it
	// will see the gate closed.
	if (registration_.load(std::memory_order_seq_cst) == Registration::registered)
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
