"""Which CPython the loader runs."""
import platform
import sys


def version() -> str:
    return platform.python_version()


def prefix() -> str:
    return sys.prefix


def executable() -> str:
    return sys.executable
