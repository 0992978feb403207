"""The py port's tests, one behaviour per case, each run in its own process by CTest, inside
Debian's python3 (a venv made from /usr/bin/python3 with the build tree's package installed):
    python port_test.py <case> [npm folder]
The working directory is tests/py_port/scripts (mylib.js)."""
import asyncio
import os
import sys
import threading

NPM_FOLDER = sys.argv[2] if len(sys.argv) > 2 else None


def libpythons_mapped():
    with open("/proc/self/maps") as maps:
        return {line.split()[-1] for line in maps if "libpython" in line}


def load_mylib():
    import metacall
    metacall.metacall_load_from_file("node", ["mylib.js"])
    return metacall


def test_python_calls_js_add():
    metacall = load_mylib()
    assert metacall.metacall("add", 2, 3) == 5
    assert metacall.metacall("add", "a", "b") == "ab"
    assert metacall.metacall("add", 0.5, 0.25) == 0.75


def test_js_calls_python_callback():
    metacall = load_mylib()
    seen = []

    def callback(x):
        seen.append(x)
        return x + 1

    assert metacall.metacall("call_back", callback, 20) == 42
    assert seen == [20]


def test_python_calls_returned_js_function():
    metacall = load_mylib()
    add_ten = metacall.metacall("make_adder", 10)
    assert callable(add_ten)
    assert add_ten(5) == 15


def test_js_type_error_is_raised_as_type_error():
    metacall = load_mylib()
    try:
        metacall.metacall("throw_type_error")
    except TypeError as error:
        assert "null" in str(error), str(error)
        assert "throw_type_error" in error.stack and "mylib.js" in error.stack, error.stack
    else:
        raise AssertionError("no exception")


def test_js_custom_error_keeps_its_name_message_and_stack():
    metacall = load_mylib()
    try:
        metacall.metacall("throw_custom", "age must be positive")
    except Exception as error:
        assert type(error).__name__ == "ValidationError", type(error)
        assert str(error) == "age must be positive", str(error)
        assert "throw_custom" in error.stack and "mylib.js" in error.stack, error.stack
        assert any("mylib.js" in note for note in error.__notes__)
    else:
        raise AssertionError("no exception")


def test_async_js_function_is_awaited():
    metacall = load_mylib()

    async def main():
        results = await asyncio.gather(*(metacall.metacall_await("triple_later", i) for i in range(5)))
        assert results == [0, 3, 6, 9, 12], results
        try:
            await metacall.metacall_await("reject_later", "too late")
        except RangeError_or_runtime() as error:
            assert type(error).__name__ == "RangeError" and str(error) == "too late", repr(error)
        else:
            raise AssertionError("no rejection")
        assert await metacall.metacall_await("add", 1, 2) == 3  # a plain function settles at once

    asyncio.run(main())


def RangeError_or_runtime():
    return RuntimeError  # labels Python has no builtin for become RuntimeError subclasses


def test_import_hook_loads_js_file():
    import metacall  # noqa: F401  (installs the hook)
    from mylib.js import add, make_adder
    assert add(40, 2) == 42
    assert make_adder(1)(1) == 2
    import mylib.js
    assert mylib.js.__file__ == os.path.abspath("mylib.js")


def test_npm_package_is_imported():
    sys.path.append(NPM_FOLDER)  # <folder>/node_modules/semver
    import metacall
    import semver
    # The core checks the count against the declared parameters (options included): pass them.
    assert semver.valid("1.2.3", None) == "1.2.3"
    assert semver.valid("not a version", None) is None
    assert semver.satisfies("1.2.3", "^1.0.0", None) is True
    assert semver.major("4.5.6", None) == 4
    metacall.metacall_load_from_package("node", os.path.join(NPM_FOLDER, "node_modules", "semver"))
    assert metacall.metacall("minor", "4.5.6", None) == 5


def test_four_threads_call_js_at_once():
    metacall = load_mylib()
    failures = []

    def work(thread):
        for i in range(2000):
            result = metacall.metacall("add", thread * 100000, i)
            if result != thread * 100000 + i:
                failures.append((thread, i, result))

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures[:5]


def test_no_second_libpython_is_mapped():
    before = libpythons_mapped()
    metacall = load_mylib()
    assert metacall.metacall("add", 1, 1) == 2
    assert libpythons_mapped() == before, libpythons_mapped() - before


def test_bytes_cross_both_ways():
    metacall = load_mylib()
    assert metacall.metacall("byte_sum", b"\x01\x02\x03") == 6
    assert metacall.metacall("byte_sum", bytearray(b"\x05" * 10)) == 50
    view = metacall.metacall("filled_bytes", 1024, 7)
    assert isinstance(view, memoryview) and view.readonly and len(view) == 1024
    assert bytes(view) == b"\x07" * 1024


def test_inspect_lists_loaded_functions():
    metacall = load_mylib()
    inspected = metacall.metacall_inspect()
    names = {f["name"] for handle in inspected["node"] for f in handle["scope"]["funcs"]}
    assert {"add", "call_back", "triple_later"} <= names, names


def test_load_from_memory():
    import metacall
    metacall.metacall_load_from_memory("node", "module.exports = { twice: (x) => x * 2 };")
    assert metacall.metacall("twice", 21) == 42


def test_pumped_node_runs_on_the_python_thread():
    import metacall
    metacall.metacall_pump("node")  # before the first load: this thread owns Node
    metacall.metacall_load_from_file("node", ["mylib.js"])
    assert metacall.metacall("add", 2, 3) == 5
    assert metacall.metacall("call_back", lambda x: x + 1, 20) == 42

    async def main():
        return await asyncio.gather(*(metacall.metacall_await("triple_later", i) for i in range(3)))

    assert asyncio.run(main()) == [0, 3, 6]


def test_unknown_function_raises():
    metacall = load_mylib()
    try:
        metacall.metacall("no_such_function")
    except Exception as error:
        assert "no_such_function" in str(error), str(error)
    else:
        raise AssertionError("no exception")


if __name__ == "__main__":
    case = globals()["test_" + sys.argv[1]]
    case()
    print(f"{sys.argv[1]}: ok")
