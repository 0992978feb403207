"""The conformance suite's main script: every function the suite calls."""


def add(a: int, b: int) -> int:
    return a + b


def echo(x):
    return x


async def echo_async(x):
    return x


def fail(message: str):
    raise ValueError(message)


async def fail_async(message: str):
    raise ValueError(message)


def call(f, x):
    return f(x)


def nothing():
    pass
