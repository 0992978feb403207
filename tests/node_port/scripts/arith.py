import asyncio


def add(a, b):
    return a + b


def apply(callback, value):
    # Python calling back into JavaScript.
    return callback(value) + 1


def fail(message):
    raise ValueError(message)


async def slow_double(x):
    # Settles on the py loader's asyncio thread, after the JS side has nothing else to do.
    await asyncio.sleep(0.2)
    return x * 2


async def slow_fail(message):
    await asyncio.sleep(0.05)
    raise ValueError(message)
