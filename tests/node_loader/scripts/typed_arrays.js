// Typed arrays and typed buffers (tests/node_loader/typed_array_test.cpp).
'use strict';

module.exports = {
  // What JS sees of a value: its constructor, its shape and its elements (as strings: BigInts too).
  seen: (x) => [x.constructor.name, x.shape === undefined ? null : x.shape, Array.from(x, String)],
  float64: () => Float64Array.from([0.5, 1.5]),
  int32: () => Int32Array.from([-1, 2, 3]),
  bigint64: () => BigInt64Array.from([-(2n ** 63n), 5n]),
  uint16: () => Uint16Array.from([65535]),
  float32: () => Float32Array.from([0.25]),
  matrix: () => {
    const m = Float64Array.from([1, 2, 3, 4, 5, 6]);
    m.shape = [3, 2];
    return m;
  },
  bytes: () => Uint8Array.from([1, 2]),
  bad_shape: () => {
    const m = new Int16Array(4);
    m.shape = [3, 2];
    return m;
  },
  subarray: () => Float64Array.from([1, 2, 3, 4]).subarray(1, 3),
};
