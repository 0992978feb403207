// The cost of calling a native function through the C loader: add(int, int) in a shared library,
// called directly, through a prepared libffi call (the baseline: what any libffi bridge pays), and
// through metacallfv_s with preallocated argument values.
#include <metacall/metacall.h>

#include <benchmark/benchmark.h>

#include <dlfcn.h>
#include <ffi.h>

#include <cstdlib>

namespace {

using AddFunction = int (*)(int, int);

AddFunction add_address = nullptr; // dlsym'd from the benchmark library
void *add_function = nullptr;      // the same function, loaded through the C loader

// Baseline of the baseline: a direct call through the dlsym'd pointer.
void direct_call(benchmark::State &state) {
	int a = 2, b = 3;
	for (auto _ : state) {
		benchmark::DoNotOptimize(a);
		benchmark::DoNotOptimize(add_address(a, b));
	}
}

// A call interface prepared once, then ffi_call with int arguments and result.
void raw_ffi_call(benchmark::State &state) {
	ffi_cif cif;
	ffi_type *types[] = {&ffi_type_sint32, &ffi_type_sint32};
	if (ffi_prep_cif(&cif, FFI_DEFAULT_ABI, 2, &ffi_type_sint32, types) != FFI_OK) {
		state.SkipWithError("ffi_prep_cif failed");
		return;
	}
	int a = 2, b = 3;
	void *values[] = {&a, &b};
	for (auto _ : state) {
		ffi_arg result = 0;
		ffi_call(&cif, FFI_FN(add_address), &result, values);
		benchmark::DoNotOptimize(static_cast<int>(result));
	}
}

// Through the core and the C loader: argument values made once, each result destroyed.
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

BENCHMARK(direct_call);
BENCHMARK(raw_ffi_call);
BENCHMARK(metacallfv_s_call);

} // namespace

int main(int argc, char **argv) {
	void *library = dlopen(C_BENCHMARK_LIBRARY, RTLD_NOW | RTLD_LOCAL);
	add_address = library != nullptr ? reinterpret_cast<AddFunction>(dlsym(library, "add")) : nullptr;
	const char *paths[] = {C_BENCHMARK_LIBRARY, C_BENCHMARK_HEADER};
	void *handle = nullptr;
	if (add_address == nullptr || metacall_initialize() != 0 ||
	    metacall_load_from_file("c", paths, 2, &handle) != 0 ||
	    (add_function = metacall_handle_function(handle, "add")) == nullptr)
		return EXIT_FAILURE;
	benchmark::Initialize(&argc, argv);
	if (benchmark::ReportUnrecognizedArguments(argc, argv))
		return EXIT_FAILURE;
	benchmark::RunSpecifiedBenchmarks();
	benchmark::Shutdown();
	metacall_destroy();
	dlclose(library);
	return EXIT_SUCCESS;
}
