# A Python script for the command's tests: typed and untyped functions, a class, and a main.
import asyncio


def add(a: int, b: int) -> int:
    return a + b


def describe(value):
    return f"{type(value).__name__}: {value!r}"


def fail(message):
    raise ValueError(message)


def spin():
    while True:
        pass


def spin_loudly():
    print("spinning", flush=True)  # the terminal test presses Ctrl-C once it reads this
    spin()


async def later(x):
    await asyncio.sleep(0.05)
    return x * 2


class Counter:
    def __init__(self, start=0):
        self.count = start

    def inc(self, n=1):
        self.count += n
        return self.count


def main():
    return add(40, 2)
