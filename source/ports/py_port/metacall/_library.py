"""Finds libmetacall and starts it in this interpreter, or reuses the one already running.

Two cases:
- this python3 runs without libmetacall: load it with ctypes (RTLD_GLOBAL, so that its loaders
  resolve against it), metacall_initialize(), then start the py loader, which works in this very
  interpreter (host mode) and registers the `_metacall_port` extension module in sys.modules;
- a C host runs libmetacall and its py loader runs this file (own mode): `_metacall_port` is
  already in sys.modules, nothing is loaded or started.
"""
import atexit
import ctypes
import ctypes.util
import os
import sys

PORT_MODULE = "_metacall_port"
started_here = False  # this package started libmetacall (Python is the host process)


def _candidates():
    # METACALL_LIBRARY: an override for tests and unusual layouts; not needed once installed.
    override = os.environ.get("METACALL_LIBRARY")
    if override:
        yield override
    try:  # written by CMake into the build tree's copy of this package (see README)
        from ._paths import LIBMETACALL
        yield LIBMETACALL
    except ImportError:
        pass
    for prefix in (sys.prefix, "/usr/local", "/usr"):
        yield os.path.join(prefix, "lib", "libmetacall.so")
    found = ctypes.util.find_library("metacall")
    if found:
        yield found


def _open_library():
    tried = []
    for path in _candidates():
        if os.path.isabs(path) and not os.path.exists(path):
            tried.append(path + " (missing)")
            continue
        try:
            return ctypes.CDLL(path, mode=ctypes.RTLD_GLOBAL)
        except OSError as error:
            tried.append(f"{path} ({error})")
    raise ImportError("metacall: libmetacall.so not found; tried: " + "; ".join(tried) +
                      ". Install the port from the build tree's copy (see its README) "
                      "or set METACALL_LIBRARY")


def _start():
    library = _open_library()
    library.metacall_initialize.restype = ctypes.c_int
    library.metacall_execution_path.restype = ctypes.c_int
    library.metacall_execution_path.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    if library.metacall_initialize() != 0:
        raise ImportError("metacall: metacall_initialize failed (METACALL_LOG=debug says why)")
    # The first use of the tag starts the py loader in this interpreter (host mode). ctypes
    # releases the GIL during the call; the loader takes it back itself.
    if library.metacall_execution_path(b"py", os.getcwd().encode()) != 0 or PORT_MODULE not in sys.modules:
        raise ImportError("metacall: the py loader did not start in this interpreter "
                          "(METACALL_LOG=debug says why)")
    # Stop Node's thread and the loaders before the interpreter goes.
    atexit.register(library.metacall_destroy)
    global started_here
    started_here = True


def port():
    """The `_metacall_port` module, starting libmetacall first when this process has not."""
    if PORT_MODULE not in sys.modules:
        _start()
    return sys.modules[PORT_MODULE]
