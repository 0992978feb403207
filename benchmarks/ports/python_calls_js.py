"""One measurement of Python -> JS add(a, b) (benchmarks/node/add.js) through the py port, in
this python; run.py runs each mode in processes of its own and compares them.
    python python_calls_js.py <mode> <calls>
modes: name              metacall.metacall("add", a, b), Node on this (the main) thread: the default
       function          the function of `from add.js import add` (import hook), same
       name-own          metacall("add", a, b), Node on a thread of its own (METACALL_NODE_THREAD=own)
       empty-loop        the loop alone (its cost is in every figure above)
Prints {"mode": ..., "ns": <ns per call>}."""
import json
import os
import sys
import time

MODE = sys.argv[1]
CALLS = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
ADD_JS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "node", "add.js")


def timed(run):
    run(1000)  # warm up: Node's JIT, the handoff
    best = None
    for _ in range(3):  # best of 3: a stray interruption does not count
        start = time.perf_counter_ns()
        run(CALLS)
        elapsed = time.perf_counter_ns() - start
        best = elapsed if best is None else min(best, elapsed)
    return best / CALLS


def main():
    if MODE == "empty-loop":
        def loop(calls):
            for i in range(calls):
                pass
        return timed(loop)
    if MODE == "name-own":
        os.environ["METACALL_NODE_THREAD"] = "own"  # read when the package starts Node
    import metacall
    if MODE == "function":
        sys.path.insert(0, os.path.dirname(ADD_JS))
        from add.js import add  # noqa: E402  (the import hook: a function of the module)

        def run(calls):
            total = 0
            for i in range(calls):
                total += add(i, 1)
            check(total, calls)
    elif MODE in ("name", "name-own"):
        metacall.metacall_load_from_file("node", [ADD_JS])
        call = metacall.metacall

        def run(calls):
            total = 0
            for i in range(calls):
                total += call("add", i, 1)
            check(total, calls)
    else:
        raise SystemExit(f"unknown mode '{MODE}'")
    return timed(run)


def check(total, calls):  # every call ran and returned the right sum
    if total != calls * (calls - 1) // 2 + calls:
        raise SystemExit(f"{MODE}: wrong sum {total}")

print(json.dumps({"mode": MODE, "ns": main()}))
