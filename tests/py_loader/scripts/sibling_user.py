"""Imports a module beside it, as `python sibling_user.py` would."""
import sibling_helper


def from_sibling() -> str:
    return sibling_helper.name()
