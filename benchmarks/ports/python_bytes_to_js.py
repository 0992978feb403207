"""Python bytes passed to JS: `bytes` (borrowed on the way, copied once into the Buffer from
16 KiB on) against a `bytearray` of the same size (copied twice: into the core value, then into
the Buffer, as bytes were before), in one process, alternating:
    python python_bytes_to_js.py [rounds]
Prints a Markdown table: median and range of the rounds per size, and the ratio."""
import os
import statistics
import sys
import time

import metacall

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
JS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "python_bytes.js")


def per_call_us(function, argument, calls):
    start = time.perf_counter_ns()
    for _ in range(calls):
        function(argument)
    return (time.perf_counter_ns() - start) / calls / 1000


def main():
    length = metacall.metacall_load_from_file_export("node", [JS])["length"]
    print("| size | bytes (us, median) | range | bytearray (us, median) | range | bytes / bytearray |")
    print("|---|---:|---|---:|---|---:|")
    for size, label in ((1 << 10, "1 KiB"), (1 << 14, "16 KiB"), (1 << 16, "64 KiB"), (1 << 20, "1 MiB")):
        data, copy = bytes(size), bytearray(size)
        calls = 20_000 if size < (1 << 20) else 1_000
        if length(data) != size or length(copy) != size:
            raise SystemExit(f"{label}: JS got the wrong length")
        per_call_us(length, data, calls // 10), per_call_us(length, copy, calls // 10)  # warm up
        borrowed, copied = [], []
        for _ in range(ROUNDS):
            borrowed.append(per_call_us(length, data, calls))
            copied.append(per_call_us(length, copy, calls))
        b, c = statistics.median(borrowed), statistics.median(copied)
        print(f"| {label} | {b:.1f} | {min(borrowed):.1f}-{max(borrowed):.1f} | {c:.1f} | "
              f"{min(copied):.1f}-{max(copied):.1f} | {b / c:.2f}x |")


main()
