#!/usr/bin/env python3
"""Node on a host's V8 (host-v8 mode) against the other modes, every measurement in a fresh
process, the modes alternated round by round, medians and ranges printed as Markdown:

- start-up to the first JS call, host-v8 against own (goal <= 1.1x), and isolated;
- RSS of the game server (examples/game_server) with Node in host-v8 mode against the same server
  in isolated mode, a second libnode with its own V8 (goal: at least 20 MB less);
- a call on the thread that owns Node, host-v8 against own (goal: equal).

    python3 benchmarks/host_v8/run.py BUILD_DIR [--rounds N]
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile


def measure(command, env):
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return done.stdout


def summary(values, unit, digits=1):
    return (f"{statistics.median(values):.{digits}f} {unit} "
            f"({min(values):.{digits}f}-{max(values):.{digits}f})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", help="the build folder (Release)")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    program = os.path.join(args.build, "bin", "node_host_v8")
    server = os.path.join(args.build, "bin", "game_server", "game_server")
    libnode = next(line.split("=", 1)[1] for line in open(os.path.join(args.build, "CMakeCache.txt"))
                   if line.startswith("METACALL_NODE_RUNTIME_LIBRARY:"))
    libnode = libnode.strip()

    scratch = tempfile.mkdtemp()
    # The isolated mode needs a libnode that is not the file the host's V8 came from.
    copy = os.path.join(scratch, "libnode.so.108")
    shutil.copy(libnode, copy)
    env = dict(os.environ, METACALL_NODE_LIBRARY=copy)
    env.pop("METACALL_LOG", None)

    startup = {mode: [] for mode in ("own", "host-v8", "isolated")}
    startup_rss = {mode: [] for mode in startup}
    calls = {mode: [] for mode in ("own", "host-v8")}
    server_rss = {mode: [] for mode in ("host-v8", "isolated")}
    for _ in range(args.rounds):
        for mode in startup:
            ms, kib = measure([program, "startup", mode], env).split()
            startup[mode].append(float(ms))
            startup_rss[mode].append(int(kib) / 1024)
        for mode in calls:
            calls[mode].append(float(measure([program, "calls", mode, "200000"], env)))
        if os.path.exists(server):
            for mode in server_rss:
                out = measure([server, "--ticks", "3", "--tick-ms", "5"],
                              dict(env, METACALL_RELINK_NODE=mode))
                server_rss[mode].append(int(re.search(r"server: rss (\d+) KiB", out).group(1)) / 1024)
    shutil.rmtree(scratch)

    def ratio(mode, base, table):
        return statistics.median(table[mode]) / statistics.median(table[base])

    print(f"{args.rounds} rounds, every measurement a fresh process; median (range).")
    print()
    print("| measure | host-v8 | own | isolated | host-v8 / own |")
    print("| --- | --- | --- | --- | --- |")
    print(f"| start-up to the first JS call | {summary(startup['host-v8'], 'ms')} | "
          f"{summary(startup['own'], 'ms')} | {summary(startup['isolated'], 'ms')} | "
          f"{ratio('host-v8', 'own', startup):.2f}x |")
    print(f"| RSS after the first call | {summary(startup_rss['host-v8'], 'MB')} | "
          f"{summary(startup_rss['own'], 'MB')} | {summary(startup_rss['isolated'], 'MB')} | "
          f"{ratio('host-v8', 'own', startup_rss):.2f}x |")
    print(f"| call on the owner thread | {summary(calls['host-v8'], 'ns', 0)} | "
          f"{summary(calls['own'], 'ns', 0)} | | {ratio('host-v8', 'own', calls):.2f}x |")
    if server_rss["host-v8"]:
        saved = [i - h for h, i in zip(server_rss["host-v8"], server_rss["isolated"])]
        print()
        print("| game server RSS (3 ticks) | host-v8 | isolated | isolated - host-v8 |")
        print("| --- | --- | --- | --- |")
        print(f"| | {summary(server_rss['host-v8'], 'MB')} | {summary(server_rss['isolated'], 'MB')} | "
              f"{summary(saved, 'MB')} |")


if __name__ == "__main__":
    main()
