#!/usr/bin/env python3
"""The ports side by side, in one run: Node -> Python add(a, b) through require('metacall') and
through node-calls-python (npm), Python -> JS add(a, b) through `import metacall`, and Python -> JS
add, a string, an array and an object (python_bench.js) through `import metacall` and through
PythonMonkey (pip), each table against a baseline of the same run.

    python3 benchmarks/ports/run.py [build folder, default build-bench] [--rounds N]
                                    [--only node-python|python-js]

Each measurement runs in a process of its own (two embedded CPythons cannot share one `node`:
node-calls-python starts one, the py loader another); rounds alternate the modes so that drift of
the machine touches all of them alike, and each row is the median of its rounds. Prints Markdown
tables, each against a baseline row of the same run. Set-up, in <build>/benchmarks/ports:
- npm/: the build's node port and node-calls-python, compiled against Debian's python3 (the
  libpython the py loader uses), so both sides run the same CPython;
- venv/: a venv of /usr/bin/python3 with the build's py port and PythonMonkey installed.
Run it on a quiet machine: on 2 cores, any other process shows in the figures.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
NODE_CALLS_PYTHON = "node-calls-python@1.11.1"
PYTHONMONKEY = "pythonmonkey==1.4.1"

# (mode, calls per measurement, label)
NODE_TO_PYTHON = [
    ("ncp-sync", 1_000_000, "node-calls-python `py.callSync(module, 'add', a, b)`"),
    ("ncp-async", 20_000, "node-calls-python `await py.call(module, 'add', a, b)`"),
    ("metacall-name", 1_000_000, "metacall port `metacall('add', a, b)`"),
    ("metacall-function", 1_000_000, "metacall port, the function of `require('./python_add.py')`"),
]
NUMBERS = [
    ("metacall-function", 1_000_000, "integer arguments `add(i, 1)`: Python ints"),
    ("metacall-floats", 1_000_000, "float arguments `add(i + 0.5, 0.5)`: Python floats"),
]
PYTHON_TO_JS = [
    ("empty-loop", 1_000_000, "the Python loop alone"),
    ("name", 200_000, "metacall port `metacall('add', a, b)`, Node on Python's main thread (default)"),
    ("function", 200_000, "metacall port, the function of `from add.js import add`, same"),
    ("name-own", 200_000, "metacall port `metacall('add', a, b)`, Node on a thread of its own"),
]
# Python -> JS against PythonMonkey (python_vs_pythonmonkey.py): (case, calls per measurement,
# title, goal for the py port as it starts, as a ratio to PythonMonkey, or None).
AGAINST_PYTHONMONKEY = [
    ("add", 200_000, "`add(i, 1)`", 0.7),
    ("string", 100_000, "`echo(s)`, s a 1,000-character string (result checked)", 0.8),
    ("array", 20_000, "`make_array()`, a fresh 100-element array, as returned", 1.0),
    ("array-list", 20_000, "`list(make_array())`", 0.5),
    ("object", 5_000, "`make_object()`, a fresh 100-key object, as returned", None),
    ("object-dict", 5_000, "`dict(make_object())`", None),
]
BRIDGES = [  # (bridge, label); the last is the baseline
    ("metacall", "metacall port, as it starts (Node on Python's thread, views)"),
    ("metacall-own", "metacall port, Node on a thread of its own, copies (before issue #19)"),
    ("pythonmonkey", "PythonMonkey 1.4.1"),
]


def run(command, env, **kwargs):
    return subprocess.run(command, env=env, check=True, **kwargs)


def set_up(build, env, node_python, python_js):
    folder = os.path.join(build, "benchmarks", "ports")
    npm = os.path.join(folder, "npm")
    node_port = os.path.join(build, "source", "ports", "node_port")
    py_port = os.path.join(build, "source", "ports", "py_port", "package")
    for needed in (node_port, py_port):
        if not os.path.isdir(needed):
            raise SystemExit(f"run.py: {needed} is missing: build the ports first (cmake --build {build})")
    if node_python:
        if not os.path.isdir(os.path.join(npm, "node_modules", "node-calls-python")):
            print(f"installing {NODE_CALLS_PYTHON} (compiles against Debian's python3) ...", file=sys.stderr)
        run(["npm", "install", "--prefix", npm, "--no-audit", "--no-fund", "--loglevel=error", node_port,
             NODE_CALLS_PYTHON], env, stdout=subprocess.DEVNULL)
    venv = os.path.join(folder, "venv")
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", venv], env)
    run([python, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", "--no-build-isolation",
         "--force-reinstall", py_port], env)
    if python_js:  # from PyPI; a no-op (no download) once that version is in the venv
        run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", PYTHONMONKEY], env)
    return os.path.join(npm, "node_modules"), python


def measure_json(command, env):
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure(command, env):
    return measure_json(command, env)["ns"]


def table(title, rows, results, baseline, goals):
    base = statistics.median(results[baseline])
    print(f"### {title}\n")
    print("| call | ns per call (median) | ratio to baseline | rounds (ns) | goal |")
    print("|---|---:|---:|---|---|")
    for mode, _, label in rows:
        value = statistics.median(results[mode])
        spread = ", ".join(f"{v:.0f}" for v in results[mode])
        print(f"| {label} | {value:,.0f} | {value / base:.2f}x | {spread} | {goals.get(mode, '')} |")
    print()


def pythonmonkey_table(case, title, goal, results, extras):
    """One case: a row per bridge, median of its rounds and their range, ratio to PythonMonkey."""
    base = statistics.median(results[("pythonmonkey", case)])
    print(f"### Python -> JS {title}: against PythonMonkey\n")
    print("| bridge | ns per call (median) | range (ns) | ratio to PythonMonkey | goal |")
    print("|---|---:|---|---:|---|")
    for bridge, label in BRIDGES:
        values = results[(bridge, case)]
        value = statistics.median(values)
        ratio = value / base
        verdict = ""
        if bridge == "metacall":
            verdict = "none (reported)" if goal is None else \
                f"at most {goal:.1f}x: {'met' if ratio <= goal else 'not met'}"
        print(f"| {label} | {value:,.0f} | {min(values):,.0f}-{max(values):,.0f} | {ratio:.2f}x | {verdict} |")
    notes = []
    for bridge, _ in BRIDGES:
        threads = max(e["threads"] for e in extras[(bridge, case)])
        growth = statistics.median(e["rss_growth_kb"] for e in extras[(bridge, case)]) / 1024
        notes.append(f"{bridge} {threads} threads, {growth:+.1f} MB")
    print(f"\nProcess threads and resident memory growth over a measurement (median): {'; '.join(notes)}.\n")


def main():
    parser = argparse.ArgumentParser(description="The ports side by side with node-calls-python and PythonMonkey.")
    parser.add_argument("build", nargs="?", default="build-bench", help="the build folder")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of every mode (default 5)")
    parser.add_argument("--only", choices=("node-python", "python-js"),
                        help="one direction: Node -> Python, or Python -> JS (with PythonMonkey)")
    options = parser.parse_args()
    rounds = options.rounds
    node_python = options.only in (None, "node-python")
    python_js = options.only in (None, "python-js")
    build = os.path.abspath(options.build)
    # Debian's python3 first: node-calls-python finds its CPython through `python3` on PATH.
    env = dict(os.environ, PATH="/usr/bin:" + os.environ.get("PATH", ""))
    node_modules, python = set_up(build, env, node_python, python_js)
    node_env = dict(env, NODE_PATH=node_modules)
    with open("/proc/loadavg") as f:
        load_before = f.read().split()[0]
    results = {}
    extras = {}  # (bridge, case): what python_vs_pythonmonkey.py printed besides the time
    start = time.monotonic()
    for _ in range(rounds):
        if node_python:
            for mode, calls, _ in NODE_TO_PYTHON:
                results.setdefault(mode, []).append(
                    measure(["node", os.path.join(HERE, "node_calls_python.js"), mode, str(calls)], node_env))
            mode, calls, _ = NUMBERS[1]  # NUMBERS[0] is measured with NODE_TO_PYTHON
            results.setdefault(mode, []).append(
                measure(["node", os.path.join(HERE, "node_calls_python.js"), mode, str(calls)], node_env))
        if python_js:
            for mode, calls, _ in PYTHON_TO_JS:
                results.setdefault(mode, []).append(
                    measure([python, os.path.join(HERE, "python_calls_js.py"), mode, str(calls)], env))
            for case, calls, _, _ in AGAINST_PYTHONMONKEY:
                for bridge, _ in BRIDGES:  # one process per bridge and case
                    out = measure_json([python, os.path.join(HERE, "python_vs_pythonmonkey.py"), bridge, case,
                                        str(calls)], env)
                    results.setdefault((bridge, case), []).append(out["ns"])
                    extras.setdefault((bridge, case), []).append(out)
    with open("/proc/loadavg") as f:
        load_after = f.read().split()[0]
    print(f"Ports, {rounds} rounds in {time.monotonic() - start:.0f} s; load average {load_before} before, "
          f"{load_after} after.\n")
    if node_python:
        table("Node -> Python `add(a, b)`", NODE_TO_PYTHON, results, "ncp-sync",
              {"metacall-name": "at most 300 ns", "metacall-function": "at most 300 ns"})
        table("Node -> Python `add(a, b)`: integers against floats (docs/NUMBERS.md)", NUMBERS, results,
              "metacall-floats", {"metacall-function": "no measurable difference"})
    if python_js:
        table("Python -> JS `add(a, b)`", PYTHON_TO_JS, results, "name-own",
              {"name": "at most 2,000 ns", "function": "at most 2,000 ns"})
        for case, _, title, goal in AGAINST_PYTHONMONKEY:
            pythonmonkey_table(case, title, goal, results, extras)


if __name__ == "__main__":
    main()
