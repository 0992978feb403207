"""What Python sees of the numbers JS passes (docs/NUMBERS.md), and numbers for JS."""


def describe(x):
    """The Python type and the exact value of x."""
    return [type(x).__name__, repr(x)]


def repeat(text, times):
    return text * times  # a float `times` would raise TypeError


def count_to(n):
    return list(range(n))


def power_of_two(bits, negative=False):
    return -(2 ** bits) if negative else 2 ** bits


def negative_zero():
    return -0.0


def echo(x):
    return x
