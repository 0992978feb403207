"""Defines add again: the global scope must refuse it, a handle must accept it."""


def add(a: int, b: int) -> int:
    return a + b


def only_in_duplicate(x):
    return x
