# Functions the MetaCall-style hosts call (tests/metacall_compat).
def multiply(left: int, right: int) -> int:
    return left * right


def concat(first: str, second: str) -> str:
    return first + second


def no_args():
    return 5


def make_dict():
    return {"a": 1, "b": [1, 2.5, "x"]}


def echo(value):
    return value


def describe(name, count):
    return "%s=%d" % (name, count)


def raise_error():
    raise ValueError("py boom")
