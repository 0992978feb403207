// A JavaScript script for the command's tests: plain, throwing, looping and async functions.
'use strict';

function shout(text) {
  return `${text.toUpperCase()}!`;
}

function pair(a, b) {
  return { first: a, second: b, both: [a, b] };
}

function boom() {
  throw new RangeError('out of range on purpose');
}

function spin() {
  for (;;) {}
}

async function fetch_later(n) {
  await new Promise((resolve) => setTimeout(resolve, 30));
  return `${n} x 10 = ${n * 10}`; // a string: how JS numbers cross is not this test's matter
}

function never() {
  return new Promise(() => {});
}

module.exports = { shout, pair, boom, spin, fetch_later, never };
