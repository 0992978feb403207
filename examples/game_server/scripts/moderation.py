"""The server's chat moderation, in Python (run by the scripting plugin through libmetacall)."""

import re

BANNED = ("darn", "heck")
_pattern = re.compile(r"\b(" + "|".join(BANNED) + r")\b", re.IGNORECASE)


def moderate(message: str) -> str:
    """The message with every banned word starred out."""
    return _pattern.sub(lambda match: "*" * len(match.group(0)), message)
