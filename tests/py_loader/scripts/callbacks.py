"""Functions passed both ways between C and Python."""


def make_adder(n: int):
    return lambda x: x + n


def make_async_doubler():
    async def double(x):
        return 2 * x
    return double


def make_bound_method():
    class Counter:
        def __init__(self):
            self.total = 0

        def add(self, amount):
            self.total += amount
            return self.total
    return Counter().add


def call(f, *args):
    return f(*args)


def call_with_keyword(f):
    return f(x=1)


def describe_callable(f):
    return [callable(f), type(f).__name__]


def double(x: int) -> int:
    return 2 * x


def call_twice_nested(f, x):
    """f is a host function that calls double() back in Python: Python -> C -> Python."""
    return f(x) + 1


stored = []


def store(f):
    stored.append(f)


def call_stored(x):
    return stored[-1](x)


_tracked = []


def make_tracked():
    """A lambda whose lifetime the test watches through a weak reference."""
    import weakref
    f = lambda x: x  # noqa: E731
    _tracked.append(weakref.ref(f))
    return f


def tracked_alive() -> bool:
    import gc
    gc.collect()
    return _tracked[-1]() is not None
