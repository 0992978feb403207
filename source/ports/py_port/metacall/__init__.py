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
import collections.abc as _collections_abc
import json as _json

from . import _import_hook, _library
from ._node_home import NodeHome as _NodeHome

_port = _library.port()
_home = _NodeHome(_port, _library.started_here)

# JS arrays and plain objects returned to Python: views read where they live (README, "Views").
ArrayView, ObjectView, MapView = _port.view_types()
_collections_abc.Sequence.register(ArrayView)
_collections_abc.Mapping.register(ObjectView)
_collections_abc.Mapping.register(MapView)


class _DictCopy(dict):
    """A dict that crosses into JS as a plain object (a copy), never as a proxy of itself."""
    __slots__ = ()


def _copied(value):
    if type(value) is dict:
        return _DictCopy((key, _copied(item)) for key, item in value.items())
    if type(value) in (list, tuple):
        return type(value)(_copied(item) for item in value)
    return value


def copy(x):
    """An eager copy. A view (ArrayView, ObjectView, MapView): a list or dict of it, deep; a memoryview
    of JS bytes: a memoryview of a copy. A dict: a copy, also of the dicts in it, that crosses into JS
    as a plain object instead of a proxy of the dict (README, "Dicts passed to JS"). Anything else
    as it is."""
    if type(x) in (dict, list, tuple):
        return _copied(x)
    return _port.copy(x)


__all__ = ["ArrayView", "MapView", "ObjectView", "copy", "metacall", "metacall_await", "metacall_inspect", "metacall_load_from_file",
           "metacall_load_from_file_export", "metacall_load_from_memory",
           "metacall_load_from_package", "metacall_load_from_package_export",
           "metacall_load_from_package_ex", "metacall_pump", "metacall_wait", "metacall_value_create_ptr",
           "metacall_value_reference", "metacall_value_dereference"]

_pumped = set()  # tags whose event loop this process drives (metacall_pump)


def _before_load(tag):
    """Node on the main thread (the first time), driven by the asyncio loop running there."""
    _home.adopt(tag)
    if _home.here:
        loop = _asyncio._get_running_loop()
        if loop is not None:
            _home.drive(loop)


class _Loads:
    """The port's loads as the import hook uses them, each after _before_load."""

    def __getattr__(self, name):
        return getattr(_port, name)

    def load_from_file(self, tag, *args):
        _before_load(tag)
        return _port.load_from_file(tag, *args)

    def load_from_package(self, tag, *args):
        _before_load(tag)
        return _port.load_from_package(tag, *args)


def metacall_load_from_file(tag, paths):
    """Loads the files `paths` (a str or a list of str) with the loader `tag` ("node", "py", ...);
    their functions go into the global scope, callable by name with metacall(). True, or raises."""
    _before_load(tag)
    _port.load_from_file(tag, paths)
    return True


def metacall_load_from_file_export(tag, paths):
    """Loads the files `paths` into a handle of their own; returns {name: function} of it."""
    _before_load(tag)
    return _port.handle_export(_port.load_from_file(tag, paths, True))


def metacall_load_from_memory(tag, code):
    """Loads the source text `code` with the loader `tag` into the global scope. True, or raises."""
    _before_load(tag)
    _port.load_from_memory(tag, code)
    return True


def metacall_load_from_package(tag, name):
    """Loads the package `name` into the global scope (for "node": an npm package name, found
    from the cwd's node_modules, or a package folder; for "py": a module name). True, or raises."""
    _before_load(tag)
    _port.load_from_package(tag, name)
    return True


def metacall_load_from_package_export(tag, name):
    """Loads the package `name` into a handle of its own; returns {name: function} of it."""
    _before_load(tag)
    return _port.handle_export(_port.load_from_package(tag, name, True))


def metacall_load_from_package_ex(tag, name, options):
    """metacall_load_from_package_export with loader options (a dict); no loader of libmetacall
    takes options yet, so `options` must be None or empty (else raises, naming the tag)."""
    _before_load(tag)
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

    Rarely needed: Node runs on the main thread by default and progresses on its own (see the
    README, "Threads and event loops"). Called on the main thread before the first load of
    `tag`, it starts Node there as a first load would. Where Node runs on a thread of its own
    (METACALL_NODE_THREAD=own, or its first load came from another thread), it fails: that
    thread runs the loop."""
    _home.adopt(tag)
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


def _turn_until(loop, future):
    """Another thread than Node's home awaits: its loop turns Node's every 0.5 ms meanwhile, so that
    the timers behind the result fire even while the main thread is busy or blocked."""
    if future.done():
        return
    try:
        _port.pump("node")
    except RuntimeError:
        pass  # Node stopped: the future is rejected by the drain
    loop.call_later(0.0005, _turn_until, loop, future)


def _await_on(loop, name, args):
    future = loop.create_future()
    _home.drive(loop)
    _port.await_call(_settle, future, name, *args)
    if future.done():
        return future
    if _home.here and not _home.drives(loop):
        loop.call_soon(_turn_until, loop, future)
    elif _pumped and not _home.here:
        loop.call_soon(_pump_until, loop, future)
    return future


def metacall_await(name, *args):
    """Calls the loaded function `name` (async or not); returns an asyncio future of its result,
    settled on the current event loop: `await metacall_await("fetch", url)`. That loop drives
    Node's event loop meanwhile when Node runs on this thread."""
    try:
        loop = _asyncio.get_running_loop()
    except RuntimeError:
        loop = _asyncio.get_event_loop()
    return _await_on(loop, name, args)


def metacall_wait(name, *args, timeout=None):
    """Calls the loaded function `name` and blocks until its result is in: for an async function,
    until its promise settles (Node's event loop runs meanwhile when Node runs on this thread).
    Returns the result or raises the rejection; `timeout` (seconds) raises TimeoutError. For
    synchronous code: inside a coroutine, `await metacall_await(name, *args)` instead."""
    if _asyncio._get_running_loop() is not None:
        raise RuntimeError("metacall_wait blocks, and an asyncio loop runs on this thread: "
                           "use `await metacall_await(name, *args)` instead")
    loop = _asyncio.new_event_loop()
    try:
        future = _await_on(loop, name, args)
        return loop.run_until_complete(_asyncio.wait_for(future, timeout) if timeout is not None else future)
    finally:
        _home.release()
        loop.close()


def metacall_inspect():
    """Everything loaded, as metacall_inspect's JSON document parsed (a dict keyed by tag)."""
    return _json.loads(_port.inspect())


_import_hook.install(_Loads())
