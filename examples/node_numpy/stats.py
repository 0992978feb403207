# The Python side of examples/node_numpy: plain NumPy code, called from main.js.
import numpy as np


def summary(values):
    a = np.asarray(values)  # the JS Float64Array's own memory, as float64: no copy
    return {"count": int(a.size), "mean": float(a.mean()), "std": float(a.std()), "max": float(a.max())}


def normalize(values):
    a = np.asarray(values)
    return (a - a.mean()) / a.std()  # a new array: reaches JS as a Float64Array


def scale_in_place(values, factor):
    np.asarray(values)[:] *= factor  # writes into the JS array


def solve(matrix, rhs):
    return np.linalg.solve(np.asarray(matrix), np.asarray(rhs))


def correlation(x, y):
    return np.corrcoef(np.asarray(x), np.asarray(y))  # 2 x 2: a Float64Array with shape [2, 2]


def histogram(values, bins):
    counts, _ = np.histogram(np.asarray(values), bins=bins)
    return counts  # int64: a BigInt64Array
