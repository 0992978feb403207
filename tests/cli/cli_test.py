"""The `metacall` command driven through its arguments and standard input (not a terminal)."""
import json
import os
import re
import subprocess

from support import error_lines, libm, run, script


def test_version_and_help():
    version = run(["--version"])
    assert version.returncode == 0
    assert re.fullmatch(r"metacall \d+\.\d+\.\d+ \(libmetacall \d+\.\d+\.\d+\)\n", version.stdout)
    usage = run(["--help"])
    assert usage.returncode == 0
    assert usage.stdout.startswith("usage: metacall")
    for option in ("--interactive", "--eval", "--tag", "--version"):
        assert option in usage.stdout


def test_bad_command_lines_exit_with_2():
    unknown = run(["--frobnicate"])
    assert (unknown.returncode, unknown.stdout) == (2, "")
    assert unknown.stderr == "metacall: unknown option --frobnicate (metacall --help lists them)\n"
    extension = run(["notes.rb"])
    assert extension.returncode == 2
    assert "cannot tell which loader reads 'notes.rb'" in extension.stderr
    missing_value = run(["-e"])
    assert (missing_value.returncode, missing_value.stderr) == (2, "metacall: option -e needs a value\n")


def test_python_main_is_called_and_its_result_printed():
    result = run([script("arith.py")])
    assert (result.returncode, result.stdout, result.stderr) == (0, "42\n", "")


def test_async_js_main_is_awaited_with_the_arguments_after_the_separator():
    result = run([script("app.js"), "--", "one", "two words"])
    assert result.stderr == ""
    assert result.returncode == 0
    assert result.stdout == '{"args": ["one", "two words"], "count": 2}\n'


def test_a_main_returning_a_promise_is_called_once_and_its_value_printed():
    result = run([script("promise.js")])
    assert (result.returncode, result.stdout, result.stderr) == (0, '"main ran 1 time(s)"\n', "")


def test_several_scripts_run_in_order_each_with_its_own_main():
    result = run([script("app.js"), script("arith.py"), script("text.js")])
    assert result.returncode == 0, result.stderr
    assert result.stdout == '{"args": [], "count": 0}\n42\n'  # text.js has no main


def test_a_main_that_throws_prints_label_message_and_stack_and_exits_1():
    result = run([script("throws.js")])
    assert result.returncode == 1
    assert result.stdout == ""
    first, *stack = result.stderr.splitlines()
    assert first == f"error: main of {script('throws.js')}: TypeError: expected 'ok', got 'not ok'"
    assert any("throws.js:6" in line and "check" in line for line in stack), result.stderr


def test_a_failed_load_stops_the_scripts_with_status_1():
    result = run([script("broken.py"), script("arith.py")])
    assert result.returncode == 1
    assert result.stdout == ""  # arith.py's main never ran
    assert "RuntimeError" in result.stderr and "broken on purpose at load time" in result.stderr
    missing = run([script("absent.py")])
    assert missing.returncode == 1
    assert "absent.py" in missing.stderr and missing.stderr.startswith("error: ")


def test_tag_overrides_the_extension():
    result = run(["--tag", "py", script("plain.txt")])
    assert (result.returncode, result.stdout, result.stderr) == (0, '"read as Python"\n', "")


def test_a_library_and_the_header_after_it_load_as_one_c_handle():
    result = run([libm(), script("cos.h"), "-e", "call cos(0.0)"])
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "1.0\n"


def test_eval_runs_commands_after_the_files_and_stops_at_the_first_failure():
    result = run([script("text.js"), "-e", 'call shout("hi")', "-e", "call nope()", "-e", 'call shout("no")'])
    assert result.returncode == 1
    assert result.stdout == '"HI!"\n'
    assert result.stderr == "error: no function named 'nope' (inspect lists the loaded functions)\n"


def test_interactive_runs_the_files_then_reads_commands():
    result = run(["-i", script("arith.py")], stdin="call add(main(), 1)\ncall add(1, 1)\n")
    assert result.stdout == "42\n2\n"  # arguments are JSON: main() is not a call there
    assert result.stderr.startswith("error: bad JSON in the arguments at column 10: ")
    assert result.returncode == 1


def test_a_session_from_stdin_loads_calls_awaits_inspects_and_clears():
    session = "\n".join([
        "# comments and blank lines are skipped",
        "",
        "load py arith.py",
        "load node text.js",
        "call add(1, 2)",
        'describe({"a": [1, 2.5, null, true], "b": "x"})',
        'call shout("héllo")',
        'call pair("x", [true, null])',
        "await fetch_later(3)",
        "await later(4)",
        "call later(4)",
        "clear text",
        "call add(2, 2)",
        "exit",
    ]) + "\n"
    result = run([], stdin=session)
    assert result.stderr == ""
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "loaded arith.py: add, describe, fail, spin, spin_loudly, later, main, Counter",
        "loaded text.js: shout, pair, boom, spin, fetch_later, never",
        "3",
        "\"dict: {'a': [1, 2.5, None, True], 'b': 'x'}\"",
        '"HÉLLO!"',
        '{"first": "x", "second": [true, null], "both": ["x", [true, null]]}',
        '"3 x 10 = 30"',
        "8",
        "<future> (await later(...) waits for it)",
        "cleared text.js",
        "4",
    ]


def test_every_bad_input_prints_one_line_and_the_session_goes_on():
    bad_inputs = [
        ("frobnicate", "error: unknown command 'frobnicate' (help lists the commands)"),
        ("call add(1, x)", "error: bad JSON in the arguments at column 13: invalid literal"),
        ("call add(1, 2", "error: missing ')' at the end of the call"),
        ("call nope(1)", "error: no function named 'nope' (inspect lists the loaded functions)"),
        ("call add(1)", "error: TypeError: function 'add' expects 2 arguments, got 1"),
        ("call add(1, 2, 3)", "error: TypeError: function 'add' expects 2 arguments, got 3"),
        ('call fail("bad input")', "error: ValueError: bad input"),
        ("call boom()", "error: RangeError: out of range on purpose"),
        ("load py missing.py", None),  # the py loader's message: checked below
        ("load py broken.py", None),
        ("load", "error: load needs a loader tag and at least one file: load <tag> <file...>"),
        ("clear nothing", "error: no handle named 'nothing' (inspect lists the handles)"),
        ("inspect --yaml", "error: inspect takes no argument but --json"),
        ('load "unterminated', "error: unterminated \" quote"),
    ]
    lines = ["load py arith.py", "load node text.js"]
    for text, _ in bad_inputs:
        lines += [text, "call add(20, 22)"]  # each bad input is followed by a good call
    result = run([], stdin="\n".join(lines) + "\n")
    assert result.returncode == 1  # a scripted session reports that something failed
    out = result.stdout.splitlines()
    assert out[2:] == ["42"] * len(bad_inputs)
    errors = error_lines(result.stderr)
    assert len(errors) == len(bad_inputs), result.stderr
    for line, (text, expected) in zip(errors, bad_inputs):
        assert line.startswith("error: "), (text, line)
        if expected is not None:
            assert line == expected, text
    assert "missing.py" in errors[8] and "FileNotFoundError" in errors[8]
    assert "RuntimeError" in errors[9] and "broken on purpose" in errors[9]


def test_integers_beyond_64_bits_cross_as_bigints():  # docs/NUMBERS.md
    session = "load py arith.py\ncall add(9223372036854775808, 1)\ncall add(18446744073709551615, 1)\n"
    result = run([], stdin=session)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1:] == ["9223372036854775809", "18446744073709551616"]


def test_values_print_as_json_where_they_are_data_and_in_angle_brackets_otherwise():
    result = run([script("kinds.py"), "-e", "call kinds()"])
    assert (result.returncode, result.stderr) == (0, "")
    shown = ", ".join([
        "<Buffer 3 bytes: 01 02 ff>",
        "<Buffer 40 bytes: " + " ".join(f"{i:02x}" for i in range(32)) + " ...>",
        "NaN", "-Infinity", "0.1",
        '{"1": "one", "two": [null, false]}',  # a dict's keys cross as strings (docs/COMPATIBILITY.md)
        "<object Point>", "<class Point>", "<function>",
        r'"quote \" and newline \n"',
    ])
    assert result.stdout == f"[{shown}]\n"


def test_a_name_in_two_handles_is_called_through_its_handle():
    session = 'load py arith.py\nload node app.js\ncall main()\ncall arith:main()\nawait app.js:main(["a"])\n'
    result = run([], stdin=session)
    errors = error_lines(result.stderr)
    assert errors == ["error: 'main' is defined by 2 handles; name one: arith:main app:main"]
    assert result.stdout.splitlines()[2:] == ["42", '{"args": ["a"], "count": 1}']


def test_inspect_shows_a_table_and_json():
    result = run([], stdin="load py arith.py\nload node text.js\ninspect\ninspect --json\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    table = lines[2:-1]
    assert re.fullmatch(r"LOADER +HANDLE +FUNCTION", table[0])
    rows = [re.split(r"  +", row.strip(), maxsplit=2) for row in table[1:]]
    assert ["py", "arith.py", "add(a: Long, b: Long) -> Long"] in rows
    assert ["py", "arith.py", "async later(x)"] in rows
    assert ["py", "arith.py", "class Counter(start)"] in rows
    assert ["node", "text.js", "async fetch_later(n)"] in rows
    assert ["node", "text.js", "pair(a, b)"] in rows
    document = json.loads(lines[-1])
    assert [handle["name"] for handle in document["py"]] == ["arith.py"]  # the path as given
    assert "__relink__" in document


def test_relink_prints_the_runtimes_readably():
    result = run([], stdin="relink\nload py arith.py\nrelink\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count("process: ") == 2 and os.path.basename(out.splitlines()[0]) == "metacall"
    after = out[out.index("loaded arith.py"):]
    assert re.search(r"^RUNTIME +VERSION +GLOBAL +STATE +OBJECT$", after, re.M)
    assert re.search(r"^cpython +3\.\d+\.\d+ +yes +initialized +\S*libpython3", after, re.M), after


def test_the_installed_command_runs_scripts_from_any_prefix(tmp_path):
    # The command's own install rule only (the whole tree's install rewrites files of the build
    # tree that tests/install reads at the same time), into a prefix whose lib/ is the build's.
    prefix = tmp_path / "prefix"
    prefix.mkdir()
    (prefix / "lib").symlink_to(os.path.join(os.environ["METACALL_BUILD_DIR"], "lib"))
    rules = os.path.join(os.environ["METACALL_BUILD_DIR"], "source", "cli", "cmake_install.cmake")
    install = subprocess.run([os.environ["CMAKE_COMMAND"], f"-DCMAKE_INSTALL_PREFIX={prefix}", "-P", rules],
                             capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr
    installed = prefix / "bin" / "metacall"
    result = subprocess.run([str(installed), script("arith.py"), script("app.js"), "--", "x"],
                            capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin:/bin"})
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == '42\n{"args": ["x"], "count": 1}\n'
    version = subprocess.run([str(installed), "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.startswith("metacall ")
