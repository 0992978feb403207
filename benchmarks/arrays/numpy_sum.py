# NumPy work for benchmarks/arrays_benchmark.cpp: np.sum over 1,000,000 float64 that cross from JS
# or C, against the same sum over an array already in Python.
import numpy as np

KEPT = np.arange(1_000_000, dtype=np.float64)


def total(x):
    return float(np.sum(np.asarray(x)))


def total_copied(x):
    return float(np.sum(np.array(x)))  # what crossing with a copy would add


def total_kept():
    return float(np.sum(KEPT))


def asarray_length(x):
    return float(len(np.asarray(x)))


def asarray_length_kept():
    return float(len(np.asarray(KEPT)))


def arange_length(n):
    return len(np.arange(float(n)))


def arange(n):
    return np.arange(float(n))
