def configured_triple(x):
    return x * 3
