#!/usr/bin/env bash
# The one command that builds libmetacall and runs all of its tests (Debian/Ubuntu, as root or
# with sudo for the packages):
#   1. installs the build dependencies (scripts/install-deps.sh);
#   2. build/ (RelWithDebInfo): builds everything and runs every test;
#   3. build-asan/ (AddressSanitizer + UndefinedBehaviorSanitizer, leak checks on): builds the
#      library and its tests and runs the core, conformance, mock, node and wasm loader, stress and
#      port tests;
#   4. build-tsan/ (ThreadSanitizer): the concurrency tests of the core, the c, node and py loaders,
#      the stress suite and objects shared by threads;
#   5. build-fuzz/ (clang, libFuzzer, ASan + UBSan): every fuzz target over its seed corpus, then
#      FUZZ_SECONDS of fuzzing each (tests/fuzz, docs/RELIABILITY.md).
# Exits non-zero when a build or a test failed; the ctest summaries are repeated at the end.
# Environment: JOBS (parallel jobs, default 2), TEST_TIMEOUT (seconds per test, default 300),
# FUZZ_SECONDS (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=${JOBS:-2}
test_timeout=${TEST_TIMEOUT:-300}
fuzz_seconds=${FUZZ_SECONDS:-30}
# The tests run under the sanitizers: the core's, the conformance suite's, the mock, node and wasm
# loaders', the stress suite (node and py together; docs/RELIABILITY.md), and the ports' (python3
# and node with the sanitizers' runtimes preloaded).
asan_tests=(-L '^(core|conformance|mock_loader|node_loader|stress|py_port|node_port|metacall_compat|wasm_loader)$')

section() { printf '\n==== %s\n' "$*"; }
elapsed() { printf '%dm%02ds' $((($SECONDS - $1) / 60)) $((($SECONDS - $1) % 60)); }

# Runs ctest in build dir $1 with extra arguments; keeps its output in $1/ctest.log.
run_ctest() {
	local dir=$1
	shift
	ctest --test-dir "$dir" --output-on-failure --no-tests=error --timeout "$test_timeout" -j "$jobs" "$@" 2>&1 |
		tee "$dir/ctest.log"
}
# ctest's summary lines, and the lists of failed and skipped tests when there are some.
summary_of() {
	grep -E 'tests passed|tests failed|Total Test time|The following tests|^[[:space:]]+[0-9]+ - ' \
		"$1/ctest.log" || true
}

start=$SECONDS
failed=()

section "dependencies"
bash scripts/install-deps.sh

section "build/: RelWithDebInfo, everything"
t=$SECONDS
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMETACALL_SANITIZE=OFF \
	-DMETACALL_BUILD_TESTS=ON -DMETACALL_BUILD_BENCHMARKS=ON -DMETACALL_BUILD_EXAMPLES=ON
cmake --build build -j "$jobs"
echo "build/ built in $(elapsed $t)"

section "build/: all tests"
t=$SECONDS
run_ctest build || failed+=("build/: tests")
echo "build/ tests ran in $(elapsed $t)"

section "build-asan/: ASan + UBSan, library and tests"
t=$SECONDS
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMETACALL_SANITIZE=ON \
	-DMETACALL_BUILD_TESTS=ON -DMETACALL_BUILD_BENCHMARKS=OFF -DMETACALL_BUILD_EXAMPLES=OFF
cmake --build build-asan -j "$jobs"
echo "build-asan/ built in $(elapsed $t)"

section "build-asan/: core, conformance, mock loader, node loader, stress and port tests under the sanitizers"
t=$SECONDS
# intercept_tls_get_addr=0: LeakSanitizer's tracking of dynamic TLS (the thread_locals of dlopen'ed
# plug-ins) goes stale when threads of two runtimes come and go, and its tracer then crashes at
# exit reading a freed range (seen under `ctest -j2` in the stress suite: "DTLS 6 at
# 0x0007000004fc-..."). Heap objects reachable only from a plug-in's thread_local would then be
# reported as leaks; none is.
export ASAN_OPTIONS=detect_leaks=1:intercept_tls_get_addr=0
export LSAN_OPTIONS=suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if ! run_ctest build-asan "${asan_tests[@]}"; then
	# LeakSanitizer's own tracer crashes now and then at exit after a test passed (a fault of the
	# tool, not a leak): those tests, and only when they are all that failed, run once more.
	if retry=$(python3 scripts/lsan_tool_crashes.py build-asan/ctest.log); then
		echo "LeakSanitizer itself crashed at exit in: $retry; running those again once"
		cp build-asan/ctest.log build-asan/ctest-first.log
		run_ctest build-asan -R "$retry" || failed+=("build-asan/: tests")
	else
		failed+=("build-asan/: tests")
	fi
fi
echo "build-asan/ tests ran in $(elapsed $t)"

section "build-tsan/: ThreadSanitizer on the concurrency tests (core, c, node, py, stress)"
t=$SECONDS
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMETACALL_TSAN=ON \
	-DMETACALL_BUILD_TESTS=ON -DMETACALL_BUILD_BENCHMARKS=OFF -DMETACALL_BUILD_EXAMPLES=OFF \
	-DMETACALL_NODE_V8LESS=OFF
tsan_runs=(
	"core_threads_test"
	"metacall_c_loader_test --gtest_filter=ConcurrentCalls*"
	"metacall_node_loader_test --gtest_filter=NodeThreads*:NodePump*:NodeAsync*"
	"metacall_py_loader_test --gtest_filter=PyThreads*"
	"metacall_stress_test"
	"metacall_objects_lifetime_test --gtest_filter=*Threads*:*HostObject*"
)
cmake --build build-tsan -j "$jobs" --target $(for run in "${tsan_runs[@]}"; do echo "${run%% *}"; done)
tsan_passed=0 tsan_failed=0
for run in "${tsan_runs[@]}"; do
	# shellcheck disable=SC2086 # the program and its filter
	if TSAN_OPTIONS="suppressions=$PWD/scripts/tsan-suppressions.txt halt_on_error=1" \
		timeout "$test_timeout" build-tsan/bin/$run >"build-tsan/${run%% *}.log" 2>&1; then
		tsan_passed=$((tsan_passed + 1))
	else
		tsan_failed=$((tsan_failed + 1))
		echo "FAILED under ThreadSanitizer: $run (build-tsan/${run%% *}.log):"
		tail -40 "build-tsan/${run%% *}.log"
	fi
done
echo "build-tsan/ built and run in $(elapsed $t): $tsan_passed passed, $tsan_failed failed"
((tsan_failed == 0)) || failed+=("build-tsan/: ThreadSanitizer")

section "build-fuzz/: libFuzzer targets (clang, ASan + UBSan): each seed corpus, then ${fuzz_seconds} s of fuzzing each"
t=$SECONDS
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMETACALL_FUZZ=ON \
	-DMETACALL_BUILD_TESTS=ON -DMETACALL_BUILD_BENCHMARKS=OFF -DMETACALL_BUILD_EXAMPLES=OFF \
	-DMETACALL_NODE_V8LESS=OFF -DMETACALL_FUZZ_SECONDS="$fuzz_seconds"
cmake --build build-fuzz -j "$jobs"
run_ctest build-fuzz -L '^fuzz$' || failed+=("build-fuzz/: fuzzing")
echo "build-fuzz/ built and fuzzed in $(elapsed $t) (findings: build-fuzz/tests/fuzz/crash-*)"

section "summary ($(elapsed $start) in all)"
echo "build/ (all tests):"
summary_of build
echo "build-asan/ (${asan_tests[*]}):"
summary_of build-asan
echo "build-fuzz/ (-L fuzz):"
summary_of build-fuzz
if ((${#failed[@]})); then
	echo "FAILED: ${failed[*]}"
	exit 1
fi
echo "OK: every build and every test passed"
