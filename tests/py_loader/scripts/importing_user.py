"""Imports a function of the script beside it: that function stays sibling_helper's."""
from sibling_helper import name


def greeting() -> str:
    return "from " + name()
