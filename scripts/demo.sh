#!/usr/bin/env bash
# Installs the dependencies, builds libmetacall and the examples in build/, and runs the demo
# host (examples/host_demo). Environment: JOBS (parallel jobs, default 2).
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=${JOBS:-2}

bash scripts/install-deps.sh
# Same configuration as scripts/test.sh, so that both share build/ without reconfiguring.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMETACALL_SANITIZE=OFF \
	-DMETACALL_BUILD_TESTS=ON -DMETACALL_BUILD_BENCHMARKS=ON -DMETACALL_BUILD_EXAMPLES=ON >/dev/null
cmake --build build -j "$jobs" --target host_demo

echo
echo "==== build/bin/host_demo"
build/bin/host_demo
