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


async def await_plus_one(awaitable):
    # A JS Promise arrives as an awaitable metacall.Future.
    return (await awaitable) + 1


async def await_error(awaitable):
    try:
        await awaitable
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return "not raised"
