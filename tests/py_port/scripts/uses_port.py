"""Loaded by the py loader in a C host (c_host_test.cpp): `import metacall` reuses the running
libmetacall and py loader (own mode) instead of loading them again."""
import sys

import metacall


def double_through_host(x):
    return metacall.metacall("host_double", x)


def js_twice_through_port(x):
    return metacall.metacall("js_twice", x)


def port_module_is_the_loaders():
    return sys.modules["_metacall_port"] is metacall._port
