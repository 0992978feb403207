// A Python class in Node: require('./x.py') gives its classes too, and `new` makes instances
// whose attributes and methods work as a JS object's do.
'use strict';

const assert = require('assert');
const test = require('node:test');

require('metacall');

const { Counter, make_counter, echo, same, count_of } = require('./scripts/counter.py');

test('new on a Python class makes an instance whose methods and attributes work', () => {
  const counter = new Counter(5);
  assert.strictEqual(counter.inc(2), 7);
  assert.strictEqual(counter.count, 7);
  counter.count = 40;
  assert.strictEqual(count_of(counter), 40);
  assert.strictEqual(new Counter().inc(), 1);
});

test('a Python class called without new throws a TypeError', () => {
  assert.throws(() => Counter(1), { name: 'TypeError', message: "Class constructor Counter cannot be invoked without 'new'" });
});

test('static attributes and static methods of a Python class', () => {
  assert.strictEqual(Counter.kind, 'counter');
  assert.strictEqual(Counter.make(3).count, 3);
});

test('an instance a Python function returns is usable, and stays the same Python object', () => {
  const counter = make_counter(10);
  assert.strictEqual(counter.inc(1), 11);
  assert.strictEqual(same(counter, counter), true);
  assert.strictEqual(same(echo(counter), counter), true);
});

test('a JS object passed to Python and back is the same object', () => {
  const mine = { hello: 'world' };
  class Point {}
  const point = new Point();
  assert.strictEqual(echo(point), point);
  assert.deepStrictEqual(echo(mine), mine); // plain objects are data: an equal copy
});

test('a Python exception from a method is an Error with its type', () => {
  assert.throws(() => new Counter(1).fail('boom'), { name: 'ValueError', message: 'boom' });
});

test("a Python instance's attributes are enumerable, and it is no thenable", async () => {
  const counter = new Counter(2);
  assert.ok(Object.keys(counter).includes('count'), Object.keys(counter).join(','));
  assert.strictEqual(counter.then, undefined);
  assert.strictEqual(await Promise.resolve(counter), counter);
});
