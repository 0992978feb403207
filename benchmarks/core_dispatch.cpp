// The cost the core adds to a call: a host C function add(int, int) registered with
// metacall_register, called through each call family, against calling it directly.
#include <metacall/metacall.h>

#include <benchmark/benchmark.h>

#include <cstdlib>

namespace {

// The function every row calls; noinline so the direct row pays a real call too.
__attribute__((noinline)) int add(int a, int b) {
	benchmark::ClobberMemory();
	return a + b;
}

void *add_invoke(size_t, void *argv[], void *) {
	return metacall_value_create_int(add(metacall_value_to_int(argv[0]), metacall_value_to_int(argv[1])));
}

void *add_function = nullptr;

// Baseline: the direct C call.
void direct_call(benchmark::State &state) {
	int a = 2, b = 3;
	for (auto _ : state) {
		benchmark::DoNotOptimize(a);
		benchmark::DoNotOptimize(add(a, b));
	}
}

// The host callback called by hand with values: what any value-based bridge has to pay
// (reading two values, creating and destroying the result), without the core's dispatch.
void invoke_by_hand(benchmark::State &state) {
	void *args[] = {metacall_value_create_int(2), metacall_value_create_int(3)};
	for (auto _ : state) {
		void *result = add_invoke(2, args, nullptr);
		benchmark::DoNotOptimize(metacall_value_to_int(result));
		metacall_value_destroy(result);
	}
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
}

void metacallfv_s_call(benchmark::State &state) {
	void *args[] = {metacall_value_create_int(2), metacall_value_create_int(3)};
	for (auto _ : state) {
		void *result = metacallfv_s(add_function, args, 2);
		benchmark::DoNotOptimize(metacall_value_to_int(result));
		metacall_value_destroy(result);
	}
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
}

void metacallv_s_call(benchmark::State &state) {
	void *args[] = {metacall_value_create_int(2), metacall_value_create_int(3)};
	for (auto _ : state) {
		void *result = metacallv_s("add", args, 2);
		benchmark::DoNotOptimize(metacall_value_to_int(result));
		metacall_value_destroy(result);
	}
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
}

// metacall() also builds the argument values from C arguments on every call.
void metacall_varargs_call(benchmark::State &state) {
	for (auto _ : state) {
		void *result = metacall("add", 2, 3);
		benchmark::DoNotOptimize(metacall_value_to_int(result));
		metacall_value_destroy(result);
	}
}

BENCHMARK(direct_call);
BENCHMARK(invoke_by_hand);
BENCHMARK(metacallfv_s_call);
BENCHMARK(metacallv_s_call);
BENCHMARK(metacall_varargs_call);

} // namespace

int main(int argc, char **argv) {
	if (metacall_initialize() != 0 ||
	    metacall_register("add", add_invoke, &add_function, METACALL_INT, 2, METACALL_INT, METACALL_INT) != 0)
		return EXIT_FAILURE;
	benchmark::Initialize(&argc, argv);
	if (benchmark::ReportUnrecognizedArguments(argc, argv))
		return EXIT_FAILURE;
	benchmark::RunSpecifiedBenchmarks();
	benchmark::Shutdown();
	metacall_destroy();
	return EXIT_SUCCESS;
}
