"""The game server example end to end (examples/game_server): a program that embeds V8 itself
(Debian's libnode.so.108 used as its V8 library), runs its own JavaScript every tick, and loads a
native plugin that runs Node.js and Python scripts through libmetacall. Node must run on the
server's V8 (host-v8 mode), chosen by itself. Each test runs the server in a process of its own.

Environment: GAME_SERVER (the server's executable), LIBNODE (Debian's libnode.so.108).
"""

import os
import re
import shutil
import subprocess

SERVER = os.environ["GAME_SERVER"]


def run(*arguments, **environment):
    """Runs the server; returns (exit code, stdout, stderr)."""
    env = dict(os.environ, METACALL_LOG="info")
    env.pop("METACALL_RELINK_NODE", None)
    env.update(environment)
    done = subprocess.run([SERVER, "--tick-ms", "5", *arguments], capture_output=True, text=True,
                          timeout=120, env=env)
    return done.returncode, done.stdout, done.stderr


def lines_with(text, needle):
    return [line for line in text.splitlines() if needle in line]


def test_node_runs_on_the_servers_v8_in_the_mode_chosen_by_itself():
    code, out, err = run("--ticks", "2")
    assert code == 0, out + err
    assert "relink: loader 'node': host-v8 mode" in err, err
    assert "server: done" in out


def test_one_v8_is_mapped_and_node_reports_the_servers_v8():
    code, out, err = run("--ticks", "1")
    assert code == 0, out + err
    server_v8 = re.search(r"server: V8 (\S+),", out).group(1)
    assert f"process.versions.v8 == the server's V8 {server_v8}" in out, out
    v8s = lines_with(out, "V8s in the process:")
    assert v8s and "V8s in the process: 1 (" in v8s[0], out
    assert v8s[0].endswith("libnode.so.108)"), v8s[0]
    # Two libnode files are mapped: the server's (its V8) and Node built without V8.
    mapped = lines_with(out, "[scripting] mapped: ")
    assert sorted(os.path.basename(line.split("mapped: ")[1]) for line in mapped) == [
        "libnode.so.108", "libnode_v8less.so.108"], out


def test_events_reach_javascript_and_python_and_results_come_back():
    code, out, err = run("--ticks", "5")
    assert code == 0, out + err
    # A player joined: plugin.js answers (using the npm package semver) and later broadcasts
    # from a timer.
    assert "plugin.js playerJoined: alice has a current client (1.4.2)" in out, out
    assert "plugin.js playerJoined: bob must update (0.9.1)" in out, out
    assert "[broadcast] welcome, alice!" in out, out  # player.send, from a timer
    assert "[broadcast] bob, your client 0.9.1 is older than 1.2.0: please update" in out, out
    # A chat message: moderation.py changes it, plugin.js counts it, the server shows the result.
    assert "moderation.py moderate: hello **** world" in out, out
    assert "server: tick 2: chat alice: hello **** world" in out, out
    assert "server: tick 4: chat bob: gg, **** of a round" in out, out
    assert 'plugin.js chatCount: bob said "gg, **** of a round" (1 message(s))' in out, out


def test_players_are_host_objects_that_scripts_read_enumerate_and_call():
    code, out, err = run("--ticks", "5")
    assert code == 0, out + err
    # plugin.js reads player.name and player.clientVersion (the server's state), lists the
    # properties and methods with Object.keys, and calls player.send later from a timer.
    assert "plugin.js describePlayer: alice: name, clientVersion, send" in out, out
    assert "[broadcast] welcome, alice!" in out, out
    # The host function broadcast(text) stays available to scripts.
    assert "[broadcast] the scripting plugin is ready" in out, out


def test_promises_and_timers_settle_on_every_tick():
    code, out, err = run("--ticks", "4")
    assert code == 0, out + err
    for tick in range(1, 5):
        assert re.search(rf"plugin\.js tick: tick {tick} done in \d+ ms", out), out


def test_webassembly_compile_settles_on_the_servers_v8():
    code, out, err = run("--ticks", "1")
    assert code == 0, out + err
    assert "WebAssembly.compile: add(20, 22) = 42" in out, out


def test_the_servers_own_isolate_keeps_working_between_ticks():
    code, out, err = run("--ticks", "6")
    assert code == 0, out + err
    huds = lines_with(out, "server: hud: ")
    assert [re.search(r"frame (\d+)", line).group(1) for line in huds] == [str(n) for n in range(1, 7)], out


def test_initialize_destroy_initialize_inside_the_server():
    code, out, err = run("--ticks", "6", "--reload-at", "3")
    assert code == 0, out + err
    assert "server: tick 3: reloading plugin scripting" in out
    assert len(lines_with(out, "scripts loaded")) == 2, out
    assert len(lines_with(out, "WebAssembly.compile: add(20, 22) = 42")) == 2, out
    assert len(lines_with(err, "host-v8 mode")) >= 1, err
    # After the restart: a new player's chat, timers and the host's isolate still work.
    assert "server: tick 4: chat bob: gg, **** of a round" in out, out
    assert re.search(r"plugin\.js tick: tick 6 done", out), out
    assert "server: done" in out


def test_isolated_mode_maps_a_second_v8(tmp_path):
    # The comparison the host-v8 mode exists for: forced isolated, with a copy of libnode (the
    # file the server's V8 comes from is loaded already), Node brings its own V8.
    copy = tmp_path / "libnode.so.108"
    shutil.copy(os.environ["LIBNODE"], copy)
    code, out, err = run("--ticks", "2", METACALL_RELINK_NODE="isolated", METACALL_NODE_LIBRARY=str(copy))
    assert code == 0, out + err
    assert "relink: loader 'node': isolated mode" in err, err
    assert "V8s in the process: 2 (" in out, out
    assert "process.versions.v8 == the server's V8" in out, out  # the same version, another copy


def test_isolated_mode_from_the_servers_own_libnode_is_refused_not_a_crash():
    code, out, err = run("--ticks", "1", METACALL_RELINK_NODE="isolated")
    assert code == 1, out + err
    assert "the libnode an isolated Node would load" in out + err, out + err
    assert "server: plugin scripting failed to load" in out, out
