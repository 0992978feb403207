// Futures: settle once, run continuations on the settling thread (or at once when settled).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace metacall_core {

class Future : public std::enable_shared_from_this<Future> {
public:
	static constexpr std::uint32_t kMagic = 0x4d434655; // "MCFU"

	// (resolved, value): the value is borrowed from the future, which keeps it.
	using Continuation = std::function<void(bool resolved, void *value)>;

	Future() = default;
	~Future();
	Future(const Future &) = delete;
	Future &operator=(const Future &) = delete;

	// The future behind `f` (from metacall_value_to_future), or nullptr after recording an error.
	static Future *from(void *f, const char *api);

	// Takes `value`. False (and `value` destroyed) when the future was already settled.
	bool settle(bool resolved, void *value);
	// Runs `continuation` when the future settles, or now when it has.
	void then(Continuation continuation);
	// Rejects the future with a "CancelledError" throwable saying `why`, and raises the flag that
	// the work which would have settled it reads. False when it was settled already.
	bool cancel(const std::string &why);
	bool cancelled() const { return cancelled_.load(std::memory_order_acquire); }
	// How many futures are running their continuations now, on any thread: metacall_destroy's
	// drain counts them as work in progress (a callback may start more work).
	static std::size_t settling();

private:
	// settle(), and for cancel() also raises the flag, under the same lock as the state change.
	bool settle_once(bool resolved, void *value, bool cancelling);

	enum class State { pending, resolved, rejected };

	std::uint32_t magic_ = kMagic;
	std::mutex mutex_;
	State state_ = State::pending;
	void *value_ = nullptr;
	std::vector<Continuation> continuations_;
	std::atomic<bool> cancelled_{false};
};

// Calls `resolve` or `reject` (metacall_await_callback) with the outcome of `source` and returns a
// new future value settled with the callback's return.
void *chain(const std::shared_ptr<Future> &source, void *(*resolve)(void *, void *),
            void *(*reject)(void *, void *), void *data);

} // namespace metacall_core
