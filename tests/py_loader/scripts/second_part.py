def from_second() -> int:
    return 2
