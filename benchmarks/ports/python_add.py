# The function the Node -> Python benchmarks call.
def add(a, b):
    return a + b
