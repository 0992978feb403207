// NumPy through the port: JS typed arrays reach Python as arrays NumPy wraps without a copy, with
// their element type; NumPy arrays come back as typed arrays with their shape. Uses the numpy and
// pandas of the test virtualenv (tests/support/python_venv.cmake).
'use strict';

const assert = require('assert');
const test = require('node:test');

require('metacall');
// Not in scripts/: its numbers.py would hide the standard library's numbers module from numpy.
const py = require('./numpy_scripts/arrays.py');

test('typed arrays arrive with their element type', () => {
  assert.strictEqual(py.dtype_of(new Float64Array([1, 2])), '<f8');
  assert.strictEqual(py.dtype_of(new Int32Array([1, 2])), '<i4');
  assert.strictEqual(py.dtype_of(new BigInt64Array([1n, 2n])), '<i8');
  assert.strictEqual(py.dtype_of(new Float32Array(3)), '<f4');
  assert.strictEqual(py.dtype_of(new Uint16Array(3)), '<u2');
  assert.strictEqual(py.dtype_of(new BigUint64Array(1)), '<u8');
  assert.strictEqual(py.dtype_of(new Int8Array(1)), '|i1');
});

test('NumPy writes into the JS memory itself: no copy', () => {
  for (const array of [new Float64Array([1, 2, 3]), new Int32Array([4, 5]), new BigInt64Array([6n, -7n])]) {
    const before = Array.from(array);
    py.double_in_place(array);
    assert.deepStrictEqual(Array.from(array), before.map((x) => x * (typeof x === 'bigint' ? 2n : 2)));
  }
  // A view into a larger buffer: the view's own elements, at its offset.
  const whole = new Float64Array([1, 2, 3, 4]);
  py.double_in_place(whole.subarray(1, 3));
  assert.deepStrictEqual(Array.from(whole), [1, 4, 6, 4]);
});

test('np.arange(4.0) arrives as the Float64Array [0, 1, 2, 3]', () => {
  const result = py.arange(4);
  assert.ok(result instanceof Float64Array);
  assert.deepStrictEqual(Array.from(result), [0, 1, 2, 3]);
  assert.strictEqual(result.shape, undefined); // one dimension: no shape
});

test('a 2-D array comes with its shape, and goes back with it', () => {
  const result = py.reshaped(2, 3);
  assert.ok(result instanceof Int32Array);
  assert.deepStrictEqual(result.shape, [2, 3]);
  assert.deepStrictEqual(Array.from(result), [0, 1, 2, 3, 4, 5]);
  assert.deepStrictEqual(py.shape_of(result), [2, 3]);
  const made = new Float64Array(6);
  made.shape = [3, 2];
  assert.deepStrictEqual(py.shape_of(made), [3, 2]);
});

test('a shape that does not match the length is a TypeError', () => {
  const bad = new Float64Array(6);
  bad.shape = [4, 2];
  assert.throws(() => py.shape_of(bad), { name: 'TypeError', message: /shape \[4,2\].*length 6/ });
});

test('int64 arrays are BigInt64Arrays', () => {
  const result = py.int64s();
  assert.ok(result instanceof BigInt64Array);
  assert.deepStrictEqual(Array.from(result), [-(2n ** 63n), 2n ** 62n]);
});

test('np.linalg.solve on arrays passed from JS', () => {
  const a = new Float64Array([3, 1, 1, 2]);
  a.shape = [2, 2];
  const x = py.solve(a, new Float64Array([9, 8]));
  assert.ok(x instanceof Float64Array);
  assert.ok(Math.abs(x[0] - 2) < 1e-12 && Math.abs(x[1] - 3) < 1e-12, `x = ${x}`);
});

test('np.sum of a Float64Array', () => {
  const n = 1000;
  const array = Float64Array.from({ length: n }, (_, i) => i);
  assert.strictEqual(py.total(array), (n * (n - 1)) / 2);
});

test('an array returned to Python and back stays typed, and results are independent of arguments', () => {
  const array = new Float64Array([1, 2, 3]);
  const back = py.echo(array);
  assert.ok(back instanceof Float64Array);
  assert.deepStrictEqual(Array.from(back), [1, 2, 3]);
  back[0] = 100; // the result is a copy of the argument's bytes, which were lent for the call only
  assert.strictEqual(array[0], 1);
  assert.strictEqual(py.kept(array), 6);
});

test('results of many calls are released as JS collects them', () => {
  for (let i = 0; i < 2000; ++i) assert.strictEqual(py.arange(1000).length, 1000);
  if (global.gc) global.gc();
  for (let i = 0; i < 10; ++i) py.arange(1);
});

test('a pandas DataFrame.describe().to_dict() is a plain object', () => {
  const stats = py.statistics();
  assert.deepStrictEqual(Object.keys(stats), ['a', 'b']);
  assert.strictEqual(stats.a.mean, 2.5);
  assert.strictEqual(stats.b.count, 4);
  assert.strictEqual(stats.b.max, 40);
});

test('Buffer, Uint8Array and bytes stay bytes', () => {
  const buffer = Buffer.from([1, 2, 3]);
  const back = py.echo(buffer);
  assert.ok(Buffer.isBuffer(back));
  assert.deepStrictEqual([...back], [1, 2, 3]);
  assert.ok(Buffer.isBuffer(py.echo(new Uint8Array([4, 5]))));
  assert.strictEqual(py.byte_length(new Uint8Array(7)), 7);
});
