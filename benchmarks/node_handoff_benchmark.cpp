// The cost of calling JavaScript from C on another thread than Node's: add(a, b) of
// benchmarks/node/add.js through metacallfv_s and metacallv_s, with Node on the loader's own
// thread (no metacall_pump) and the benchmark thread calling, so every call is handed over. The
// baselines, in the same process on the same function object, are raw Node-API round trips made
// by an addon the benchmark script opened (benchmarks/node/raw_napi_addon.c):
// napi_call_threadsafe_function, whose call_js calls add on Node's thread and posts the result,
// while the caller sleeps on a semaphore or spins.
// Wall-clock time (a sleeping caller uses no CPU while it waits). Two cases:
//   back to back  call after call: the loader's owner keeps polling for 50 us after a call, so
//                 the next one finds it awake;
//   after_idle    one call after 2 ms of nothing (both threads asleep, as in a host that calls
//                 now and then); these rows also count the CPU the whole process used per call
//                 and idle period (process_cpu_us), to show that nobody spins while idle.
// The owner-thread rows are node_loader_benchmark.
#include "node/node_benchmark.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <ctime>
#include <thread>

namespace {

const raw_napi_addon *addon = nullptr;
void *add_function = nullptr;

using Clock = std::chrono::steady_clock;
constexpr auto kIdle = std::chrono::milliseconds(2);
constexpr int kIdleCalls = 300;

double process_cpu_us() {
	timespec now{};
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
	return static_cast<double>(now.tv_sec) * 1e6 + static_cast<double>(now.tv_nsec) / 1e3;
}

void raw_threadsafe_call_sleep(benchmark::State &state) {
	for (auto _ : state)
		benchmark::DoNotOptimize(addon->threadsafe_call(2, 3, 0));
}

void raw_threadsafe_call_spin(benchmark::State &state) {
	for (auto _ : state)
		benchmark::DoNotOptimize(addon->threadsafe_call(2, 3, 1));
}

void metacallfv_s_call(benchmark::State &state) {
	void *args[] = {metacall_value_create_double(2), metacall_value_create_double(3)};
	for (auto _ : state) {
		void *result = metacallfv_s(add_function, args, 2);
		benchmark::DoNotOptimize(metacall_value_to_double(result));
		metacall_value_destroy(result);
	}
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
}

void metacallv_s_call(benchmark::State &state) {
	void *args[] = {metacall_value_create_double(2), metacall_value_create_double(3)};
	for (auto _ : state) {
		void *result = metacallv_s("add", args, 2);
		benchmark::DoNotOptimize(metacall_value_to_double(result));
		metacall_value_destroy(result);
	}
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
}

// One timed call after kIdle of nothing, per iteration; `call` makes it.
template <class Call>
void after_idle(benchmark::State &state, Call call) {
	const double cpu_start = process_cpu_us();
	for (auto _ : state) {
		std::this_thread::sleep_for(kIdle);
		const auto start = Clock::now();
		call();
		state.SetIterationTime(std::chrono::duration<double>(Clock::now() - start).count());
	}
	state.counters["process_cpu_us"] =
	    benchmark::Counter((process_cpu_us() - cpu_start) / static_cast<double>(state.iterations()));
}

void raw_threadsafe_call_sleep_after_idle(benchmark::State &state) {
	after_idle(state, [] { benchmark::DoNotOptimize(addon->threadsafe_call(2, 3, 0)); });
}

void raw_threadsafe_call_spin_after_idle(benchmark::State &state) {
	after_idle(state, [] { benchmark::DoNotOptimize(addon->threadsafe_call(2, 3, 1)); });
}

void metacallfv_s_call_after_idle(benchmark::State &state) {
	void *args[] = {metacall_value_create_double(2), metacall_value_create_double(3)};
	after_idle(state, [&] {
		void *result = metacallfv_s(add_function, args, 2);
		benchmark::DoNotOptimize(metacall_value_to_double(result));
		metacall_value_destroy(result);
	});
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
}

BENCHMARK(raw_threadsafe_call_sleep)->UseRealTime();
BENCHMARK(raw_threadsafe_call_spin)->UseRealTime();
BENCHMARK(metacallfv_s_call)->UseRealTime();
BENCHMARK(metacallv_s_call)->UseRealTime();
BENCHMARK(raw_threadsafe_call_sleep_after_idle)->UseManualTime()->Iterations(kIdleCalls);
BENCHMARK(raw_threadsafe_call_spin_after_idle)->UseManualTime()->Iterations(kIdleCalls);
BENCHMARK(metacallfv_s_call_after_idle)->UseManualTime()->Iterations(kIdleCalls);

} // namespace

int main(int argc, char **argv) {
	benchmark::Initialize(&argc, argv);
	if (benchmark::ReportUnrecognizedArguments(argc, argv))
		return 1;
	addon = node_benchmark::set_up(false, &add_function);
	if (addon->threadsafe_call(2, 3, 0) != 5 || addon->threadsafe_call(2, 3, 1) != 5)
		node_benchmark::fail("the raw thread-safe call of add");
	benchmark::RunSpecifiedBenchmarks();
	benchmark::Shutdown();
	addon->release();
	metacall_destroy();
	return 0;
}
