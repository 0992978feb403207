async def later(x):
    return x
