"""The interpreter's environment as JSON: what sys and site made of it, and where numpy comes from.

Loaded by the py loader and run by the chosen interpreter itself (`python environment_probe.py`),
so both views can be compared: run as a script, sys.path[0] is this folder, as the loader puts it.
"""
import json
import sys


def numpy_file():
    try:
        import numpy
    except ModuleNotFoundError:
        return None
    return numpy.__file__


def environment() -> str:
    return json.dumps({
        "prefix": sys.prefix,
        "exec_prefix": sys.exec_prefix,
        "base_prefix": sys.base_prefix,
        "executable": sys.executable,
        "path": sys.path,
        "numpy": numpy_file(),
    })


if __name__ == "__main__":
    print(environment())
