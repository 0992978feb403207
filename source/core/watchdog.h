// Call time limits (metacall_handle_limits): the calling thread publishes the deadline of the call
// it makes, and one watchdog thread asks the call's loader to stop the calls of that thread once
// the deadline has passed (the loader's interrupt entry, with the thread's call origin).
//
// The call path pays for a clock read and two stores: the deadline lives in a record on the
// caller's stack, published through its thread's call slot. The watchdog polls while timed calls
// are made and sleeps once none was seen for a while, so an idle process has no timer running.
#pragma once

#include <metacall/metacall_loader.h>

#include <atomic>
#include <cstdint>

namespace metacall_core {

struct CallSlot;

// RAII on the calling thread, around one call of a loader's function with a time limit.
class TimedCall {
public:
	// Arms a deadline `ms` from now for a call of the loader (`table`, `state`). A call nested in a
	// timed call with an earlier deadline arms nothing: the outer deadline already covers it.
	TimedCall(unsigned long ms, const metacall_loader_interface &table, void *state);
	~TimedCall();
	TimedCall(const TimedCall &) = delete;
	TimedCall &operator=(const TimedCall &) = delete;

	// Whether the watchdog asked the loader to stop this call.
	bool fired() const { return fired_.load(std::memory_order_acquire); }

	// ---- the watchdog's ----
	std::int64_t deadline() const { return deadline_; }
	// Asks the loader to stop the call, once. Called with the call still in flight.
	void fire();

private:
	CallSlot &slot_;
	TimedCall *outer_ = nullptr;
	bool installed_ = false;
	std::int64_t deadline_ = 0; // steady clock, ns
	const metacall_loader_interface &table_;
	void *state_;
	const void *origin_;
	std::atomic<bool> fired_{false};
};

} // namespace metacall_core
