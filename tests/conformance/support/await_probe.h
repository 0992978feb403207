// Records how a future settled, for the async cases. Waits with a timeout so that a broken
// implementation fails the test instead of hanging it.
#ifndef CONFORMANCE_AWAIT_PROBE_H
#define CONFORMANCE_AWAIT_PROBE_H

#include "values.h"

#include <chrono>
#include <condition_variable>
#include <mutex>

class AwaitProbe {
public:
	// The callbacks for metacall_await & co., with the probe as `data`. Each records a copy of the
	// settled value and returns the reply (see reply_with), or a copy of the settled value.
	static void *on_resolve(void *result, void *data);
	static void *on_reject(void *error, void *data);

	// What the callbacks return from now on (copied at each call): the await call's own future
	// settles with it.
	void reply_with(ValuePtr reply);

	// Waits until a callback ran; false after `timeout`.
	bool wait(std::chrono::milliseconds timeout = std::chrono::seconds(10));

	bool resolved() const;
	int settlements() const; // how many times a callback ran (must be 1)
	void *value() const;     // the settled value (owned by the probe), NULL before

private:
	void *record(bool resolved, void *value);

	mutable std::mutex mutex_;
	std::condition_variable settled_;
	int settlements_ = 0;
	bool resolved_ = false;
	ValuePtr value_;
	ValuePtr reply_;
};

#endif
