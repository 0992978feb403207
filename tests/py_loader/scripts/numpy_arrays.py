# NumPy arrays crossing as typed buffers (tests/py_loader/numpy_test.cpp).
import numpy as np
import pandas as pd


def describe(x):
    """What NumPy sees of x without copying: dtype, shape, address of the first element."""
    a = np.asarray(x)
    return [a.dtype.str, list(a.shape), a.ctypes.data, a.flags.writeable]


def double_in_place(x):
    a = np.asarray(x)
    a *= 2


def arange_with_address(n):
    a = np.arange(float(n))
    return [a, a.ctypes.data]


def reshaped(rows, cols):
    return np.arange(rows * cols, dtype=np.int32).reshape(rows, cols)


def every_other_column():
    return np.arange(12, dtype=np.int64).reshape(3, 4)[:, ::2]  # not contiguous


def read_only():
    a = np.arange(3, dtype=np.float32)
    a.flags.writeable = False
    return a


def view_of_argument(x):
    return np.asarray(x)  # the caller's own bytes: they must not be borrowed past the call


def solve(a, b):
    return np.linalg.solve(np.asarray(a), np.asarray(b))


def scalars():
    return [np.int64(7), np.float32(1.5), np.uint8(200)]


def complex_numbers():
    return np.array([1 + 2j])


def half_floats():
    return np.zeros(2, dtype=np.float16)


def uint8_row():
    return np.array([1, 2, 255], dtype=np.uint8)


def raw_bytes():
    return b"\x00\x01"


def statistics():
    frame = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0], "b": [10.0, 20.0, 30.0, 40.0]})
    return frame.describe().to_dict()
