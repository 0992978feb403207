#include "future.h"

#include "error.h"
#include "value.h"

#include <metacall/metacall.h>

namespace metacall_core {
namespace {

std::atomic<std::size_t> settling_now{0};
thread_local std::size_t settling_here = 0; // of them, on this thread (a destroy from a callback)

// RAII: one future running its continuations.
struct Settling {
	Settling() {
		settling_now.fetch_add(1, std::memory_order_acq_rel);
		++settling_here;
	}
	~Settling() {
		--settling_here;
		settling_now.fetch_sub(1, std::memory_order_acq_rel);
	}
	Settling(const Settling &) = delete;
	Settling &operator=(const Settling &) = delete;
};

} // namespace

std::size_t Future::settling() {
	return settling_now.load(std::memory_order_acquire) - settling_here;
}

Future::~Future() {
	destroy_value(value_);
	magic_ = 0;
}

Future *Future::from(void *f, const char *api) {
	auto *future = static_cast<Future *>(f);
	if (future == nullptr || future->magic_ != kMagic) {
		set_errorf("TypeError", "%s: the pointer is not a future (use metacall_value_to_future)", api);
		return nullptr;
	}
	return future;
}

bool Future::settle(bool resolved, void *value) {
	return settle_once(resolved, value, false);
}

bool Future::settle_once(bool resolved, void *value, bool cancelling) {
	if (value == nullptr)
		value = Value::create(METACALL_NULL);
	std::vector<Continuation> ready;
	{
		std::lock_guard lock(mutex_);
		if (state_ != State::pending) {
			destroy_value(value);
			return false;
		}
		// The flag and the rejection in one step: work that reads the flag and settles at once
		// finds the future settled, never beats the cancellation to it.
		if (cancelling)
			cancelled_.store(true, std::memory_order_release);
		state_ = resolved ? State::resolved : State::rejected;
		value_ = value;
		ready.swap(continuations_);
	}
	// Outside the lock: continuations may add continuations or settle other futures.
	if (ready.empty())
		return true;
	auto keep_alive = shared_from_this();
	Settling settling;
	for (auto &continuation : ready)
		continuation(resolved, value);
	return true;
}

void Future::then(Continuation continuation) {
	{
		std::lock_guard lock(mutex_);
		if (state_ == State::pending) {
			continuations_.push_back(std::move(continuation));
			return;
		}
	}
	continuation(state_ == State::resolved, value_);
}

bool Future::cancel(const std::string &why) {
	{
		std::lock_guard lock(mutex_);
		if (state_ != State::pending)
			return false;
	}
	return settle_once(false, make_throwable("CancelledError", why), true);
}

void *chain(const std::shared_ptr<Future> &source, void *(*resolve)(void *, void *),
            void *(*reject)(void *, void *), void *data) {
	auto target = std::make_shared<Future>();
	source->then([target, resolve, reject, data](bool resolved, void *value) {
		auto callback = resolved ? resolve : reject;
		if (callback == nullptr) { // no callback: the outcome passes through
			if (Value *copy = static_cast<Value *>(value)->copy())
				target->settle(resolved, copy);
			else // too deeply nested to copy: the error instead
				target->settle(false, metacall_error_throw("RecursionError", 0, nullptr,
				                                           "the outcome is nested more than %d levels deep",
				                                           METACALL_VALUE_MAX_DEPTH));
			return;
		}
		void *result = callback(value, data);
		bool rejected = result != nullptr && metacall_value_id(result) == METACALL_THROWABLE;
		target->settle(!rejected, result);
	});
	return Value::create_future(std::move(target));
}

} // namespace metacall_core

using namespace metacall_core;

extern "C" {

void *metacall_future_create(void) {
	return Value::create_future(std::make_shared<Future>());
}

static int settle_value(void *future, void *result, bool resolved, const char *api) {
	if (result != nullptr && Value::from(result, api) == nullptr)
		return 1; // not a value: nothing we may destroy
	Value *value = Value::from(future, METACALL_FUTURE, api);
	if (value == nullptr) {
		destroy_value(result);
		return 1;
	}
	if (!value->future()->settle(resolved, result)) {
		set_errorf("FutureError", "%s: the future is already settled", api);
		return 1;
	}
	return 0;
}

int metacall_future_resolve(void *future, void *result) {
	return settle_value(future, result, true, "metacall_future_resolve");
}

int metacall_future_reject(void *future, void *error) {
	return settle_value(future, error, false, "metacall_future_reject");
}

int metacall_future_cancel(void *future) {
	Value *value = Value::from(future, METACALL_FUTURE, "metacall_future_cancel");
	if (value == nullptr)
		return 1;
	if (!value->future()->cancel("the call was cancelled (metacall_future_cancel)")) {
		set_error("FutureError", "metacall_future_cancel: the future is already settled");
		return 1;
	}
	return 0;
}

int metacall_future_cancelled(void *future) {
	Value *value = Value::from(future, METACALL_FUTURE, "metacall_future_cancelled");
	if (value == nullptr)
		return -1;
	return value->future()->cancelled() ? 1 : 0;
}

} // extern "C"
