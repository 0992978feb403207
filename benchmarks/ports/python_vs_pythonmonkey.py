"""One measurement of a Python -> JS call (benchmarks/ports/python_bench.js) through one bridge, in
this python; run.py runs each bridge and case in a process of its own and compares them.
    python python_vs_pythonmonkey.py <bridge> <case> <calls>
bridges: metacall         the py port as it starts: Node on Python's main thread, views
         metacall-own     Node on a thread of its own (METACALL_NODE_THREAD=own), copies
                          (METACALL_VIEWS=0): the port before issue #19
         pythonmonkey     PythonMonkey (pip), SpiderMonkey in this process
cases:   add              add(i, 1); the sum of the results is checked
         string           echo(s), s 1,000 ASCII characters; every result is checked (== s)
         array            make_array(): a fresh JS [0..99], the result kept as returned
         array-list       list(make_array())
         object           make_object(): a fresh JS {k0: 0, ..., k99: 99}, kept as returned
         object-dict      dict(make_object())
The last result of the array and object cases is checked against the expected values. Prints
{"bridge": ..., "case": ..., "ns": <ns per call>, "threads": <threads of this process at the end>,
"rss_growth_kb": <resident memory at the end minus before the first call>}."""
import json
import os
import sys
import time

BRIDGE, CASE = sys.argv[1], sys.argv[2]
CALLS = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
JS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "python_bench.js")
STRING = ("0123456789abcdef" * 63)[:1000]
ARRAY = list(range(100))
OBJECT = {f"k{i}": i for i in range(100)}


def rss_kb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def load():
    """{name: function} of python_bench.js through the bridge."""
    if BRIDGE == "pythonmonkey":
        import pythonmonkey

        return pythonmonkey.require(JS)
    if BRIDGE in ("metacall", "metacall-own"):
        if BRIDGE == "metacall-own":  # read when the package starts Node, and per call
            os.environ["METACALL_NODE_THREAD"] = "own"
            os.environ["METACALL_VIEWS"] = "0"
        import metacall

        return metacall.metacall_load_from_file_export("node", [JS])
    raise SystemExit(f"unknown bridge '{BRIDGE}'")


def fail(what):
    raise SystemExit(f"{BRIDGE} {CASE}: {what}")


def runner(functions):
    """The loop of CASE: run(calls) makes `calls` calls and checks what they returned."""
    if CASE == "add":
        add = functions["add"]

        def run(calls):
            total = 0
            for i in range(calls):
                total += add(i, 1)
            if total != calls * (calls - 1) // 2 + calls:
                fail(f"wrong sum {total}")
    elif CASE == "string":
        echo = functions["echo"]

        def run(calls):
            wrong = 0
            for _ in range(calls):
                if echo(STRING) != STRING:
                    wrong += 1
            if wrong:
                fail(f"{wrong} of {calls} results differ from the argument")
    elif CASE in ("array", "array-list"):
        make_array = functions["make_array"]
        convert = list if CASE == "array-list" else None

        def run(calls):
            result = None
            if convert is None:
                for _ in range(calls):
                    result = make_array()
            else:
                for _ in range(calls):
                    result = convert(make_array())
                if type(result) is not list:
                    fail(f"list() gave {type(result)}")
            if list(result) != ARRAY:
                fail(f"wrong array {list(result)[:5]}...")
    elif CASE in ("object", "object-dict"):
        make_object = functions["make_object"]
        convert = dict if CASE == "object-dict" else None

        def run(calls):
            result = None
            if convert is None:
                for _ in range(calls):
                    result = make_object()
            else:
                for _ in range(calls):
                    result = convert(make_object())
                if type(result) is not dict:
                    fail(f"dict() gave {type(result)}")
            if dict(result) != OBJECT:
                fail("wrong object")
    else:
        raise SystemExit(f"unknown case '{CASE}'")
    return run


def main():
    run = runner(load())
    rss_before = rss_kb()
    run(min(1000, CALLS))  # warm up: the JITs, the first conversions
    best = None
    for _ in range(3):  # best of 3: a stray interruption does not count
        start = time.perf_counter_ns()
        run(CALLS)
        elapsed = time.perf_counter_ns() - start
        best = elapsed if best is None else min(best, elapsed)
    return {"bridge": BRIDGE, "case": CASE, "ns": best / CALLS,
            "threads": len(os.listdir("/proc/self/task")), "rss_growth_kb": rss_kb() - rss_before}


print(json.dumps(main()))
