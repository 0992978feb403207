"""ns per call of Python -> JS add(a, b) through the port; run in tests/py_port/scripts:
    python benchmark_add.py [calls] [--pump]
--pump: metacall_pump("node") first, so Node runs on this thread (no handoff per call)."""
import sys
import time

import metacall

CALLS = int(next((a for a in sys.argv[1:] if a.isdigit()), 100_000))
if "--pump" in sys.argv:
    metacall.metacall_pump("node")
metacall.metacall_load_from_file("node", ["mylib.js"])
from mylib.js import add  # noqa: E402  (through the import hook: a metacall.Function)


def by_name(calls):
    call = metacall.metacall
    for i in range(calls):
        call("add", i, 1)


def by_function(calls):
    for i in range(calls):
        add(i, 1)


def empty_loop(calls):
    for i in range(calls):
        pass


for label, run in (("metacall('add', i, 1)", by_name), ("from mylib.js import add; add(i, 1)", by_function),
                   ("empty Python loop", empty_loop)):
    run(1000)  # warm up: Node's JIT, the handoff
    best = min(timed for timed in ((lambda: (lambda s: (run(CALLS), time.perf_counter_ns() - s)[1])(
        time.perf_counter_ns()))() for _ in range(3)))
    print(f"{label}: {best / CALLS:.0f} ns per call (best of 3 runs of {CALLS})")
