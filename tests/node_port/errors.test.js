// A Python exception reaches JavaScript as an Error.
'use strict';

const assert = require('assert');
const path = require('path');
const test = require('node:test');

const { metacall, metacall_load_from_file } = require('metacall');

metacall_load_from_file('py', [path.join(__dirname, 'scripts', 'arith.py')]);

test('a Python exception is thrown as an Error with its type, message and traceback', () => {
  let caught;
  try {
    metacall('fail', 'bad input');
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof Error, String(caught));
  assert.strictEqual(caught.name, 'ValueError');
  assert.strictEqual(caught.message, 'bad input');
  assert.match(caught.stack, /Traceback|arith\.py/);
  assert.match(caught.stack, /line \d+, in fail/);
});
