// Async host functions (metacall_registerv_async, metacall_registerv_pool): the futures their
// calls handed out, which metacall_destroy cancels, and the worker pool that runs the blocking
// callbacks of pooled functions off the callers' threads.
#pragma once

#include "future.h"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace metacall_core {

// The pending futures of async host calls. A future leaves when it settles.
class AsyncCalls {
public:
	static AsyncCalls &instance();
	void add(const std::shared_ptr<Future> &future);
	// Cancels every pending one ("CancelledError" saying `why`).
	void cancel_all(const std::string &why);
	// How many are pending (metacall_destroy's drain waits for them).
	std::size_t pending_count();

private:
	std::mutex mutex_;
	std::unordered_map<Future *, std::weak_ptr<Future>> pending_;
};

// Threads that run jobs in order of submission. Started on the first job; stop() waits for the
// running jobs and drops the queued ones (whose futures the caller has cancelled). A worker that
// finished a job polls the queue for a while before it sleeps: calls made back to back (a script
// awaiting one after the other) then find it awake, where waking an idle vCPU costs tens of us.
class WorkerPool {
public:
	static WorkerPool &instance();

	// The number of threads (0: the number of cores). Applies now if started.
	void resize(std::size_t threads);
	// Queues `job`. False when no thread can be started.
	bool submit(std::function<void()> job);
	// Waits for the running jobs, drops the queued ones and ends the threads. submit starts again.
	void stop();

	// The future of the pooled call running on this thread (nullptr elsewhere).
	static Future *current();
	static void set_current(Future *future);

private:
	void work();
	bool start_locked();

	std::mutex mutex_;
	std::condition_variable ready_;
	std::deque<std::function<void()>> queue_;
	std::vector<std::thread> threads_;
	std::size_t wanted_ = 0;
	bool stopping_ = false;
	// Jobs queued (read without the lock by workers that poll), and workers asleep (woken by submit).
	std::atomic<std::size_t> queued_{0};
	std::size_t sleeping_ = 0;
};

} // namespace metacall_core
