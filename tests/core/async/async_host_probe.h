// core tests, async host functions: waiting for a future's outcome from C.
#pragma once

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

namespace async_host_test {

// How a future settled: resolved or rejected, and a copy of its value.
class Outcome {
public:
	Outcome() = default;
	Outcome(const Outcome &) = delete;
	Outcome &operator=(const Outcome &) = delete;
	~Outcome() { metacall_value_destroy(value_); }

	// Waits for `future` (a future value, taken) to settle, for at most 20 s. False on time-out.
	bool wait(void *future) {
		void *chained = metacall_await_future(future, on_resolve, on_reject, this);
		metacall_value_destroy(future);
		metacall_value_destroy(chained);
		std::unique_lock lock(mutex_);
		return settled_.wait_for(lock, std::chrono::seconds(20), [this] { return done_; });
	}
	bool resolved() const { return resolved_; }
	void *value() const { return value_; }
	long as_long() const { return value_ != nullptr ? metacall_value_to_long(value_) : -1; }
	// "Label: message" of a rejection's throwable ("" when it is not one).
	std::string error() const {
		metacall_exception_type exception{};
		if (value_ == nullptr || metacall_error_from_value(value_, &exception) != 0)
			return "";
		return std::string(exception.label) + ": " + exception.message;
	}

private:
	static void *record(void *settled, void *data, bool resolved) {
		auto *outcome = static_cast<Outcome *>(data);
		{
			std::lock_guard lock(outcome->mutex_);
			outcome->value_ = metacall_value_copy(settled);
			outcome->resolved_ = resolved;
			outcome->done_ = true;
		}
		outcome->settled_.notify_all();
		return nullptr;
	}
	static void *on_resolve(void *result, void *data) { return record(result, data, true); }
	static void *on_reject(void *error, void *data) { return record(error, data, false); }

	std::mutex mutex_;
	std::condition_variable settled_;
	bool done_ = false;
	bool resolved_ = false;
	void *value_ = nullptr;
};

} // namespace async_host_test
