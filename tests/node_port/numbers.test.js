// Numbers between Node and Python through the port (docs/NUMBERS.md): a JS number that is a safe
// integer is a Python int, other numbers floats; a Python int is a JS number when safe and a
// BigInt otherwise; BigInt <-> int of any size.
'use strict';

const assert = require('assert');
const test = require('node:test');

require('metacall');
const py = require('./scripts/number_edges.py');

test('a JS integer is a Python int: range, repetition and indexing work', () => {
  assert.deepStrictEqual(py.describe(3), ['int', '3']);
  assert.strictEqual(py.repeat('ab', 3), 'ababab');
  assert.deepStrictEqual(py.count_to(4), [0, 1, 2, 3]);
});

test('other JS numbers are Python floats', () => {
  assert.deepStrictEqual(py.describe(0.5), ['float', '0.5']);
  assert.deepStrictEqual(py.describe(-0), ['float', '-0.0']);
  assert.deepStrictEqual(py.describe(NaN), ['float', 'nan']);
  assert.deepStrictEqual(py.describe(Infinity), ['float', 'inf']);
});

test('the edges of the safe range: 2**53 - 1 is an int, 2**53 is a float', () => {
  assert.deepStrictEqual(py.describe(2 ** 53 - 1), ['int', '9007199254740991']);
  assert.deepStrictEqual(py.describe(-(2 ** 53 - 1)), ['int', '-9007199254740991']);
  assert.deepStrictEqual(py.describe(2 ** 53), ['float', '9007199254740992.0']);
  assert.deepStrictEqual(py.describe(2 ** 53 + 2), ['float', '9007199254740994.0']);
});

test('a Python int is a JS number when safe and a BigInt beyond', () => {
  assert.strictEqual(py.power_of_two(52), 2 ** 52);
  assert.strictEqual(py.echo(2 ** 53 - 1), 2 ** 53 - 1);
  assert.strictEqual(py.power_of_two(53), 2n ** 53n);
  assert.strictEqual(py.power_of_two(63, true), -(2n ** 63n));
  assert.strictEqual(py.power_of_two(64), 2n ** 64n);
  assert.strictEqual(py.power_of_two(200), 2n ** 200n);
  assert.strictEqual(py.power_of_two(200, true), -(2n ** 200n));
});

test('a BigInt of any size is a Python int, and comes back exact', () => {
  assert.deepStrictEqual(py.describe(5n), ['int', '5']);
  assert.deepStrictEqual(py.describe(2n ** 64n), ['int', String(2n ** 64n)]);
  assert.deepStrictEqual(py.describe(-(2n ** 200n)), ['int', String(-(2n ** 200n))]);
  assert.strictEqual(py.echo(2n ** 200n + 1n), 2n ** 200n + 1n);
  assert.strictEqual(py.echo(-(2n ** 64n)), -(2n ** 64n));
});

test('Python floats stay JS numbers, -0.0 included', () => {
  assert.ok(Object.is(py.negative_zero(), -0));
  assert.strictEqual(py.echo(0.1), 0.1);
  assert.ok(Number.isNaN(py.echo(NaN)));
});
