// Issue #15's figures.
//  - An async host function's round trip from JS: `await hostAdd(1, 2)` in a loop, where hostAdd
//    is registered with metacall_registerv_pool (the sum runs on libmetacall's worker pool), against
//    the same loop over an addon's addAsync built on napi_async_work (the sum runs on libuv's
//    thread pool), in the same Node environment of the same run. Node runs on the loader's own
//    thread; each iteration is one batch of kBatch round trips, timed from C (wall clock).
//  - What a time limit (metacall_handle_limits) adds to a normal call: add(a, b) of a Python
//    handle through metacallfv_s, with no limit and with a limit of 10 s.
#include <metacall/metacall.h>

#include <benchmark/benchmark.h>

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>

#ifndef ASYNC_BENCHMARK_ADDON
#  error "ASYNC_BENCHMARK_ADDON must name async_work_addon.node"
#endif

namespace {

constexpr long kBatch = 100;

[[noreturn]] void fail(const char *what) {
	metacall_exception_type error{};
	std::fprintf(stderr, "%s: %s\n", what, metacall_error_last(&error) == 0 ? error.message : "no reason");
	std::exit(1);
}

const std::string kJs = std::string(R"js(
const addon = { exports: {} };
process.dlopen(addon, ')js") +
                        ASYNC_BENCHMARK_ADDON + R"js(');
async function roundTrips(fn, n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Number(await fn(1, 2));
  return sum;
}
module.exports = {
  hostRoundTrips: function hostRoundTrips(hostAdd, n) { return roundTrips(hostAdd, n); },
  napiRoundTrips: function napiRoundTrips(n) { return roundTrips(addon.exports.addAsync, n); },
};
)js";

constexpr char kPy[] = "def add(a, b):\n    return a + b\n";

void *host_round_trips = nullptr, *napi_round_trips = nullptr, *host_add_value = nullptr;
void *inline_add_value = nullptr;
void *py_add_free = nullptr, *py_add_limited = nullptr;

void *pooled_add(size_t, void *argv[], void *) {
	return metacall_value_create_long(metacall_value_to_long(argv[0]) + metacall_value_to_long(argv[1]));
}

// The same sum settled at once, on the calling (JS) thread: the round trip without a thread hop.
void settled_add(size_t, void *argv[], void *future, void *) {
	metacall_future_resolve(future, metacall_value_create_long(metacall_value_to_long(argv[0]) +
	                                                           metacall_value_to_long(argv[1])));
	metacall_value_destroy(future);
}

// Calls `func` (an async JS function) and waits for its future; the sum of the batch.
double run_batch(void *func, void *args[], size_t size) {
	struct Wait {
		std::mutex mutex;
		std::condition_variable cv;
		bool done = false;
		double sum = -1;
		static void *settled(void *v, void *data) {
			auto *self = static_cast<Wait *>(data);
			std::lock_guard lock(self->mutex);
			self->sum = metacall_value_id(v) == METACALL_DOUBLE ? metacall_value_to_double(v)
			            : metacall_value_id(v) == METACALL_LONG
			                ? static_cast<double>(metacall_value_to_long(v))
			                : -1;
			self->done = true;
			self->cv.notify_all();
			return nullptr;
		}
	} wait;
	void *chained = metacallfv_await_s(func, args, size, Wait::settled, Wait::settled, &wait);
	if (chained == nullptr)
		fail("starting a batch");
	metacall_value_destroy(chained);
	std::unique_lock lock(wait.mutex);
	wait.cv.wait(lock, [&] { return wait.done; });
	return wait.sum;
}

void napi_async_work_round_trip(benchmark::State &state) {
	void *args[] = {metacall_value_create_long(kBatch)};
	for (auto _ : state)
		if (run_batch(napi_round_trips, args, 1) != 3.0 * kBatch)
			state.SkipWithError("wrong sum");
	state.SetItemsProcessed(state.iterations() * kBatch);
	metacall_value_destroy(args[0]);
}

void async_host_function_round_trip(benchmark::State &state) {
	void *args[] = {host_add_value, metacall_value_create_long(kBatch)};
	for (auto _ : state)
		if (run_batch(host_round_trips, args, 2) != 3.0 * kBatch)
			state.SkipWithError("wrong sum");
	state.SetItemsProcessed(state.iterations() * kBatch);
	metacall_value_destroy(args[1]);
}

void settled_at_once_round_trip(benchmark::State &state) {
	void *args[] = {inline_add_value, metacall_value_create_long(kBatch)};
	for (auto _ : state)
		if (run_batch(host_round_trips, args, 2) != 3.0 * kBatch)
			state.SkipWithError("wrong sum");
	state.SetItemsProcessed(state.iterations() * kBatch);
	metacall_value_destroy(args[1]);
}

void call(benchmark::State &state, void *func) {
	void *args[] = {metacall_value_create_long(2), metacall_value_create_long(3)};
	for (auto _ : state) {
		void *result = metacallfv_s(func, args, 2);
		benchmark::DoNotOptimize(metacall_value_to_long(result));
		metacall_value_destroy(result);
	}
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
}
void py_call_no_limit(benchmark::State &state) {
	call(state, py_add_free);
}
void py_call_with_time_limit(benchmark::State &state) {
	call(state, py_add_limited);
}

BENCHMARK(napi_async_work_round_trip)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(async_host_function_round_trip)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(settled_at_once_round_trip)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(py_call_no_limit);
BENCHMARK(py_call_with_time_limit);

void set_up() {
	if (metacall_initialize() != 0)
		fail("metacall_initialize");
	void *js = nullptr;
	if (metacall_load_from_memory("node", kJs.data(), kJs.size(), &js) != 0)
		fail("loading the JS script");
	host_round_trips = metacall_handle_function(js, "hostRoundTrips");
	napi_round_trips = metacall_handle_function(js, "napiRoundTrips");
	enum metacall_value_id types[] = {METACALL_LONG, METACALL_LONG};
	void *host_add = nullptr;
	if (metacall_registerv_pool("hostAdd", pooled_add, nullptr, &host_add, METACALL_LONG, 2, types) != 0)
		fail("metacall_registerv_pool");
	host_add_value = metacall_value_create_function(host_add);
	void *inline_add = nullptr;
	if (metacall_registerv_async("hostAddAtOnce", settled_add, nullptr, &inline_add, METACALL_LONG, 2,
	                             types) != 0)
		fail("metacall_registerv_async");
	inline_add_value = metacall_value_create_function(inline_add);
	void *free_handle = nullptr, *limited_handle = nullptr;
	if (metacall_load_from_memory("py", kPy, sizeof kPy, &free_handle) != 0 ||
	    metacall_load_from_memory("py", kPy, sizeof kPy, &limited_handle) != 0)
		fail("loading the Python script");
	const metacall_limits limits{10000};
	if (metacall_handle_limits(limited_handle, &limits) != 0)
		fail("metacall_handle_limits");
	py_add_free = metacall_handle_function(free_handle, "add");
	py_add_limited = metacall_handle_function(limited_handle, "add");
	if (host_round_trips == nullptr || napi_round_trips == nullptr || py_add_free == nullptr ||
	    py_add_limited == nullptr)
		fail("finding the benchmark functions");
}

} // namespace

int main(int argc, char **argv) {
	benchmark::Initialize(&argc, argv);
	if (benchmark::ReportUnrecognizedArguments(argc, argv))
		return 1;
	set_up();
	benchmark::RunSpecifiedBenchmarks();
	benchmark::Shutdown();
	metacall_value_destroy(host_add_value);
	metacall_value_destroy(inline_add_value);
	metacall_destroy();
	return 0;
}
