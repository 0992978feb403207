"""The function the py loader benchmarks call."""


def add(a, b):
    return a + b
