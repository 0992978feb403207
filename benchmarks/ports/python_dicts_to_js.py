"""A 100-key Python dict passed to JS: as a Proxy of the dict (what the py port does) against a
copy (metacall.copy(d), a plain JS object), measured in one process, alternating, per JS use:
    python python_dicts_to_js.py [rounds] [calls]
read_one reads one key, read_all every key by name, for_in enumerates and reads, json is
JSON.stringify. Prints a Markdown table: median and range of the rounds, and the ratio."""
import os
import statistics
import sys
import time

import metacall

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
CALLS = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000
JS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "python_dicts.js")


def per_call_us(function, argument):
    start = time.perf_counter_ns()
    for _ in range(CALLS):
        function(argument)
    return (time.perf_counter_ns() - start) / CALLS / 1000


def main():
    functions = metacall.metacall_load_from_file_export("node", [JS])
    d = {f"k{i}": i for i in range(100)}
    copy = metacall.copy(d)
    print("| JS does | proxy (us, median) | range | copy (us, median) | range | proxy / copy |")
    print("|---|---:|---|---:|---|---:|")
    for case in ("read_one", "read_all", "for_in", "json"):
        function = functions[case]
        if function(d) != function(copy):
            raise SystemExit(f"{case}: the proxy and the copy disagree")
        per_call_us(function, d), per_call_us(function, copy)  # warm up
        proxy, copied = [], []
        for _ in range(ROUNDS):
            proxy.append(per_call_us(function, d))
            copied.append(per_call_us(function, copy))
        p, c = statistics.median(proxy), statistics.median(copied)
        print(f"| {case} | {p:.1f} | {min(proxy):.1f}-{max(proxy):.1f} | {c:.1f} | "
              f"{min(copied):.1f}-{max(copied):.1f} | {p / c:.2f}x |")


main()
