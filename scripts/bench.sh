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

run() { # run <benchmark binary> <baseline row> [--real-time]
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
run py_loader_benchmark raw_cpython_vectorcall
echo "### py start-up (median of 10 fresh processes)"
echo
"$build/bin/py_startup" 10
echo
run node_loader_benchmark raw_napi_call
run node_handoff_benchmark raw_threadsafe_call_sleep --real-time
run objects_benchmark node_function_call
# The same run against its other baselines: Python's function call, and a host function called
# from JS (the host object reads' reference).
for baseline in py_function_call js_host_function_call_x1000; do
	python3 benchmarks/report.py "$build/objects_benchmark.json" "$baseline"
	echo
done
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
