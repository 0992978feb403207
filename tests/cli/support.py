"""Shared by the command's tests: where the command and the scripts are, and how to run it."""
import glob
import os
import signal
import subprocess
import time

METACALL = os.environ.get("METACALL_CLI", "metacall")
SCRIPTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scripts")


def script(name):
    return os.path.join(SCRIPTS, name)


def run(args, stdin=None, timeout=60):
    """Runs the command to its end; a hang fails the test through the timeout."""
    return subprocess.run([METACALL, *args], input=stdin, capture_output=True, text=True,
                          timeout=timeout, cwd=SCRIPTS)


def error_lines(stderr):
    return [line for line in stderr.splitlines() if line]


def run_interrupted(tmp_path, setup, commands, presses=1, timeout=30):
    """Runs a session: the `setup` commands, a load that marks the moment the `commands` start,
    then those; sends SIGINT `presses` times (a second apart) 0.5 s after the mark, and returns
    (status, stdout, stderr). Standard input stays open: the session ends by its own `exit` or by
    the signal."""
    started = tmp_path / "started"
    marker = tmp_path / "marker.py"
    marker.write_text(f"open({str(started)!r}, 'w').close()\n")
    stdin = "".join(line + "\n" for line in [*setup, f"load py {marker}", *commands])
    process = subprocess.Popen([METACALL], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, cwd=SCRIPTS)
    try:
        process.stdin.write(stdin)
        process.stdin.flush()
        deadline = time.monotonic() + timeout
        while not started.exists():
            assert time.monotonic() < deadline, "the session never reached its commands"
            assert process.poll() is None, process.communicate()
            time.sleep(0.05)
        time.sleep(0.5)  # the next command is running now
        for press in range(presses):
            if press:
                time.sleep(1)
            process.send_signal(signal.SIGINT)
        process.wait(timeout=timeout)
        out, err = process.communicate(timeout=timeout)
        return process.returncode, out, err
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def libm():
    for pattern in ("/lib/*/libm.so.6", "/usr/lib/*/libm.so.6", "/lib64/libm.so.6"):
        found = glob.glob(pattern)
        if found:
            return found[0]
    raise AssertionError("libm.so.6 not found")
