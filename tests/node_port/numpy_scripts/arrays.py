# NumPy arrays and JS typed arrays (tests/node_port/arrays.test.js). Kept out of scripts/, whose
# numbers.py would hide the standard library module numpy imports.
import numpy as np
import pandas as pd


def dtype_of(x):
    return np.asarray(x).dtype.str


def shape_of(x):
    return list(np.asarray(x).shape)


def double_in_place(x):
    a = np.asarray(x)
    a *= 2


def arange(n):
    return np.arange(float(n))


def reshaped(rows, cols):
    return np.arange(rows * cols, dtype=np.int32).reshape(rows, cols)


def int64s():
    return np.array([-(2**63), 2**62], dtype=np.int64)


def solve(a, b):
    return np.linalg.solve(np.asarray(a), np.asarray(b))


def total(x):
    return np.sum(np.asarray(x))


def kept(x):
    global KEPT
    KEPT = np.array(x)  # a copy: the argument's bytes are the caller's for the call only
    return KEPT.sum()


def statistics():
    frame = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0], "b": [10.0, 20.0, 30.0, 40.0]})
    return frame.describe().to_dict()


def echo(x):
    return x


def byte_length(x):
    return len(bytes(x))
