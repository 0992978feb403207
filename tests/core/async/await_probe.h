// core tests, async: callbacks for metacall_await* that record what they received, on which
// thread, and reply with a chosen value; plus a way to read how a future settled.
#pragma once

#include "../support/owned_value.h"
#include "../support/signal.h"

#include <metacall/metacall.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace async_test {

using core_test::Value;

// Callbacks that ran with data == NULL (they cannot record anything else).
inline std::atomic<int> callbacks_without_data{0};

class AwaitProbe {
public:
	// What a callback returns, given the settled value; by default a copy of it.
	std::function<void *(void *)> resolve_reply = [](void *v) { return metacall_value_copy(v); };
	std::function<void *(void *)> reject_reply = [](void *v) { return metacall_value_copy(v); };

	core_test::Signal ran;
	std::mutex mutex;
	int resolve_runs = 0;
	int reject_runs = 0;
	Value received; // a copy of the settled value the callback got
	std::thread::id thread;

	static void *on_resolve(void *result, void *data) { return record(result, data, true); }
	static void *on_reject(void *error, void *data) { return record(error, data, false); }

	int runs() {
		std::lock_guard lock(mutex);
		return resolve_runs + reject_runs;
	}

private:
	static void *record(void *settled, void *data, bool resolved) {
		if (data == nullptr) {
			++callbacks_without_data;
			return nullptr;
		}
		auto *probe = static_cast<AwaitProbe *>(data);
		void *reply = nullptr;
		{
			std::lock_guard lock(probe->mutex);
			(resolved ? probe->resolve_runs : probe->reject_runs)++;
			probe->received.reset(metacall_value_copy(settled));
			probe->thread = std::this_thread::get_id();
			reply = (resolved ? probe->resolve_reply : probe->reject_reply)(settled);
		}
		probe->ran.notify();
		return reply;
	}
};

// How a future settled, read by awaiting it.
struct Outcome {
	enum State { Pending, Resolved, Rejected } state = Pending;
	Value value; // a copy of what it settled with (NULL value for null)
};

// Waits (bounded) for `future` to settle and reports how. When it does not settle in time the
// probe is deliberately leaked, so a late settlement cannot touch freed memory (the test fails).
inline Outcome outcome_of(void *future, std::chrono::milliseconds limit = core_test::wait_limit) {
	auto probe = std::make_unique<AwaitProbe>();
	Value chained(metacall_await_future(future, AwaitProbe::on_resolve, AwaitProbe::on_reject, probe.get()));
	Outcome result;
	if (chained == nullptr) {
		return result;
	}
	if (!probe->ran.wait(limit)) {
		probe.release();
		return result;
	}
	std::lock_guard lock(probe->mutex);
	result.state = probe->resolve_runs > 0 ? Outcome::Resolved : Outcome::Rejected;
	result.value = std::move(probe->received);
	return result;
}

} // namespace async_test
