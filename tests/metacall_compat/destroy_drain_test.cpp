// metacall_destroy right after metacall_await (issue #20, item 2): hosts written the way MetaCall's
// tests are (only <metacall/metacall.h>) await promises, coroutines and async host calls and
// destroy at once. What settles during the drain reaches its callback; what cannot settle, or is
// still pending when the bound (METACALL_DESTROY_TIMEOUT) passes, is rejected with the reason.
// A test that waits for something that does not come fails by the ctest time limit.
#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

// What the callbacks saw. Static storage: a callback reached after a failed expectation still
// finds it.
struct Tally {
	std::atomic<int> resolved{0};
	std::atomic<int> rejected{0};
	std::atomic<long> sum{0};          // of the resolved numbers
	std::atomic<int> on_destroying{0}; // callbacks run on the thread that called metacall_destroy
	std::thread::id destroying = std::this_thread::get_id();
	std::mutex mutex;
	std::vector<std::string> reasons; // "label: message" of each rejection

	void reset() {
		resolved = rejected = on_destroying = 0;
		sum = 0;
		destroying = std::this_thread::get_id();
		std::lock_guard lock(mutex);
		reasons.clear();
	}
	std::vector<std::string> rejections() {
		std::lock_guard lock(mutex);
		return reasons;
	}
};
Tally tally;

long as_long(void *value) {
	void *copy = metacall_value_copy(value);
	const long number = metacall_value_cast_long(&copy);
	metacall_value_destroy(copy);
	return number;
}

void *count_resolve(void *result, void *data) {
	auto *t = static_cast<Tally *>(data);
	if (std::this_thread::get_id() == t->destroying)
		++t->on_destroying;
	t->sum += as_long(result);
	++t->resolved;
	return metacall_value_copy(result);
}

void *count_reject(void *error, void *data) {
	auto *t = static_cast<Tally *>(data);
	metacall_exception_type ex{};
	std::string text = metacall_error_from_value(error, &ex) == 0 ? std::string(ex.label) + ": " + ex.message
	                                                              : std::string("not an exception");
	{
		std::lock_guard lock(t->mutex);
		t->reasons.push_back(std::move(text));
	}
	++t->rejected;
	return NULL;
}

// metacall_await on `name` with one long argument; the future value is dropped at once, as
// MetaCall's tests do.
void await_one(const char *name, long argument) {
	void *args[] = {metacall_value_create_long(argument)};
	void *future = metacall_await(name, args, count_resolve, count_reject, &tally);
	EXPECT_NE(future, nullptr) << name;
	metacall_value_destroy(future);
	metacall_value_destroy(args[0]);
}

void load(const char *tag, const char *source) {
	ASSERT_EQ(metacall_load_from_memory(tag, source, strlen(source), NULL), 0) << tag << " source";
}

// Sets METACALL_DESTROY_TIMEOUT for one test and restores the default after it.
class DestroyDrain : public testing::Test {
protected:
	void SetUp() override {
		tally.reset();
		ASSERT_EQ(metacall_initialize(), 0);
	}
	void TearDown() override {
		metacall_destroy();
		unsetenv("METACALL_DESTROY_TIMEOUT");
	}
	static void bound(const char *seconds) { setenv("METACALL_DESTROY_TIMEOUT", seconds, 1); }
};

bool mentions(const std::string &text, const char *part) {
	return text.find(part) != std::string::npos;
}

const char kNodeScript[] = R"(
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function later(x) { await delay(100 + x); return x * 2; }
async function fails(x) { await delay(50); throw new TypeError('no ' + x); }
function stuck(x) { return new Promise(() => {}); }
function slow(x) { return new Promise((resolve) => setTimeout(() => resolve(x), 600000)); }
function ticking(x) { setInterval(() => {}, 5); return delay(10).then(() => x); }
function plain(x) { return x + 1; }
module.exports = { later, fails, stuck, slow, ticking, plain };
)";

const char kPythonScript[] = R"(
import asyncio

async def py_later(x):
    await asyncio.sleep(0.1)
    return x * 3

async def py_fails(x):
    await asyncio.sleep(0.05)
    raise ValueError(x)

async def py_slow(x):
    await asyncio.sleep(600)
    return x

def py_plain(x):
    return x - 1
)";

// MetaCall's metacall_node_async_test and metacall_map_await_test: many awaits, one rejection,
// destroy at once; every callback runs, on Node's thread.
TEST_F(DestroyDrain, SettledPromisesReachTheirCallbacks) {
	load("node", kNodeScript);
	for (long i = 0; i < 20; ++i)
		await_one("later", i);
	await_one("fails", 7);
	metacall_destroy();
	EXPECT_EQ(tally.resolved.load(), 20);
	EXPECT_EQ(tally.sum.load(), 2 * (19 * 20 / 2));
	EXPECT_EQ(tally.rejected.load(), 1);
	EXPECT_EQ(tally.on_destroying.load(), 0) << "callbacks run on the thread that settles";
	auto reasons = tally.rejections();
	ASSERT_EQ(reasons.size(), 1u);
	EXPECT_TRUE(mentions(reasons[0], "TypeError: no 7")) << reasons[0];
}

// MetaCall's metacall_node_await_chain_test: sleep(100).then(v => v * 2).then(v => v + 3).
void *double_it(void *result, void *data) {
	++static_cast<Tally *>(data)->resolved;
	return metacall_value_create_long(as_long(result) * 2);
}
void *add_three(void *result, void *data) {
	++static_cast<Tally *>(data)->resolved;
	return metacall_value_create_long(as_long(result) + 3);
}
TEST_F(DestroyDrain, ChainedFuturesAllRun) {
	load("node", kNodeScript);
	void *args[] = {metacall_value_create_long(0)};
	void *f1 = metacall_await("later", args, double_it, NULL, &tally); // later(0) = 0 -> 0
	void *f2 = metacall_await_future(metacall_value_to_future(f1), add_three, NULL, &tally);
	void *f3 = metacall_await_future(metacall_value_to_future(f2), count_resolve, count_reject, &tally);
	metacall_value_destroy(args[0]);
	metacall_value_destroy(f1);
	metacall_value_destroy(f2);
	metacall_value_destroy(f3);
	metacall_destroy();
	EXPECT_EQ(tally.resolved.load(), 3);
	EXPECT_EQ(tally.sum.load(), 3);
	EXPECT_EQ(tally.rejected.load(), 0);
}

// MetaCall's metacall_python_async_test: coroutines awaited, destroy at once.
TEST_F(DestroyDrain, SettledCoroutinesReachTheirCallbacks) {
	load("py", kPythonScript);
	for (long i = 0; i < 10; ++i)
		await_one("py_later", i);
	await_one("py_fails", 15);
	metacall_destroy();
	EXPECT_EQ(tally.resolved.load(), 10);
	EXPECT_EQ(tally.sum.load(), 3 * 45);
	EXPECT_EQ(tally.rejected.load(), 1);
	EXPECT_EQ(tally.on_destroying.load(), 0);
	auto reasons = tally.rejections();
	ASSERT_EQ(reasons.size(), 1u);
	EXPECT_TRUE(mentions(reasons[0], "ValueError")) << reasons[0];
}

// A promise no timer, I/O or other runtime can settle: rejected when the drain finds nothing in
// progress, without waiting for the bound (600 s here: waiting would fail by the ctest limit).
TEST_F(DestroyDrain, APromiseNothingCanSettleIsRejectedWithoutWaiting) {
	bound("600");
	load("node", kNodeScript);
	await_one("stuck", 1);
	metacall_destroy();
	EXPECT_EQ(tally.resolved.load(), 0);
	auto reasons = tally.rejections();
	ASSERT_EQ(reasons.size(), 1u);
	EXPECT_TRUE(mentions(reasons[0], "CancelledError: metacall_destroy")) << reasons[0];
	EXPECT_TRUE(mentions(reasons[0], "nothing left running could settle it")) << reasons[0];
}

// Work that goes on past the bound is rejected when it passes, naming it.
TEST_F(DestroyDrain, WorkStillPendingAfterTheBoundIsRejectedNamingIt) {
	bound("0.3");
	load("node", kNodeScript);
	load("py", kPythonScript);
	await_one("later", 1); // settles well within the bound
	await_one("slow", 2);
	await_one("py_slow", 3);
	metacall_destroy();
	EXPECT_EQ(tally.resolved.load(), 1);
	EXPECT_EQ(tally.sum.load(), 2);
	auto reasons = tally.rejections();
	ASSERT_EQ(reasons.size(), 2u);
	for (const std::string &reason : reasons) {
		EXPECT_TRUE(mentions(reason, "CancelledError: metacall_destroy")) << reason;
		EXPECT_TRUE(mentions(reason, "bound of 0.3 s (METACALL_DESTROY_TIMEOUT)")) << reason;
	}
}

// A script's endless timer keeps the event loop alive for good: the bound ends the drain, the
// teardown stops the timer, and the library starts again afterwards.
TEST_F(DestroyDrain, AnEndlessIntervalDoesNotHangDestroy) {
	bound("0.3");
	load("node", kNodeScript);
	await_one("ticking", 5); // settles; its interval goes on
	metacall_destroy();
	EXPECT_EQ(tally.resolved.load(), 1);
	EXPECT_EQ(tally.sum.load(), 5);
	ASSERT_EQ(metacall_initialize(), 0);
	load("node", kNodeScript);
	void *args[] = {metacall_value_create_long(41)};
	void *result = metacallv_s("plain", args, 1);
	metacall_value_destroy(args[0]);
	ASSERT_NE(result, nullptr);
	EXPECT_EQ(as_long(result), 42);
	metacall_value_destroy(result);
}

// METACALL_DESTROY_TIMEOUT=0: no drain; what is pending is rejected at once, naming the bound.
TEST_F(DestroyDrain, AZeroBoundRejectsPendingWorkAtOnce) {
	bound("0");
	load("node", kNodeScript);
	await_one("later", 300);
	metacall_destroy();
	EXPECT_EQ(tally.resolved.load(), 0);
	auto reasons = tally.rejections();
	ASSERT_EQ(reasons.size(), 1u);
	EXPECT_TRUE(mentions(reasons[0], "bound of 0 s")) << reasons[0];
}

// A host that pumps Node (metacall_pump) destroys on its pumping thread: the drain runs the event
// loop itself, and the callbacks run there.
TEST_F(DestroyDrain, APumpingHostsDestroyRunsTheLoopItself) {
	ASSERT_EQ(metacall_pump("node"), 0);
	load("node", kNodeScript);
	await_one("later", 3);
	await_one("fails", 4);
	metacall_destroy();
	EXPECT_EQ(tally.resolved.load(), 1);
	EXPECT_EQ(tally.sum.load(), 6);
	EXPECT_EQ(tally.rejected.load(), 1);
	EXPECT_EQ(tally.on_destroying.load(), 1) << "the pumping thread settles";
}

// A callback reached during the drain may call (JS and Python) and await again: those work, and
// the second await's callback is reached too.
void *call_and_await(void *result, void *data) {
	auto *t = static_cast<Tally *>(data);
	void *args[] = {metacall_value_create_long(as_long(result))};
	void *js = metacallv_s("plain", args, 1);    // later(10) = 20 -> 21
	void *py = metacallv_s("py_plain", args, 1); // -> 19
	if (js != nullptr && py != nullptr && metacall_value_id(js) != METACALL_THROWABLE &&
	    metacall_value_id(py) != METACALL_THROWABLE)
		t->sum += as_long(js) + as_long(py);
	metacall_value_destroy(js);
	metacall_value_destroy(py);
	void *again = metacall_await("py_later", args, count_resolve, count_reject, t); // -> 60
	metacall_value_destroy(again);
	metacall_value_destroy(args[0]);
	++t->resolved;
	return NULL;
}
TEST_F(DestroyDrain, CallbacksMayCallAndAwaitDuringTheDrain) {
	load("node", kNodeScript);
	load("py", kPythonScript);
	void *args[] = {metacall_value_create_long(10)};
	void *future = metacall_await("later", args, call_and_await, count_reject, &tally);
	metacall_value_destroy(args[0]);
	metacall_value_destroy(future);
	metacall_destroy();
	EXPECT_EQ(tally.rejected.load(), 0) << (tally.rejections().empty() ? "" : tally.rejections()[0]);
	EXPECT_EQ(tally.resolved.load(), 2);
	EXPECT_EQ(tally.sum.load(), 21 + 19 + 60);
}

// MetaCall's metacall_node_python_async_after_destroy_test: JS timers that call Python run during
// the drain (here through a Python function handed to JS), and MetaCall's
// metacall_node_python_await_test: JS awaits a coroutine while destroy drains.
void *record_call(size_t argc, void *argv[], void *data) {
	auto *t = static_cast<Tally *>(data);
	for (size_t i = 0; i < argc; ++i)
		t->sum += as_long(argv[i]);
	++t->resolved;
	return metacall_value_create_null();
}
TEST_F(DestroyDrain, TimersCallAcrossLanguagesDuringTheDrain) {
	load("py", kPythonScript);
	load("node", R"(
function schedule(pyPlain, pyLater, record) {
  setTimeout(() => record(pyPlain(8)), 100);                  // 7
  setTimeout(async () => record(await pyLater(5)), 200);      // 15
  setTimeout(() => setTimeout(() => record(pyPlain(1)), 100), 100); // 0
}
module.exports = { schedule };
)");
	void *recorder = nullptr;
	enum metacall_value_id one_long[] = {METACALL_LONG};
	ASSERT_EQ(metacall_registerv_closure(NULL, record_call, &tally, &recorder, METACALL_NULL, 1, one_long),
	          0);
	void *args[] = {metacall_value_create_function(metacall_function("py_plain")),
	                metacall_value_create_function(metacall_function("py_later")),
	                metacall_value_create_function(recorder)};
	void *result = metacallv_s("schedule", args, 3);
	for (void *arg : args)
		metacall_value_destroy(arg);
	ASSERT_NE(result, nullptr);
	metacall_value_destroy(result);
	metacall_destroy();
	EXPECT_EQ(tally.resolved.load(), 3);
	EXPECT_EQ(tally.sum.load(), 7 + 15 + 0);
	EXPECT_TRUE(tally.rejections().empty());
}

// Async host functions: a pooled call still running settles during the drain; one that only
// stops when cancelled is cancelled when the bound passes, naming it.
void *pooled_triple(size_t, void *argv[], void *) {
	std::this_thread::sleep_for(std::chrono::milliseconds(100));
	return metacall_value_create_long(metacall_value_to_long(argv[0]) * 3);
}
void *pooled_until_cancelled(size_t, void *[], void *) {
	const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
	while (metacall_pool_cancelled() == 0 && std::chrono::steady_clock::now() < until)
		std::this_thread::sleep_for(std::chrono::milliseconds(1));
	return metacall_value_create_long(-1);
}
TEST_F(DestroyDrain, AsyncHostCallsSettleOrAreCancelledAtTheBound) {
	bound("0.5");
	enum metacall_value_id one_long[] = {METACALL_LONG};
	void *triple = nullptr, *endless = nullptr;
	ASSERT_EQ(metacall_registerv_pool("triple", pooled_triple, NULL, &triple, METACALL_LONG, 1, one_long), 0);
	ASSERT_EQ(
	    metacall_registerv_pool("endless", pooled_until_cancelled, NULL, &endless, METACALL_LONG, 0, NULL),
	    0);
	await_one("triple", 4);
	void *future = metacallfv_await_s(endless, NULL, 0, count_resolve, count_reject, &tally);
	metacall_value_destroy(future);
	metacall_destroy();
	EXPECT_EQ(tally.resolved.load(), 1);
	EXPECT_EQ(tally.sum.load(), 12);
	auto reasons = tally.rejections();
	ASSERT_EQ(reasons.size(), 1u);
	EXPECT_TRUE(mentions(reasons[0], "CancelledError: metacall_destroy")) << reasons[0];
	EXPECT_TRUE(mentions(reasons[0], "METACALL_DESTROY_TIMEOUT")) << reasons[0];
}

} // namespace
