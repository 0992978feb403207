// Python coroutines and JavaScript promises across the port.
'use strict';

const assert = require('assert');
const path = require('path');
const test = require('node:test');

const { metacall, metacall_load_from_file } = require('metacall');

metacall_load_from_file('py', [path.join(__dirname, 'scripts', 'arith.py')]);

test('an async def Python function returns a Promise that Node awaits', async () => {
  // Nothing else keeps this Node's event loop alive while Python sleeps: the pending future must.
  const promise = metacall('slow_double', 21);
  assert.ok(promise instanceof Promise);
  assert.strictEqual(await promise, 42);
});

test('an async def Python function that raises rejects its Promise with the Python error', async () => {
  await assert.rejects(metacall('slow_fail', 'late'), { name: 'ValueError', message: 'late' });
});

test('a Promise passed to an async def Python function is awaitable there', async () => {
  const later = new Promise((resolve) => setTimeout(() => resolve(41), 100));
  assert.strictEqual(await metacall('await_plus_one', later), 42);
});

test('a Promise already resolved is awaitable too', async () => {
  assert.strictEqual(await metacall('await_plus_one', Promise.resolve(1)), 2);
});

test('a rejected Promise raises in Python where it is awaited', async () => {
  const failing = () => new Promise((_, reject) => setTimeout(() => reject(new TypeError('nope')), 50));
  assert.strictEqual(await metacall('await_error', failing()), 'TypeError: nope');
  await assert.rejects(metacall('await_plus_one', failing()), { name: 'TypeError', message: 'nope' });
});
