// The wasm loader's figures (issue #17), each against wasmtime's own C API in the same process:
// - C -> wasm add(i32, i32) -> i32 through metacallfv_s and metacallv_s, against
//   wasmtime_func_call of the same module's add in a store of its own (raw_wasmtime_call);
// - load + instantiate of a small module from memory (WAT text and binary) through
//   metacall_load_from_memory + metacall_clear, against wasmtime_module_new + instantiate;
// - a counting loop sum(1..n) through a plug-in loaded without options and through one granted
//   fuel (metering on), and through wasmtime directly.
// The raw rows use an engine with wasmtime's default configuration, as a plain embedder has it;
// the loader's engines also enable epoch interruption (metacall_interrupt, call time limits), which
// the *_epoch rows add. raw_wasmtime_call_unchecked is the call the loader makes, with no checks.
// Figures: docs/BENCHMARKS.md, "WebAssembly"; scripts/bench.sh runs it.
#include <metacall/metacall.h>

#include <benchmark/benchmark.h>
#include <wasmtime.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

// add for the call rows, sum(n) = 1 + 2 + ... + n for the loop rows.
const char kModuleText[] = R"((module
  (func (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add)
  (func (export "sum") (param $n i32) (result i64)
    (local $total i64)
    (block $done
      (loop $next
        local.get $n
        i32.eqz
        br_if $done
        local.get $total
        local.get $n
        i64.extend_i32_u
        i64.add
        local.set $total
        local.get $n
        i32.const 1
        i32.sub
        local.set $n
        br $next))
    local.get $total))
)";

constexpr int32_t kLoopCount = 1000000;
constexpr int64_t kLoopSum = int64_t{kLoopCount} * (kLoopCount + 1) / 2;
// The fuel budget of the metered plug-in: far more than one sum(kLoopCount) burns.
constexpr int64_t kFuel = int64_t{1} << 40;

[[noreturn]] void fail(const std::string &what) {
	metacall_exception_type error{};
	std::fprintf(stderr, "wasm_loader_benchmark: %s: %s\n", what.c_str(),
	             metacall_error_last(&error) == 0 ? error.message : "no reason");
	std::exit(EXIT_FAILURE);
}

[[noreturn]] void fail_wasmtime(const std::string &what, wasmtime_error_t *error, wasm_trap_t *trap) {
	wasm_byte_vec_t message{};
	if (error != nullptr) {
		wasmtime_error_message(error, &message);
		wasmtime_error_delete(error);
	} else if (trap != nullptr) {
		wasm_trap_message(trap, &message);
		wasm_trap_delete(trap);
	}
	std::fprintf(stderr, "wasm_loader_benchmark: %s: %.*s\n", what.c_str(), static_cast<int>(message.size),
	             message.data);
	std::exit(EXIT_FAILURE);
}

// wasmtime by itself: an engine, the module compiled once, and one instance in its own store.
struct Raw {
	wasm_engine_t *engine = nullptr;
	wasmtime_module_t *module = nullptr;
	wasmtime_store_t *store = nullptr;
	wasmtime_context_t *context = nullptr;
	wasmtime_func_t add{}, sum{};
};

std::string binary; // kModuleText as a binary module
Raw raw;            // wasmtime's default configuration: the baseline
Raw raw_epoch;      // epoch interruption on, as the loader's engines have it (deadline never reached)

// The loader's side.
void *add_function = nullptr;        // add of the plug-in loaded without options (global scope)
void *sum_function = nullptr;        // its sum
void *fueled_sum_function = nullptr; // sum of the plug-in granted fuel (a handle of its own)

// Instantiates `module` in a new store of `engine` (no imports); the store is the caller's.
wasmtime_store_t *instantiate(wasm_engine_t *engine, wasmtime_module_t *module,
                              wasmtime_instance_t &instance) {
	wasmtime_store_t *store = wasmtime_store_new(engine, nullptr, nullptr);
	wasm_trap_t *trap = nullptr;
	if (wasmtime_error_t *error =
	        wasmtime_instance_new(wasmtime_store_context(store), module, nullptr, 0, &instance, &trap);
	    error != nullptr || trap != nullptr)
		fail_wasmtime("instantiating the module", error, trap);
	return store;
}

wasmtime_func_t exported(wasmtime_context_t *context, wasmtime_instance_t &instance,
                         const std::string &name) {
	wasmtime_extern_t item;
	if (!wasmtime_instance_export_get(context, &instance, name.data(), name.size(), &item) ||
	    item.kind != WASMTIME_EXTERN_FUNC)
		fail_wasmtime("no export " + name, nullptr, nullptr);
	return item.of.func;
}

void set_up_raw(Raw &into, bool epoch) {
	wasm_config_t *config = wasm_config_new();
	wasmtime_config_epoch_interruption_set(config, epoch);
	into.engine = wasm_engine_new_with_config(config); // takes the config
	if (wasmtime_error_t *error = wasmtime_module_new(
	        into.engine, reinterpret_cast<const uint8_t *>(binary.data()), binary.size(), &into.module))
		fail_wasmtime("compiling the module", error, nullptr);
	wasmtime_instance_t instance;
	into.store = instantiate(into.engine, into.module, instance);
	into.context = wasmtime_store_context(into.store);
	if (epoch) // the engine's epoch is never incremented: no call reaches this deadline
		wasmtime_context_set_epoch_deadline(into.context, 1);
	into.add = exported(into.context, instance, "add");
	into.sum = exported(into.context, instance, "sum");
}

void set_up_raw() {
	wasm_byte_vec_t wasm{};
	if (wasmtime_error_t *error = wasmtime_wat2wasm(kModuleText, sizeof kModuleText - 1, &wasm))
		fail_wasmtime("wat2wasm", error, nullptr);
	binary.assign(wasm.data, wasm.size);
	wasm_byte_vec_delete(&wasm);
	set_up_raw(raw, false);
	set_up_raw(raw_epoch, true);
}

void tear_down_raw(Raw &raw) {
	wasmtime_store_delete(raw.store);
	wasmtime_module_delete(raw.module);
	wasm_engine_delete(raw.engine);
}

// Checks one result of each of the loader's functions, so that no row measures an error path.
void check(void *function, void *args[], size_t size, int64_t expected, const char *what) {
	void *result = metacallfv_s(function, args, size);
	const bool right =
	    result != nullptr &&
	    (metacall_value_id(result) == METACALL_INT    ? metacall_value_to_int(result) == expected
	     : metacall_value_id(result) == METACALL_LONG ? metacall_value_to_long(result) == expected
	                                                  : false);
	metacall_value_destroy(result);
	if (!right)
		fail(std::string("the first call of ") + what + " gave a wrong result");
}

void set_up_loader() {
	if (metacall_initialize() != 0)
		fail("metacall_initialize");
	if (metacall_load_from_memory("wasm", kModuleText, sizeof kModuleText, nullptr) != 0)
		fail("loading the module");
	add_function = metacall_function("add");
	sum_function = metacall_function("sum");

	void *options = metacall_value_create_map(nullptr, 1); // {"fuel": kFuel}
	void **entries = metacall_value_to_map(options);
	entries[0] = metacall_value_create_array(nullptr, 2);
	void **pair = metacall_value_to_array(entries[0]);
	pair[0] = metacall_value_create_string("fuel", 4);
	pair[1] = metacall_value_create_long(kFuel);
	void *fueled = nullptr;
	const int loaded =
	    metacall_load_from_memory_ex("wasm", kModuleText, sizeof kModuleText, &fueled, options);
	metacall_value_destroy(options);
	if (loaded != 0)
		fail("loading the module with fuel");
	fueled_sum_function = metacall_handle_function(fueled, "sum");
	if (add_function == nullptr || sum_function == nullptr || fueled_sum_function == nullptr)
		fail("finding add and sum");

	void *pair_args[] = {metacall_value_create_int(2), metacall_value_create_int(3)};
	check(add_function, pair_args, 2, 5, "add");
	void *count[] = {metacall_value_create_int(kLoopCount)};
	check(sum_function, count, 1, kLoopSum, "sum");
	check(fueled_sum_function, count, 1, kLoopSum, "sum with fuel");
	metacall_value_destroy(pair_args[0]);
	metacall_value_destroy(pair_args[1]);
	metacall_value_destroy(count[0]);
}

// ---- Calls: add(2, 3) ----

void add_call(benchmark::State &state, const Raw &raw) {
	wasmtime_val_t args[2];
	args[0].kind = args[1].kind = WASMTIME_I32;
	args[0].of.i32 = 2;
	args[1].of.i32 = 3;
	for (auto _ : state) {
		wasmtime_val_t result;
		wasm_trap_t *trap = nullptr;
		benchmark::DoNotOptimize(args);
		if (wasmtime_error_t *error = wasmtime_func_call(raw.context, &raw.add, args, 2, &result, 1, &trap);
		    error != nullptr || trap != nullptr)
			fail_wasmtime("add", error, trap);
		benchmark::DoNotOptimize(result.of.i32);
	}
}

// wasmtime_func_call_unchecked, as the loader calls: no type checks, raw values in and out.
void raw_wasmtime_call_unchecked(benchmark::State &state) {
	for (auto _ : state) {
		wasmtime_val_raw_t values[2];
		values[0].i64 = values[1].i64 = 0;
		values[0].i32 = 2;
		values[1].i32 = 3;
		benchmark::DoNotOptimize(values);
		wasm_trap_t *trap = nullptr;
		if (wasmtime_error_t *error = wasmtime_func_call_unchecked(raw.context, &raw.add, values, 2, &trap);
		    error != nullptr || trap != nullptr)
			fail_wasmtime("add", error, trap);
		benchmark::DoNotOptimize(values[0].i32);
	}
}

void raw_wasmtime_call(benchmark::State &state) {
	add_call(state, raw);
}

void raw_wasmtime_call_epoch(benchmark::State &state) {
	add_call(state, raw_epoch);
}

// Through the core and the loader: argument values made once, each result destroyed.
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

// ---- Load + instantiate of the module, then unload ----

void load_binary(benchmark::State &state, wasm_engine_t *engine) {
	for (auto _ : state) {
		wasmtime_module_t *module = nullptr;
		if (wasmtime_error_t *error = wasmtime_module_new(
		        engine, reinterpret_cast<const uint8_t *>(binary.data()), binary.size(), &module))
			fail_wasmtime("compiling the module", error, nullptr);
		wasmtime_instance_t instance;
		wasmtime_store_t *store = instantiate(engine, module, instance);
		benchmark::DoNotOptimize(instance);
		wasmtime_store_delete(store);
		wasmtime_module_delete(module);
	}
}

void raw_load_binary(benchmark::State &state) {
	load_binary(state, raw.engine);
}

// The same with epoch interruption on, as the loader compiles.
void raw_load_binary_epoch(benchmark::State &state) {
	load_binary(state, raw_epoch.engine);
}

void raw_load_wat(benchmark::State &state) {
	for (auto _ : state) {
		wasm_byte_vec_t wasm{};
		if (wasmtime_error_t *error = wasmtime_wat2wasm(kModuleText, sizeof kModuleText - 1, &wasm))
			fail_wasmtime("wat2wasm", error, nullptr);
		wasmtime_module_t *module = nullptr;
		wasmtime_error_t *error =
		    wasmtime_module_new(raw.engine, reinterpret_cast<const uint8_t *>(wasm.data), wasm.size, &module);
		wasm_byte_vec_delete(&wasm);
		if (error != nullptr)
			fail_wasmtime("compiling the module", error, nullptr);
		wasmtime_instance_t instance;
		wasmtime_store_t *store = instantiate(raw.engine, module, instance);
		benchmark::DoNotOptimize(instance);
		wasmtime_store_delete(store);
		wasmtime_module_delete(module);
	}
}

// metacall_load_from_memory into a handle of its own (so that add and sum do not clash with the
// global scope's), then metacall_clear.
void load_and_clear(benchmark::State &state, const char *bytes, size_t size) {
	for (auto _ : state) {
		void *handle = nullptr;
		if (metacall_load_from_memory("wasm", bytes, size, &handle) != 0)
			fail("metacall_load_from_memory");
		if (metacall_clear(handle) != 0)
			fail("metacall_clear");
	}
}

void metacall_load_binary(benchmark::State &state) {
	load_and_clear(state, binary.data(), binary.size());
}

void metacall_load_wat(benchmark::State &state) {
	load_and_clear(state, kModuleText, sizeof kModuleText);
}

// ---- A counting loop: sum(1..1e6) ----

void sum_raw(benchmark::State &state, const Raw &raw) {
	wasmtime_val_t count;
	count.kind = WASMTIME_I32;
	count.of.i32 = kLoopCount;
	for (auto _ : state) {
		wasmtime_val_t result;
		wasm_trap_t *trap = nullptr;
		if (wasmtime_error_t *error = wasmtime_func_call(raw.context, &raw.sum, &count, 1, &result, 1, &trap);
		    error != nullptr || trap != nullptr)
			fail_wasmtime("sum", error, trap);
		benchmark::DoNotOptimize(result.of.i64);
	}
}

void raw_wasmtime_loop(benchmark::State &state) {
	sum_raw(state, raw);
}

void raw_wasmtime_loop_epoch(benchmark::State &state) {
	sum_raw(state, raw_epoch);
}

void sum_call(benchmark::State &state, void *function) {
	void *count[] = {metacall_value_create_int(kLoopCount)};
	for (auto _ : state) {
		void *result = metacallfv_s(function, count, 1);
		benchmark::DoNotOptimize(metacall_value_to_long(result));
		metacall_value_destroy(result);
	}
	metacall_value_destroy(count[0]);
}

void loop_no_fuel(benchmark::State &state) {
	sum_call(state, sum_function);
}

void loop_fuel(benchmark::State &state) {
	sum_call(state, fueled_sum_function);
}

BENCHMARK(raw_wasmtime_call);
BENCHMARK(raw_wasmtime_call_epoch);
BENCHMARK(raw_wasmtime_call_unchecked);
BENCHMARK(metacallfv_s_call);
BENCHMARK(metacallv_s_call);
// wasmtime compiles a module's functions on threads of its own: loads are measured in wall-clock
// time (report.py --real-time).
BENCHMARK(raw_load_binary)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(raw_load_binary_epoch)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(metacall_load_binary)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(raw_load_wat)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(metacall_load_wat)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(raw_wasmtime_loop)->Unit(benchmark::kMicrosecond);
BENCHMARK(raw_wasmtime_loop_epoch)->Unit(benchmark::kMicrosecond);
BENCHMARK(loop_no_fuel)->Unit(benchmark::kMicrosecond);
BENCHMARK(loop_fuel)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv) {
	benchmark::Initialize(&argc, argv);
	if (benchmark::ReportUnrecognizedArguments(argc, argv))
		return EXIT_FAILURE;
	set_up_raw();
	set_up_loader();
	benchmark::RunSpecifiedBenchmarks();
	benchmark::Shutdown();
	metacall_destroy();
	tear_down_raw(raw);
	tear_down_raw(raw_epoch);
	return EXIT_SUCCESS;
}
