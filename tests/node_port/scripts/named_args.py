def ratio(numerator, denominator):
    return numerator / denominator


async def later_double(x):
    return x * 2
