// The await probe: callbacks that record a settlement and wake the waiting test.
#include "await_probe.h"

void *AwaitProbe::on_resolve(void *result, void *data) {
	return static_cast<AwaitProbe *>(data)->record(true, result);
}

void *AwaitProbe::on_reject(void *error, void *data) {
	return static_cast<AwaitProbe *>(data)->record(false, error);
}

void *AwaitProbe::record(bool resolved, void *value) {
	std::lock_guard lock(mutex_);
	if (++settlements_ == 1) {
		resolved_ = resolved;
		value_.reset(value == nullptr ? metacall_value_create_null() : metacall_value_copy(value));
	}
	settled_.notify_all();
	void *reply = reply_ ? reply_.get() : value;
	return reply == nullptr ? nullptr : metacall_value_copy(reply);
}

void AwaitProbe::reply_with(ValuePtr reply) {
	std::lock_guard lock(mutex_);
	reply_ = std::move(reply);
}

bool AwaitProbe::wait(std::chrono::milliseconds timeout) {
	std::unique_lock lock(mutex_);
	return settled_.wait_for(lock, timeout, [this] { return settlements_ > 0; });
}

bool AwaitProbe::resolved() const {
	std::lock_guard lock(mutex_);
	return resolved_;
}

int AwaitProbe::settlements() const {
	std::lock_guard lock(mutex_);
	return settlements_;
}

void *AwaitProbe::value() const {
	std::lock_guard lock(mutex_);
	return value_.get();
}
