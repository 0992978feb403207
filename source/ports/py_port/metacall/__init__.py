"""metacall: call functions of other languages (JavaScript through Node.js, ...) from Python.

    from metacall import metacall_load_from_file, metacall
    metacall_load_from_file("node", ["sum.js"])
    metacall("add", 1, 2)                    # 3

    from mylib.js import add                 # loads mylib.js (on sys.path or in the cwd)
    import semver                            # an npm package in <folder on sys.path>/node_modules

Calls go through `_metacall_port`, an extension module inside libmetacall's py loader (no ctypes
per call). Errors thrown by the callee are raised here as exceptions of the same name, with the
callee's stack trace as `.stack` (and as a note).
"""
import asyncio as _asyncio
import json as _json

from . import _import_hook
from ._library import port as _load_port

_port = _load_port()

__all__ = ["metacall", "metacall_await", "metacall_inspect", "metacall_load_from_file",
           "metacall_load_from_file_export", "metacall_load_from_memory",
           "metacall_load_from_package", "metacall_load_from_package_export",
           "metacall_load_from_package_ex", "metacall_pump", "metacall_value_create_ptr",
           "metacall_value_reference", "metacall_value_dereference"]

_pumped = set()  # tags whose event loop this process drives (metacall_pump)


def metacall_load_from_file(tag, paths):
    """Loads the files `paths` (a str or a list of str) with the loader `tag` ("node", "py", ...);
    their functions go into the global scope, callable by name with metacall(). True, or raises."""
    _port.load_from_file(tag, paths)
    return True


def metacall_load_from_file_export(tag, paths):
    """Loads the files `paths` into a handle of their own; returns {name: function} of it."""
    return _port.handle_export(_port.load_from_file(tag, paths, True))


def metacall_load_from_memory(tag, code):
    """Loads the source text `code` with the loader `tag` into the global scope. True, or raises."""
    _port.load_from_memory(tag, code)
    return True


def metacall_load_from_package(tag, name):
    """Loads the package `name` into the global scope (for "node": an npm package name, found
    from the cwd's node_modules, or a package folder; for "py": a module name). True, or raises."""
    _port.load_from_package(tag, name)
    return True


def metacall_load_from_package_export(tag, name):
    """Loads the package `name` into a handle of its own; returns {name: function} of it."""
    return _port.handle_export(_port.load_from_package(tag, name, True))


def metacall_load_from_package_ex(tag, name, options):
    """metacall_load_from_package_export with loader options (a dict); no loader of libmetacall
    takes options yet, so `options` must be None or empty (else raises, naming the tag)."""
    return _port.handle_export(_port.load_from_package_ex(tag, name, options))


def metacall_value_create_ptr(pointer):
    """A pointer: a copy of `pointer` (a pointer a call returned), or None, the null pointer."""
    return _port.value_create_ptr(pointer)


def metacall_value_reference(value):
    """A pointer to the data of a new value made from `value`, for a C parameter that writes
    through it (an int: a `long *`; None: a `void **` slot). Read it back with
    metacall_value_dereference; the value lives as long as the reference."""
    return _port.value_reference(value)


def metacall_value_dereference(reference):
    """What the value behind a metacall_value_reference holds now (after C wrote through it)."""
    return _port.value_dereference(reference)


# The hot path: the extension function itself, no Python frame in between.
metacall = _port.call


def metacall_pump(tag="node"):
    """Runs what is ready in the event loop of loader `tag` and returns without waiting.

    Opt-in speed: called before the first load of `tag`, it makes the calling thread the
    runtime's owner, so calls from it run directly (Python -> JS about 1 us instead of a handoff
    to Node's own thread, 2-7 us). Then Node's timers, promises and I/O progress only during
    pumps: metacall_await pumps on its event loop (which must run on this thread) until the
    result is in; otherwise call metacall_pump() regularly. Calls from other threads wait for
    the next pump."""
    _port.pump(tag)
    _pumped.add(tag)


def _pump_until(loop, future):
    for tag in _pumped:
        _port.pump(tag)
    if not future.done():
        loop.call_later(0.0005, _pump_until, loop, future)


def _settle(future, resolved, value):
    if not future.cancelled():
        (future.set_result if resolved else future.set_exception)(value)


def metacall_await(name, *args):
    """Calls the loaded function `name` (async or not); returns an asyncio future of its result,
    settled on the current event loop: `await metacall_await("fetch", url)`."""
    try:
        loop = _asyncio.get_running_loop()
    except RuntimeError:
        loop = _asyncio.get_event_loop()
    future = loop.create_future()
    _port.await_call(_settle, future, name, *args)
    if _pumped and not future.done():
        loop.call_soon(_pump_until, loop, future)
    return future


def metacall_inspect():
    """Everything loaded, as metacall_inspect's JSON document parsed (a dict keyed by tag)."""
    return _json.loads(_port.inspect())


_import_hook.install(_port)
