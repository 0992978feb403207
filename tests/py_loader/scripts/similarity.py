"""A standard-library module behind a small script."""
import difflib


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()
