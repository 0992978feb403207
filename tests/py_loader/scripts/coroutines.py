"""Async functions and coroutines, run on the loader's event loop."""
import asyncio


async def later(x, seconds: float):
    await asyncio.sleep(seconds)
    return x


async def fail_later(message: str, seconds: float):
    await asyncio.sleep(seconds)
    raise KeyError(message)


async def fail_at_once(message: str):
    raise LookupError(message)


def make_coroutine(x):
    """Not async itself: returns a coroutine, which becomes a future."""
    return later(x, 0.01)


async def gathered():
    return await asyncio.gather(later(1, 0.05), later(2, 0.05), later(3, 0.05))


async def forever():
    await asyncio.sleep(3600)


async def thread_name():
    import threading
    return threading.current_thread().name


async def await_plus_one(awaitable):
    """`awaitable` is a metacall future: a metacall.Future."""
    return (await awaitable) + 1


async def fail_with_value(value):
    """MetaCall hands a reject callback the argument of a bare Exception."""
    await asyncio.sleep(0)
    raise Exception(value)


async def fail_with_two(first, second):
    raise Exception(first, second)
