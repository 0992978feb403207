def from_first() -> int:
    return 1
