// core tests: a one-shot signal with a timed wait, so tests that cross threads fail instead of
// hanging when the awaited event never comes.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace core_test {

inline constexpr std::chrono::seconds wait_limit{10};

class Signal {
public:
	// Notifies under the lock, so a waiter may destroy the signal as soon as its wait returns.
	void notify() {
		std::lock_guard lock(mutex_);
		set_ = true;
		cv_.notify_all();
	}

	// True when notified within `limit`.
	bool wait(std::chrono::milliseconds limit = wait_limit) {
		std::unique_lock lock(mutex_);
		return cv_.wait_for(lock, limit, [this] { return set_; });
	}

	bool is_set() {
		std::lock_guard lock(mutex_);
		return set_;
	}

private:
	std::mutex mutex_;
	std::condition_variable cv_;
	bool set_ = false;
};

} // namespace core_test
