"""Named like the standard module os, which is always imported: it must not replace it."""


def shadow() -> str:
    return "the script, not the standard module"
