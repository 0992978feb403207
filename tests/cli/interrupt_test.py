"""Ctrl-C (SIGINT) while the command runs a call, awaits, or waits for its next command."""
from support import error_lines, run_interrupted


def test_a_running_js_call_is_stopped_and_the_session_goes_on(tmp_path):
    status, out, err = run_interrupted(tmp_path, ["load node text.js"], ["call spin()", 'call shout("after")', "exit"])
    errors = error_lines(err)
    assert len(errors) == 1 and errors[0].startswith("error: InterruptedError: "), err
    assert out.splitlines()[-1] == '"AFTER!"'
    assert status == 0  # `exit` ends it; the interrupted call printed its error


def test_a_running_python_call_is_stopped_and_the_session_goes_on(tmp_path):
    status, out, err = run_interrupted(tmp_path, ["load py arith.py"], ["call spin()", "call add(1, 2)", "exit"])
    errors = error_lines(err)
    assert len(errors) == 1 and errors[0].startswith("error: InterruptedError: "), err
    assert out.splitlines()[-1] == "3"
    assert status == 0


def test_an_await_stops_waiting_and_the_session_goes_on(tmp_path):
    status, out, err = run_interrupted(tmp_path, ["load node text.js"], ["await never()", 'call shout("after")', "exit"])
    assert error_lines(err) == ["error: interrupted: stopped waiting (the future settles unseen)"]
    assert out.splitlines()[-1] == '"AFTER!"'
    assert status == 0


def test_a_call_that_cannot_be_stopped_ends_at_the_second_ctrl_c(tmp_path):
    # libc's sleep through the c loader: no runtime can stop it.
    status, out, err = run_interrupted(tmp_path, ["load c sleep.h"], ["call sleep(30)", "exit"], presses=2)
    assert status == 130
    assert "this call cannot be interrupted; press Ctrl-C again to quit" in err
    assert "interrupted again: quitting" in err


def test_ctrl_c_between_commands_of_a_script_ends_it_with_130(tmp_path):
    status, out, err = run_interrupted(tmp_path, [], [])  # waits for a command that never comes
    assert status == 130
    assert err.strip() == "interrupted"
