"""Functions with every kind of signature, for discovery and metacall_inspect."""
from json import dumps  # imported: not one of this module's functions


def typed(a: int, b: float, c: str, d: bool, e: bytes, f: list, g: dict) -> None:
    pass


def untyped(x, y):
    return [x, y]


def variadic(first, *rest):
    return [first, *rest]


def with_default(a, b=2):
    return a + b


def keyword_only(a, *, key=1):
    return [a, key]


async def coroutine(x: int) -> int:
    return x


def generic(a: list[int], b: dict[str, int]) -> list[str]:
    return []


def _private():
    return "still a function of the module"


class NotAFunction:
    def method(self):
        pass


def __dunder__():
    pass


CONSTANT = 42


def _passes_through(function):
    import functools

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        return function(*args, **kwargs)
    return wrapper


@_passes_through
def decorated(left: int, right: int) -> int:
    return left - right
