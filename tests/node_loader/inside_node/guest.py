"""Loaded through libmetacall's py loader by the test running inside `node`."""


def twice(x: float) -> float:
    return x * 2
