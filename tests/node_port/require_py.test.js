// require('./x.py'): a Python module's functions, each module in a handle of its own.
'use strict';

const assert = require('assert');
const test = require('node:test');

require('metacall');

test('require of a .py file returns its functions', () => {
  const a = require('./scripts/module_a.py');
  assert.strictEqual(a.twice(21), 42);
});

test('two Python modules may define the same function name', () => {
  const a = require('./scripts/module_a.py');
  const b = require('./scripts/module_b.py');
  assert.strictEqual(a.who(), 'a');
  assert.strictEqual(b.who(), 'b');
});
