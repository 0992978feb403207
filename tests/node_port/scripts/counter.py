"""A Python class for the Node port's classes test: require('./counter.py') gives it to JS."""


class Counter:
    kind = "counter"  # a static attribute

    def __init__(self, start=0):
        self.count = start

    def inc(self, by=1):
        self.count += by
        return self.count

    def fail(self, message):
        raise ValueError(message)

    @staticmethod
    def make(start):
        return Counter(start)


def make_counter(start):
    return Counter(start)


def echo(x):
    return x


def same(a, b):
    return a is b


def count_of(counter):
    return counter.count
