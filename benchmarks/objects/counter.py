"""Objects benchmark (benchmarks/objects_benchmark.cpp): a method against a plain function doing
the same work."""


class Counter:
    def __init__(self):
        self.count = 0

    def inc(self, by):
        self.count += by
        return self.count


_counter = Counter()


def inc(by):
    _counter.count += by
    return _counter.count


def make_counter():
    return Counter()
