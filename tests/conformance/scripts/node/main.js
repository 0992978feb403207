// The conformance suite's main script: every function the suite calls.
'use strict';

function add(a, b) {
  return a + b;
}

function echo(x) {
  return x;
}

async function echo_async(x) {
  return x;
}

function fail(message) {
  throw new Error(message);
}

async function fail_async(message) {
  throw new Error(message);
}

function call(f, x) {
  return f(x);
}

function nothing() {}

module.exports = { add, echo, echo_async, fail, fail_async, call, nothing };
