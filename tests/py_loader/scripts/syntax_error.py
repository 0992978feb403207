def fine(x):
    return x
def broken(a b):
    return a
