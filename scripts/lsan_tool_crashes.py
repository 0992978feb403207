#!/usr/bin/env python3
"""Tells whether every test that failed in a ctest log failed only because LeakSanitizer itself
crashed at exit ("Tracer caught signal 11" from its stop-the-world tracer, a known intermittent
fault of the tool: google/sanitizers#1353), after the test's own checks had passed.

Usage: lsan_tool_crashes.py CTEST_LOG
Prints a ctest -R regex naming those tests and exits 0 when every failure is such a crash; exits 1
(printing nothing) when any failure is anything else, or when nothing failed. scripts/test.sh then
reruns those tests once: a leak, an error or a crash of our own still fails the run.
"""
import re
import sys

FAILED = re.compile(r"Test\s+#\d+: (\S+) \.*\s*\*\*\*(Failed|Exception)")
BOUNDARY = re.compile(r"^\s*(Start\s+\d+:|\d+/\d+ Test\s+#)")
LISTED = re.compile(r"^\s+\d+ - (\S+) \((Failed|Exception|Timeout|Not Run)\)")


def main(path: str) -> int:
    failed, tool_crash, gtest_passed, own_error = set(), set(), set(), set()
    current = None
    with open(path, errors="replace") as log:
        for line in log:
            match = FAILED.search(line)
            if match:
                current = match.group(1)
                failed.add(current)
                continue
            listed = LISTED.match(line)
            if listed:
                failed.add(listed.group(1))
                if listed.group(2) in ("Timeout", "Not Run"):
                    own_error.add(listed.group(1))
                continue
            if BOUNDARY.match(line):
                current = None
                continue
            if current is None:
                continue
            if "Tracer caught signal" in line:
                tool_crash.add(current)
            elif "[  PASSED  ]" in line:
                gtest_passed.add(current)
            elif re.search(r"ERROR: (AddressSanitizer|LeakSanitizer): |runtime error:|\[  FAILED  \]", line):
                own_error.add(current)
    retry = {name for name in tool_crash if name in gtest_passed and name not in own_error}
    if not failed or failed != retry:
        return 1
    print("^(" + "|".join(re.escape(name) for name in sorted(retry)) + ")$")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
