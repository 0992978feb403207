#!/usr/bin/env bash
# Builds the benchmarks in release mode and prints each suite as a Markdown table against the
# baseline measured in the same run (the tables of docs/BENCHMARKS.md).
# Run it on a quiet machine: every other process on these 2 cores shows up in the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build=build-bench
# The examples too: the game server is measured (host-v8 against isolated mode).
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMETACALL_BUILD_TESTS=OFF \
      -DMETACALL_BUILD_EXAMPLES=ON >/dev/null
cmake --build "$build" -j2 >/dev/null

run() { # run <benchmark binary> <baseline row> [--real-time or --rows=REGEX: report.py options]
	local out="$build/$1.json"
	"$build/bin/$1" --benchmark_repetitions=5 --benchmark_display_aggregates_only=true \
	                --benchmark_min_time=0.5 --benchmark_out="$out" --benchmark_out_format=json >/dev/null
	echo "### $1"
	echo
	python3 benchmarks/report.py "$out" "$2" ${3:-}
	echo
}

run core_dispatch_benchmark direct_call
run c_loader_benchmark raw_ffi_call
# The wasm loader (issue #17), one run with three baselines: calls against wasmtime_func_call, loads
# against wasmtime's own (wall-clock: wasmtime compiles on threads of its own), fuel metering.
run wasm_loader_benchmark raw_wasmtime_call --rows=_call
python3 benchmarks/report.py "$build/wasm_loader_benchmark.json" raw_load_binary --real-time --rows=_load_
echo
python3 benchmarks/report.py "$build/wasm_loader_benchmark.json" loop_no_fuel --rows=loop
echo
run py_loader_benchmark raw_cpython_vectorcall
echo "### py start-up (median of 10 fresh processes)"
echo
"$build/bin/py_startup" 10
echo
run node_loader_benchmark raw_napi_call
run node_handoff_benchmark raw_threadsafe_call_sleep --real-time
# Loading the same module as CommonJS, ES module and TypeScript (typescript pinned, from npm).
npm install --prefix "$build/typescript" --no-audit --no-fund --loglevel=error typescript@5.4.5 >/dev/null
export NODE_BENCHMARK_TYPESCRIPT="$PWD/$build/typescript/node_modules/typescript"
run node_module_load_benchmark load_commonjs --real-time
python3 benchmarks/report.py "$build/node_module_load_benchmark.json" load_commonjs_new_file --real-time
echo
run objects_benchmark node_function_call
# The same run against its other baselines: Python's function call, and a host function called
# from JS (the host object reads' reference).
for baseline in py_function_call js_host_function_call_x1000; do
	python3 benchmarks/report.py "$build/objects_benchmark.json" "$baseline"
	echo
done
# Issue #15: an async host call's round trip from JS against napi_async_work, and what a time limit
# adds to a Python call (the second table).
run async_limits_benchmark napi_async_work_round_trip --real-time
python3 benchmarks/report.py "$build/async_limits_benchmark.json" py_call_no_limit
echo
echo "### node start-up (median of 10 fresh processes)"
echo
"$build/bin/node_startup" 10
echo
echo "### Node on a host's V8 (host-v8 mode), each measurement in a fresh process"
echo
python3 benchmarks/host_v8/run.py "$build"
echo
# The ports side by side with node-calls-python (npm), each measurement in a process of its own.
python3 benchmarks/ports/run.py "$build"
