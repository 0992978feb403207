// Functions of every shape the loader describes.
'use strict';

function plain(first, second) {
  return first + second;
}

async function later(value, delay_ms) {
  await new Promise((resolve) => setTimeout(resolve, delay_ms));
  return value;
}

const arrow_async = async (x) => x;

function sum_all(first, ...rest) {
  return rest.reduce((total, x) => total + x, first);
}

function with_defaults(a, b = 2, c = { d: [1, 2] }) {
  return a + b + c.d.length;
}

function destructured({ x, y }, [z]) {
  return x + y + z;
}

const single = (x) => x * 2;
const bare = x => x * 3; // eslint-disable-line arrow-parens

function nothing_declared() {
  return arguments.length;
}

module.exports = {
  plain,
  later,
  arrow_async,
  sum_all,
  with_defaults,
  destructured,
  single,
  bare,
  nothing_declared,
  not_a_function: 42,
  neither_is_this: { a: 1 },
};
