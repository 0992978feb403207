#!/usr/bin/env python3
"""Turns Google Benchmark JSON into a Markdown table against a baseline row of the same run.

usage: report.py RESULT.json BASELINE_NAME [--real-time] [--rows=REGEX]
Rows are the median of the repetitions, with the range (fastest to slowest repetition) (cpu time per iteration, or with --real-time the wall-clock
time: for calls that wait for another thread); each is shown with the time it adds to the baseline
and its ratio to it. User counters of a row (e.g. process_cpu_us) are listed below the table.
--rows=REGEX lists only the rows whose name matches (one run measured with several baselines).
"""
import json
import re
import sys


# Fields of a benchmark entry that are not user counters.
STANDARD = {"name", "family_index", "per_family_instance_index", "run_name", "run_type", "repetitions",
            "repetition_index", "threads", "iterations", "real_time", "cpu_time", "time_unit",
            "aggregate_name", "aggregate_unit", "error_occurred", "error_message"}


def display_name(name):
    """The row's name without the suffixes Google Benchmark adds (/real_time, /iterations:N, ...)."""
    return name.split("/")[0]


def medians(path, time_field="cpu_time"):
    with open(path) as f:
        data = json.load(f)
    rows, counters, runs = {}, {}, {}
    for bench in data["benchmarks"]:
        name = display_name(bench.get("run_name", bench["name"]))
        factor = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[bench.get("time_unit", "ns")]
        if bench.get("run_type") == "iteration":  # one repetition: for the range
            runs.setdefault(name, []).append(bench[time_field] * factor)
            continue
        if bench.get("aggregate_name", "median") != "median":
            continue
        rows[name] = bench[time_field] * factor
        extra = {key: value for key, value in bench.items() if key not in STANDARD}
        if extra:
            counters[name] = extra
    return data.get("context", {}), rows, counters, runs


def main():
    path, baseline = sys.argv[1], sys.argv[2]
    real_time = "--real-time" in sys.argv[3:]
    only = next((arg.split("=", 1)[1] for arg in sys.argv[3:] if arg.startswith("--rows=")), None)
    context, rows, counters, runs = medians(path, "real_time" if real_time else "cpu_time")
    base = rows[baseline]
    print(f"Machine: {context.get('num_cpus', '?')} CPUs at {context.get('mhz_per_cpu', '?')} MHz, "
          f"{context.get('date', '')}\n")
    print("| benchmark | ns per call (median) | range of the runs | added to baseline (ns) | ratio to baseline |")
    print("|---|---:|---:|---:|---:|")
    for name, ns in rows.items():
        if only is not None and not re.search(only, name):
            continue
        spread = runs.get(name)
        span = f"{min(spread):.1f} to {max(spread):.1f}" if spread else "n/a"
        print(f"| {name} | {ns:.1f} | {span} | {ns - base:+.1f} | {ns / base:.2f}x |")
    if real_time:
        print("\n(wall-clock time)")
    for name, extra in counters.items():
        if only is not None and not re.search(only, name):
            continue
        listed = ", ".join(f"{key} = {value:.1f}" for key, value in extra.items())
        print(f"\n- {name}: {listed} (median)")


if __name__ == "__main__":
    main()
