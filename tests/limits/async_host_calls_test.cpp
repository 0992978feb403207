// Async host functions called from JS and Python: the call returns a Promise / an awaitable at
// once; 1,000 of them in flight resolve in the order the host completes them, with their values; a
// host worker that throws rejects with its message.
#include "limits_test.h"

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

using namespace limits_test;

namespace {

constexpr char kJsCallers[] = R"js(
module.exports = {
  many: async function many(hostAdd, n) {
    const order = [];
    const pending = [];
    for (let i = 0; i < n; i++)
      pending.push(hostAdd(i, 1000).then((v) => {
        if (Number(v) !== i + 1000) throw new Error(`call ${i} got ${v}`);
        order.push(i);
      }));
    await Promise.all(pending);
    return order;
  },
  failing: async function failing(hostThrow) {
    try { await hostThrow(41, 0); return 'resolved'; } catch (e) { return `${e.name}: ${e.message}`; }
  },
  isPromise: function isPromise(hostAdd) { const p = hostAdd(1, 2); return p instanceof Promise; },
};
)js";

constexpr char kPyCallers[] = R"py(
import asyncio

async def many(host_add, n):
    order = []
    async def one(i):
        v = await host_add(i, 1000)
        if v != i + 1000:
            raise ValueError(f"call {i} got {v}")
        order.append(i)
    await asyncio.gather(*(one(i) for i in range(n)))
    return order

async def failing(host_throw):
    try:
        await host_throw(41, 0)
        return "resolved"
    except Exception as error:
        return f"{type(error).__name__}: {error}"

def blocking(host_add):
    return host_add(2, 3).result(timeout=20)

def is_awaitable(host_add):
    import inspect
    return inspect.isawaitable(host_add(1, 2))
)py";

// The host's async add: each call completes after a delay of its own (so that the order of
// completion is not the order of the calls), settled by one thread in the order of the delays,
// which start once `expected` calls were made: every future is then pending when its caller
// attaches to it (a future settled before that gives its value at once, ahead of the ones settled
// before it, which is right but not what this test checks). The order is recorded as the futures
// are settled.
class DelayedAdder {
public:
	explicit DelayedAdder(size_t expected) : expected_(expected), thread_([this] { run(); }) {}
	~DelayedAdder() {
		{
			std::lock_guard lock(mutex_);
			stop_ = true;
		}
		wake_.notify_all();
		thread_.join();
		for (auto &[delay, job] : jobs_) // left over (none when the test passed)
			metacall_value_destroy(job.future);
	}
	static void start(size_t, void *argv[], void *future, void *data) {
		auto *self = static_cast<DelayedAdder *>(data);
		const long i = metacall_value_to_long(argv[0]);
		const auto delay = std::chrono::microseconds(2000 + (i * 37 % 50) * 100); // 2 to 6.9 ms
		{
			std::lock_guard lock(self->mutex_);
			self->jobs_.emplace(delay, Job{future, i, i + metacall_value_to_long(argv[1])});
		}
		self->wake_.notify_all();
	}
	std::vector<long> completed() {
		std::lock_guard lock(mutex_);
		return completed_;
	}

private:
	struct Job {
		void *future;
		long index, sum;
	};
	void run() {
		std::unique_lock lock(mutex_);
		wake_.wait(lock, [this] { return stop_ || jobs_.size() >= expected_; });
		const auto opened = std::chrono::steady_clock::now();
		while (!stop_ && !jobs_.empty()) {
			auto first = jobs_.begin();
			if (opened + first->first > std::chrono::steady_clock::now()) {
				wake_.wait_until(lock, opened + first->first);
				continue;
			}
			Job job = first->second;
			jobs_.erase(first);
			completed_.push_back(job.index);
			// Settled under the lock: the order recorded is the order the callers see.
			metacall_future_resolve(job.future, metacall_value_create_long(job.sum));
			metacall_value_destroy(job.future);
		}
	}

	const size_t expected_;
	std::mutex mutex_;
	std::condition_variable wake_;
	std::multimap<std::chrono::microseconds, Job> jobs_;
	std::vector<long> completed_;
	bool stop_ = false;
	std::thread thread_;
};

void *pooled_throw(size_t, void *argv[], void *) {
	return metacall_error_throw("ValueError", 0, nullptr, "cannot take %ld", metacall_value_to_long(argv[0]));
}

// The outcome of a future (taken), waited for at most 30 s: resolved or not, and a copy of it.
struct Settled {
	bool done = false, resolved = false;
	ValuePtr value;
};
Settled wait_for(void *future) {
	struct Waiter {
		std::mutex mutex;
		std::condition_variable cv;
		Settled settled;
		static void *record(void *v, void *data, bool resolved) {
			auto *self = static_cast<Waiter *>(data);
			std::lock_guard lock(self->mutex);
			self->settled.value.reset(metacall_value_copy(v));
			self->settled.resolved = resolved;
			self->settled.done = true;
			self->cv.notify_all();
			return nullptr;
		}
	};
	auto waiter = std::make_shared<Waiter>(); // the callbacks may outlive a failed wait
	auto holder = new std::shared_ptr<Waiter>(waiter);
	void *chained = metacall_await_future(
	    future,
	    [](void *v, void *data) {
		    auto owner =
		        std::unique_ptr<std::shared_ptr<Waiter>>(static_cast<std::shared_ptr<Waiter> *>(data));
		    return Waiter::record(v, owner->get(), true);
	    },
	    [](void *v, void *data) {
		    auto owner =
		        std::unique_ptr<std::shared_ptr<Waiter>>(static_cast<std::shared_ptr<Waiter> *>(data));
		    return Waiter::record(v, owner->get(), false);
	    },
	    holder);
	metacall_value_destroy(chained);
	metacall_value_destroy(future);
	std::unique_lock lock(waiter->mutex);
	waiter->cv.wait_for(lock, std::chrono::seconds(30), [&] { return waiter->settled.done; });
	return std::move(waiter->settled);
}

std::vector<long> longs_of(void *array) {
	std::vector<long> out;
	if (array == nullptr || metacall_value_id(array) != METACALL_ARRAY)
		return out;
	void **items = metacall_value_to_array(array);
	for (size_t i = 0; i < metacall_value_count(array); ++i)
		out.push_back(metacall_value_id(items[i]) == METACALL_DOUBLE
		                  ? static_cast<long>(metacall_value_to_double(items[i]))
		                  : metacall_value_to_long(items[i]));
	return out;
}

class AsyncHostCalls : public ::testing::TestWithParam<const char *> {
protected:
	void SetUp() override {
		ASSERT_EQ(metacall_initialize(), 0);
		const std::string source = GetParam() == std::string("node") ? kJsCallers : kPyCallers;
		ASSERT_EQ(metacall_load_from_memory(GetParam(), source.data(), source.size(), &handle_), 0);
	}
	void TearDown() override { metacall_destroy(); }
	void *handle_ = nullptr;
};

enum metacall_value_id two_longs[] = {METACALL_LONG, METACALL_LONG};

} // namespace

TEST_P(AsyncHostCalls, AThousandCallsInFlightResolveInTheOrderOfCompletionWithTheirValues) {
	DelayedAdder adder(1000);
	void *host_add = nullptr;
	ASSERT_EQ(metacall_registerv_async(nullptr, DelayedAdder::start, &adder, &host_add, METACALL_LONG, 2,
	                                   two_longs),
	          0);
	Args args{metacall_value_create_function(host_add), metacall_value_create_long(1000)};
	ValuePtr future(metacallhv_s(handle_, "many", args.data(), args.size()));
	ASSERT_NE(future, nullptr);
	ASSERT_EQ(metacall_value_id(future.get()), METACALL_FUTURE);
	Settled settled = wait_for(future.release());
	ASSERT_TRUE(settled.done);
	ASSERT_TRUE(settled.resolved) << (settled.value ? metacall_value_type_name(settled.value.get()) : "");
	const std::vector<long> seen = longs_of(settled.value.get());
	const std::vector<long> completed = adder.completed();
	ASSERT_EQ(seen.size(), 1000u);
	EXPECT_EQ(seen, completed);
	std::vector<long> calls(1000);
	for (long i = 0; i < 1000; ++i)
		calls[i] = i;
	EXPECT_NE(completed, calls); // the delays did reorder them: the check above means something
}

TEST_P(AsyncHostCalls, APooledWorkerThatThrowsRejectsWithItsMessage) {
	void *host_throw = nullptr;
	ASSERT_EQ(
	    metacall_registerv_pool(nullptr, pooled_throw, nullptr, &host_throw, METACALL_LONG, 2, two_longs), 0);
	Args args{metacall_value_create_function(host_throw)};
	Settled settled = wait_for(metacallhv_s(handle_, "failing", args.data(), args.size()));
	ASSERT_TRUE(settled.done);
	ASSERT_TRUE(settled.resolved);
	ASSERT_EQ(metacall_value_id(settled.value.get()), METACALL_STRING);
	EXPECT_STREQ(metacall_value_to_string(settled.value.get()), "ValueError: cannot take 41");
}

TEST_P(AsyncHostCalls, TheCallReturnsAPromiseOrAnAwaitable) {
	DelayedAdder adder(1);
	void *host_add = nullptr;
	ASSERT_EQ(metacall_registerv_async(nullptr, DelayedAdder::start, &adder, &host_add, METACALL_LONG, 2,
	                                   two_longs),
	          0);
	Args args{metacall_value_create_function(host_add)};
	ValuePtr result(metacallhv_s(handle_, GetParam() == std::string("node") ? "isPromise" : "is_awaitable",
	                             args.data(), args.size()));
	ASSERT_NE(result, nullptr);
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_BOOL);
	EXPECT_TRUE(metacall_value_to_bool(result.get()));
}

TEST(AsyncHostCallsPy, SynchronousPythonWaitsWithResultAndOtherThreadsRun) {
	ASSERT_EQ(metacall_initialize(), 0);
	const std::string source = kPyCallers;
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_memory("py", source.data(), source.size(), &handle), 0);
	DelayedAdder adder(1);
	void *host_add = nullptr;
	ASSERT_EQ(metacall_registerv_async(nullptr, DelayedAdder::start, &adder, &host_add, METACALL_LONG, 2,
	                                   two_longs),
	          0);
	Args args{metacall_value_create_function(host_add)};
	ValuePtr result(metacallhv_s(handle, "blocking", args.data(), args.size()));
	ASSERT_NE(result, nullptr);
	EXPECT_EQ(metacall_value_id(result.get()), METACALL_LONG);
	EXPECT_EQ(metacall_value_to_long(result.get()), 5);
	metacall_destroy();
}

INSTANTIATE_TEST_SUITE_P(Loaders, AsyncHostCalls, ::testing::Values("node", "py"),
                         [](const auto &info) { return std::string(info.param); });
