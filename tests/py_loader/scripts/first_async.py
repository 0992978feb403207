"""An async function in a script that does not import asyncio: the first await imports it."""


async def echo_async(x):
    return x
