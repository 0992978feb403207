"""Declares its public names: `dumps` (imported from json) is one of them, `loads` is not."""
from json import dumps, loads

__all__ = ["dumps", "own"]


def own() -> int:
    return len(loads("[1, 2]"))
