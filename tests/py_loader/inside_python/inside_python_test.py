"""Runs inside Debian's python3: libmetacall, loaded with ctypes, works in this very interpreter
(relink host mode): same sys.modules, no second libpython mapped.
    python3 inside_python_test.py <libmetacall.so>"""
import ctypes
import os
import sys

HOST_MARKER = "set by the host program"

lib = ctypes.CDLL(sys.argv[1])
lib.metacall_initialize.restype = ctypes.c_int
lib.metacall_load_from_file.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t,
                                        ctypes.c_void_p]
lib.metacallv_s.restype = ctypes.c_void_p
lib.metacallv_s.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_size_t]
lib.metacall_value_to_string.restype = ctypes.c_char_p
lib.metacall_value_to_string.argtypes = [ctypes.c_void_p]
lib.metacall_value_destroy.argtypes = [ctypes.c_void_p]


def call_string(name):
    value = lib.metacallv_s(name.encode(), None, 0)
    assert value, f"{name}() returned NULL"
    text = lib.metacall_value_to_string(value).decode()
    lib.metacall_value_destroy(value)
    return text


def libpythons_mapped():
    with open("/proc/self/maps") as maps:
        return {line.split()[-1] for line in maps if "libpython" in line}


before = libpythons_mapped()
assert lib.metacall_initialize() == 0
guest = os.path.join(os.path.dirname(os.path.abspath(__file__)), "guest.py").encode()
paths = (ctypes.c_char_p * 1)(guest)
assert lib.metacall_load_from_file(b"py", paths, 1, None) == 0, "loading guest.py failed"
assert call_string("host_marker") == HOST_MARKER, "the guest ran in another interpreter"
assert call_string("modules_id") == str(id(sys.modules)), "another sys.modules"
assert "guest" in sys.modules, "the guest module is not in the host's sys.modules"
assert libpythons_mapped() == before, f"a libpython was mapped: {libpythons_mapped() - before}"
lib.metacall_destroy()
print("inside python3: same interpreter, same sys.modules, no second libpython")
