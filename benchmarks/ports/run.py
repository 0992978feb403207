#!/usr/bin/env python3
"""The ports side by side, in one run: Node -> Python add(a, b) through require('metacall') and
through node-calls-python (npm), and Python -> JS add(a, b) through `import metacall`.

    python3 benchmarks/ports/run.py [build folder, default build-bench] [--rounds N]

Each measurement runs in a process of its own (two embedded CPythons cannot share one `node`:
node-calls-python starts one, the py loader another); rounds alternate the modes so that drift of
the machine touches all of them alike, and each row is the median of its rounds. Prints Markdown
tables, each against a baseline row of the same run. Set-up, in <build>/benchmarks/ports:
- npm/: the build's node port and node-calls-python, compiled against Debian's python3 (the
  libpython the py loader uses), so both sides run the same CPython;
- venv/: a venv of /usr/bin/python3 with the build's py port installed.
Run it on a quiet machine: on 2 cores, any other process shows in the figures.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NODE_CALLS_PYTHON = "node-calls-python@1.11.1"

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
    ("name", 200_000, "metacall port `metacall('add', a, b)`, Node on the loader's own thread"),
    ("function", 200_000, "metacall port, the function of `from add.js import add`, same"),
    ("name-pumped", 200_000, "metacall port `metacall('add', a, b)` after `metacall_pump('node')`"),
]


def run(command, env, **kwargs):
    return subprocess.run(command, env=env, check=True, **kwargs)


def set_up(build, env):
    folder = os.path.join(build, "benchmarks", "ports")
    npm = os.path.join(folder, "npm")
    node_port = os.path.join(build, "source", "ports", "node_port")
    py_port = os.path.join(build, "source", "ports", "py_port", "package")
    for needed in (node_port, py_port):
        if not os.path.isdir(needed):
            raise SystemExit(f"run.py: {needed} is missing: build the ports first (cmake --build {build})")
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
    return os.path.join(npm, "node_modules"), python


def measure(command, env):
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])["ns"]


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


def main():
    parser = argparse.ArgumentParser(description="The ports side by side with node-calls-python.")
    parser.add_argument("build", nargs="?", default="build-bench", help="the build folder")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of every mode (default 5)")
    options = parser.parse_args()
    rounds = options.rounds
    build = os.path.abspath(options.build)
    # Debian's python3 first: node-calls-python finds its CPython through `python3` on PATH.
    env = dict(os.environ, PATH="/usr/bin:" + os.environ.get("PATH", ""))
    node_modules, python = set_up(build, env)
    node_env = dict(env, NODE_PATH=node_modules)
    with open("/proc/loadavg") as f:
        load_before = f.read().split()[0]
    results = {}
    for _ in range(rounds):
        for mode, calls, _ in NODE_TO_PYTHON:
            results.setdefault(mode, []).append(
                measure(["node", os.path.join(HERE, "node_calls_python.js"), mode, str(calls)], node_env))
        mode, calls, _ = NUMBERS[1]  # NUMBERS[0] is measured with NODE_TO_PYTHON
        results.setdefault(mode, []).append(
            measure(["node", os.path.join(HERE, "node_calls_python.js"), mode, str(calls)], node_env))
        for mode, calls, _ in PYTHON_TO_JS:
            results.setdefault(mode, []).append(
                measure([python, os.path.join(HERE, "python_calls_js.py"), mode, str(calls)], env))
    with open("/proc/loadavg") as f:
        load_after = f.read().split()[0]
    print(f"Ports, {rounds} rounds; load average {load_before} before, {load_after} after.\n")
    table("Node -> Python `add(a, b)`", NODE_TO_PYTHON, results, "ncp-sync",
          {"metacall-name": "at most 300 ns", "metacall-function": "at most 300 ns"})
    table("Node -> Python `add(a, b)`: integers against floats (docs/NUMBERS.md)", NUMBERS, results,
          "metacall-floats", {"metacall-function": "no measurable difference"})
    table("Python -> JS `add(a, b)`", PYTHON_TO_JS, results, "name-pumped",
          {"name": "at most 2,000 ns", "function": "at most 2,000 ns"})


if __name__ == "__main__":
    main()
