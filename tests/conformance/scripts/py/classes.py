"""The conformance suite's classes script: a class, its instances, and functions that use objects."""


class Counter:
    kind = "counter"  # a static attribute

    def __init__(self, start):
        self.count = start

    def inc(self, by):
        self.count += by
        return self.count

    def fail(self, message):
        raise ValueError(message)

    @staticmethod
    def make(start):
        return Counter(start)


def make_counter(start):
    return Counter(start)


kept = []


def keep(x):
    kept.append(x)


def is_kept(x):
    return any(item is x for item in kept)


def read_attribute(obj, name):
    return getattr(obj, name)


def write_attribute(obj, name, value):
    setattr(obj, name, value)


def call_method(obj, name, argument):
    return getattr(obj, name)(argument)


def keys_of(obj):
    return sorted(name for name in dir(obj) if not name.startswith("_"))
