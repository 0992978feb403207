"""The REPL on a real terminal: tmux runs the command, the test types keys and reads the screen.
Checks tab completion, the history (in the session and in its file), Ctrl-C at the prompt and
during a call, UTF-8 input, and Ctrl-D. Every wait is bounded; the tmux server is killed at the end."""
import os
import shutil
import subprocess
import time

import pytest

from support import METACALL, SCRIPTS

PROMPT = "metacall> "


class Terminal:
    def __init__(self, tmp_path, command):
        assert shutil.which("tmux"), "tmux is needed (scripts/install-deps.sh installs it)"
        self.socket = str(tmp_path / "tmux.sock")
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "cli", "-x", "120", "-y", "50",
                  "-c", SCRIPTS, command)
        self.tmux("set-option", "-t", "cli", "remain-on-exit", "on")

    def tmux(self, *args):
        return subprocess.run(["tmux", "-S", self.socket, *args], check=True, capture_output=True,
                              text=True, timeout=10).stdout

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "cli")

    def lines(self):
        return [line.rstrip() for line in self.screen().splitlines() if line.strip()]

    def type(self, text):
        self.tmux("send-keys", "-t", "cli", "-l", text)

    def press(self, *keys):
        self.tmux("send-keys", "-t", "cli", *keys)

    def wait(self, condition, what, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if condition(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the screen:\n{self.screen()}")

    def wait_for_text(self, text, count=1):
        return self.wait(lambda screen: screen.count(text) >= count, repr(text))

    def wait_for_prompt(self, count):
        """Waits for the count-th prompt, empty and last on the screen."""
        def ready(_):
            lines = self.lines()  # tmux drops trailing spaces: the empty prompt reads "metacall>"
            prompts = [line for line in lines if line.startswith(PROMPT.rstrip())]
            return len(prompts) >= count and lines[-1] == PROMPT.rstrip() and self.editing()
        return self.wait(ready, f"prompt #{count}")

    def editing(self):
        """libedit shows the prompt before it puts the terminal in its own (non-canonical) mode:
        a key sent in between is handled by the terminal itself (a Ctrl-D would be lost)."""
        tty = self.tmux("display-message", "-p", "-t", "cli", "#{pane_tty}").strip()
        mode = subprocess.run(["stty", "-F", tty, "-a"], capture_output=True, text=True, timeout=10).stdout
        return "-icanon" in mode.split()

    def close(self):
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], capture_output=True, timeout=10)


@pytest.fixture
def terminal(tmp_path):
    history = tmp_path / "history"
    # The shell that tmux starts reports the command's exit status on the screen (tmux itself
    # does not always collect it: its #{pane_dead_status} stays empty at times).
    command = f'env HOME={tmp_path} METACALL_HISTORY={history} {METACALL}; echo "exit status $?"'
    term = Terminal(tmp_path, command)
    term.history = history
    try:
        yield term
    finally:
        term.close()


def test_completion_history_ctrl_c_and_ctrl_d(terminal):
    t = terminal
    t.wait_for_prompt(1)
    t.type("load py arith.py")
    t.press("Enter")
    t.wait_for_text("loaded arith.py")
    t.wait_for_prompt(2)

    # Tab completes a command, then a function name (with its parenthesis).
    t.type("ca")
    t.press("Tab")
    t.wait(lambda s: t.lines()[-1] == PROMPT + "call", "the command completed")
    t.type("ad")
    t.press("Tab")
    t.wait(lambda s: t.lines()[-1] == PROMPT + "call add(", "the function completed")
    t.type("1, 2)")
    t.press("Enter")
    t.wait(lambda s: "3" in t.lines(), "the result 3")
    t.wait_for_prompt(3)

    # Up brings the last line back; Enter runs it again.
    t.press("Up")
    t.wait(lambda s: t.lines()[-1] == PROMPT + "call add(1, 2)", "the line from the history")
    t.press("Enter")
    t.wait(lambda s: t.lines().count("3") == 2, "the result again")
    t.wait_for_prompt(4)

    # Ctrl-C at the prompt drops what was typed, and nothing runs.
    t.type('call describe("dropped")')
    t.press("C-c")
    t.wait_for_prompt(5)
    assert "dropped'" not in t.screen()  # describe would have printed "str: 'dropped'"
    assert any(line.endswith("^C") for line in t.lines())

    # Ctrl-C during a call stops it; the REPL goes on.
    t.type("call spin_loudly()")
    t.press("Enter")
    t.wait(lambda s: "spinning" in t.lines(), "the call to start")
    t.press("C-c")
    t.wait(lambda s: any(line.startswith("error: InterruptedError") for line in t.lines()),
           "the interrupted call's error, on a line of its own")
    t.wait_for_prompt(6)
    t.type("call add(20, 22)")
    t.press("Enter")
    t.wait(lambda s: "42" in t.lines(), "a call after the interrupted one")
    t.wait_for_prompt(7)

    # Characters beyond ASCII are edited and passed as typed (libedit decodes them by the locale).
    t.type('call describe("héllo ✓")')
    t.press("Enter")
    t.wait(lambda s: "\"str: 'héllo ✓'\"" in t.lines(), "the UTF-8 argument back")
    t.wait_for_prompt(8)

    # Ctrl-D leaves with status 0; the history file has the lines typed.
    t.press("C-d")
    t.wait(lambda s: any(line.startswith("exit status") for line in t.lines()), "the program's end")
    assert [line for line in t.lines() if line.startswith("exit status")] == ["exit status 0"]
    history = t.history.read_text().replace("\\040", " ").splitlines()  # libedit's file format
    assert history[1:] == ["load py arith.py", "call add(1, 2)", "call spin_loudly()", "call add(20, 22)",
                           'call describe("héllo ✓")']
