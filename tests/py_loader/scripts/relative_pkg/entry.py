"""Loaded by file path: its relative imports resolve inside relative_pkg."""
from . import sibling
from .helper import twice


def quadruple(x: int) -> int:
    return twice(twice(x))


def greeting() -> str:
    return sibling.GREETING


def package_name() -> str:
    return __package__
