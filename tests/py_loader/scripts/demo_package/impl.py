def product(a: int, b: int) -> int:
    return a * b
