"""Annotations kept as strings (PEP 563)."""
from __future__ import annotations


def stringly(a: int, b: list[int]) -> str:
    return str(a)
