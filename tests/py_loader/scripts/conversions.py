"""Values in both directions: echo them back, or make one of each Python type."""


def echo(x):
    return x


def type_name(x):
    return type(x).__name__


def two_to_the_64():
    return 2 ** 64


def below_long_min():
    return -(2 ** 63) - 1


def long_min():
    return -(2 ** 63)


def big_in_a_list():
    return [1, 2 ** 70]


def make_bytes():
    return b"\x00\x01\xff"


def make_bytearray():
    return bytearray(b"ab\x00")


def make_memoryview():
    return memoryview(b"wxyz")[1:]


def make_tuple():
    return (1, "two", 3.5)


def int_keys():
    return {1: "one", 2: "two"}


def make_set():
    return {1, 2}


def returns_exception():
    return KeyError("not raised")


def utf8_length(text: str) -> int:
    return len(text.encode("utf-8"))


def code_points(text: str) -> int:
    return len(text)


def buffer_facts(data):
    return [type(data).__name__, data.readonly, bytes(data)]


kept = []


def keep(data):
    kept.append(data)
    return len(data)


def read_kept():
    return bytes(kept[-1])


def keep_a_slice(data):
    kept.append(data[1:])
    return len(data)


def observe(data, poke):
    """data[0] before and after poke() writes into the caller's bytes: the view aliases them."""
    before = data[0]
    poke()
    return [before, data[0]]


def sum_list(items: list) -> int:
    return sum(items)


def keys_of(mapping: dict) -> list:
    return sorted(str(key) for key in mapping)


def is_none(x) -> bool:
    return x is None


def float_of(x) -> float:
    return float(x)


def self_referential():
    items = [1]
    items.append(items)
    return items


def repr_of(x):
    return repr(x)


def mixed_keys():
    return {3244: "world", "asd": 123, 1.5: "half", False: "no", None: "nothing"}


def tuple_keys():
    return {(1, 2): "pair"}
