// Node.js using NumPy through require('metacall'): typed arrays go to Python without a copy and
// keep their element type; NumPy arrays come back as typed arrays with their shape.
//   node main.js   (numpy installed in the active virtualenv, or on PYTHONPATH)
'use strict';

const assert = require('assert');
require('metacall'); // lets require() load .py files
const stats = require('./stats.py');

const prices = Float64Array.from([101.5, 99.25, 103.0, 98.75, 102.25, 100.5]);

const summary = stats.summary(prices);
console.log('summary:', summary);
assert.strictEqual(summary.count, 6);
assert.ok(Math.abs(summary.mean - 100.875) < 1e-9);

const normalized = stats.normalize(prices);
console.log('normalized:', normalized);
assert.ok(normalized instanceof Float64Array);

stats.scale_in_place(prices, 2); // NumPy writes into this very array
console.log('scaled in place:', prices);
assert.strictEqual(prices[0], 203);

const matrix = Float64Array.from([3, 1, 1, 2]);
matrix.shape = [2, 2]; // a 2 x 2 matrix for NumPy
const x = stats.solve(matrix, Float64Array.from([9, 8]));
console.log('solve [[3, 1], [1, 2]] x = [9, 8]:', x);
assert.ok(Math.abs(x[0] - 2) < 1e-12 && Math.abs(x[1] - 3) < 1e-12);

const r = stats.correlation(prices, Float64Array.from([1, 2, 3, 4, 5, 6]));
console.log('correlation matrix, shape', r.shape, ':', r);
assert.deepStrictEqual(r.shape, [2, 2]);

const counts = stats.histogram(prices, 3);
console.log('histogram:', counts);
assert.ok(counts instanceof BigInt64Array);
assert.strictEqual(counts.reduce((a, b) => a + b, 0n), 6n);
