#!/usr/bin/env python3
"""Turns Google Benchmark JSON into a Markdown table against a baseline row of the same run.

usage: report.py RESULT.json BASELINE_NAME
Rows are the median of the repetitions (cpu time per iteration); each is shown with the time it
adds to the baseline and its ratio to it.
"""
import json
import sys


def medians(path):
    with open(path) as f:
        data = json.load(f)
    rows = {}
    for bench in data["benchmarks"]:
        name = bench.get("run_name", bench["name"])
        if bench.get("aggregate_name", "median") != "median":
            continue
        factor = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[bench.get("time_unit", "ns")]
        rows[name] = bench["cpu_time"] * factor
    return data.get("context", {}), rows


def main():
    path, baseline = sys.argv[1], sys.argv[2]
    context, rows = medians(path)
    base = rows[baseline]
    print(f"Machine: {context.get('num_cpus', '?')} CPUs at {context.get('mhz_per_cpu', '?')} MHz, "
          f"{context.get('date', '')}\n")
    print("| benchmark | ns per call (median) | added to baseline (ns) | ratio to baseline |")
    print("|---|---:|---:|---:|")
    for name, ns in rows.items():
        print(f"| {name} | {ns:.1f} | {ns - base:+.1f} | {ns / base:.2f}x |")


if __name__ == "__main__":
    main()
