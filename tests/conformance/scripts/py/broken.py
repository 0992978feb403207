"""A syntax error on line 7: the load must fail and name this file."""


def fine(x):
    return x

def broken(a b):
    return a
