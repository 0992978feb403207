// NumPy arrays and JS typed arrays crossing without copies (issue #21): np.sum over a
// 1,000,000-element Float64Array made in JS, called from JS through the port (C -> JS here, then
// JS -> Python through require('metacall'), both loaders), and over a typed buffer from C, against
// the same np.sum over an array already in Python, in the same run. And np.arange(1e6) handed to
// JS as a Float64Array against np.arange alone. This thread owns Node (metacall_pump before the
// first load): no thread hand-over in the figures.
//   arrays_benchmark [benchmark flags]; numpy from $VIRTUAL_ENV (the test venv: build/python_venv)
#include <metacall/metacall.h>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

constexpr long kElements = 1'000'000;
const double kSum = 0.5 * static_cast<double>(kElements) * static_cast<double>(kElements - 1);

[[noreturn]] void fail(const char *what) {
	metacall_exception_type error{};
	std::fprintf(stderr, "arrays_benchmark: %s: %s\n", what,
	             metacall_error_last(&error) == 0 ? error.message : "(no error recorded)");
	std::exit(1);
}

// Calls `name` with `args` (borrowed) and checks the number it returns.
void call_expecting(const char *name, void *args[], size_t size, double expected) {
	void *result = metacallv_s(name, args, size);
	// A whole number may come back from JS as a Long (docs/NUMBERS.md): read as a double.
	if (result == nullptr || metacall_value_to_double(result) != expected) {
		metacall_exception_type error{};
		std::fprintf(stderr, "arrays_benchmark: %s gave a %s: %s\n", name,
		             result != nullptr ? metacall_value_type_name(result) : "NULL",
		             result != nullptr && metacall_error_from_value(result, &error) == 0 ? error.message
		                                                                                 : "");
		std::exit(1);
	}
	metacall_value_destroy(result);
}

void run(benchmark::State &state, const char *name, void *args[], size_t size, double expected) {
	call_expecting(name, args, size, expected);
	for (auto _ : state) {
		void *result = metacallv_s(name, args, size);
		benchmark::DoNotOptimize(metacall_value_to_double(result));
		metacall_value_destroy(result);
	}
}

// A typed buffer of 0, 1, ..., kElements - 1 (float64), made in C.
void *numbers_from_c() {
	std::vector<double> numbers(kElements);
	for (long i = 0; i < kElements; ++i)
		numbers[static_cast<size_t>(i)] = static_cast<double>(i);
	void *value = metacall_value_create_buffer(numbers.data(), numbers.size() * sizeof(double));
	const size_t dims[1] = {numbers.size()};
	return metacall_value_buffer_set_layout(value, 'd', 1, dims);
}

void pure_python_np_sum(benchmark::State &state) {
	run(state, "total_kept", nullptr, 0, kSum);
}

void js_float64array_to_np_sum(benchmark::State &state) {
	run(state, "sum_in_python", nullptr, 0, kSum);
}

void c_typed_buffer_to_np_sum(benchmark::State &state) {
	void *args[] = {numbers_from_c()};
	run(state, "total", args, 1, kSum);
	metacall_value_destroy(args[0]);
}

void c_typed_buffer_to_np_sum_with_a_copy(benchmark::State &state) {
	void *args[] = {numbers_from_c()};
	run(state, "total_copied", args, 1, kSum);
	metacall_value_destroy(args[0]);
}

// The crossing alone: np.asarray of the same arrays, which NumPy makes without touching the data.
void pure_python_np_asarray(benchmark::State &state) {
	run(state, "asarray_length_kept", nullptr, 0, static_cast<double>(kElements));
}

void js_float64array_to_np_asarray(benchmark::State &state) {
	run(state, "asarray_in_python", nullptr, 0, static_cast<double>(kElements));
}

void c_typed_buffer_to_np_asarray(benchmark::State &state) {
	void *args[] = {numbers_from_c()};
	run(state, "asarray_length", args, 1, static_cast<double>(kElements));
	metacall_value_destroy(args[0]);
}

void pure_python_np_arange(benchmark::State &state) {
	void *args[] = {metacall_value_create_long(kElements)};
	run(state, "arange_length", args, 1, static_cast<double>(kElements));
	metacall_value_destroy(args[0]);
}

void np_arange_to_js_float64array(benchmark::State &state) {
	void *args[] = {metacall_value_create_long(kElements)};
	run(state, "arange_in_js", args, 1, static_cast<double>(kElements));
	metacall_value_destroy(args[0]);
}

// As a host that drives Node runs its event loop: Node-API finalizes the arrays JS collected there.
void np_arange_to_js_float64array_pumped(benchmark::State &state) {
	void *args[] = {metacall_value_create_long(kElements)};
	call_expecting("arange_in_js", args, 1, static_cast<double>(kElements));
	for (auto _ : state) {
		void *result = metacallv_s("arange_in_js", args, 1);
		benchmark::DoNotOptimize(metacall_value_to_double(result));
		metacall_value_destroy(result);
		metacall_pump("node");
	}
	metacall_value_destroy(args[0]);
}

BENCHMARK(pure_python_np_sum)->Unit(benchmark::kMicrosecond);
BENCHMARK(js_float64array_to_np_sum)->Unit(benchmark::kMicrosecond);
BENCHMARK(c_typed_buffer_to_np_sum)->Unit(benchmark::kMicrosecond);
BENCHMARK(c_typed_buffer_to_np_sum_with_a_copy)->Unit(benchmark::kMicrosecond);
BENCHMARK(pure_python_np_asarray)->Unit(benchmark::kMicrosecond);
BENCHMARK(js_float64array_to_np_asarray)->Unit(benchmark::kMicrosecond);
BENCHMARK(c_typed_buffer_to_np_asarray)->Unit(benchmark::kMicrosecond);
BENCHMARK(pure_python_np_arange)->Unit(benchmark::kMicrosecond);
BENCHMARK(np_arange_to_js_float64array)->Unit(benchmark::kMicrosecond);
BENCHMARK(np_arange_to_js_float64array_pumped)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv) {
	benchmark::Initialize(&argc, argv);
	if (benchmark::ReportUnrecognizedArguments(argc, argv))
		return 1;
	if (metacall_initialize() != 0)
		fail("metacall_initialize");
	metacall_pump("node"); // this thread owns Node: calls into JS run here
	const char *py[] = {ARRAYS_BENCHMARK_PY};
	const char *js[] = {ARRAYS_BENCHMARK_JS};
	if (metacall_load_from_file("py", py, 1, nullptr) != 0)
		fail("loading numpy_sum.py (is numpy in $VIRTUAL_ENV?)");
	if (metacall_load_from_file("node", js, 1, nullptr) != 0)
		fail("loading the JS side");
	benchmark::RunSpecifiedBenchmarks();
	benchmark::Shutdown();
	metacall_destroy();
	return 0;
}
