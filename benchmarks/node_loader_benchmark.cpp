// The cost of calling JavaScript from C on the thread that owns Node: add(a, b) of
// benchmarks/node/add.js through metacallfv_s and metacallv_s, with this thread made Node's owner
// (metacall_pump("node") before the first load: host-driven mode, calls run directly). The
// baselines, in the same process on the same function object, are raw Node-API calls made by an
// addon the benchmark script opened (benchmarks/node/raw_napi_addon.c): a handle scope, two
// napi_create_double, napi_call_function, napi_get_value_double; and the same inside a callback
// scope, which a call from outside JS needs for the promise jobs it queues to run.
// The other-thread rows (Node on the loader's own thread, calls handed over) are
// node_handoff_benchmark: which thread owns Node is decided once per process.
#include "node/node_benchmark.h"

#include <benchmark/benchmark.h>

namespace {

const raw_napi_addon *addon = nullptr;
void *add_function = nullptr;

void raw_napi_call(benchmark::State &state) {
	double a = 2, b = 3;
	for (auto _ : state) {
		benchmark::DoNotOptimize(a);
		benchmark::DoNotOptimize(addon->call(a, b));
	}
}

void raw_napi_call_callback_scope(benchmark::State &state) {
	double a = 2, b = 3;
	for (auto _ : state) {
		benchmark::DoNotOptimize(a);
		benchmark::DoNotOptimize(addon->call_in_callback_scope(a, b));
	}
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

BENCHMARK(raw_napi_call);
BENCHMARK(raw_napi_call_callback_scope);
BENCHMARK(metacallfv_s_call);
BENCHMARK(metacallv_s_call);

} // namespace

int main(int argc, char **argv) {
	benchmark::Initialize(&argc, argv);
	if (benchmark::ReportUnrecognizedArguments(argc, argv))
		return 1;
	addon = node_benchmark::set_up(true, &add_function);
	if (addon->call(2, 3) != 5 || addon->call_in_callback_scope(2, 3) != 5)
		node_benchmark::fail("the raw Node-API call of add");
	benchmark::RunSpecifiedBenchmarks();
	benchmark::Shutdown();
	addon->release();
	metacall_pump("node"); // lets the release reach the event loop
	metacall_destroy();
	return 0;
}
