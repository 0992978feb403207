"""Loaded through libmetacall's py loader by the test running inside python3."""
import sys


def host_marker():
    """What the host program set in its __main__: found only in the very same interpreter."""
    return getattr(sys.modules["__main__"], "HOST_MARKER", "missing")


def modules_id():
    return str(id(sys.modules))
