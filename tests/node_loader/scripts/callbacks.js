// Functions both ways: C functions called from JS, JS functions handed to C.
'use strict';

function apply(f, x) {
  return f(x);
}

// Calls `f` and reports how it failed, as JS sees it.
function call_catching(f) {
  try {
    const result = f();
    return `no error: ${result}`;
  } catch (error) {
    return `${error instanceof Error}|${error.name}|${error.message}`;
  }
}

function make_adder(n) {
  return (x) => x + n;
}

function make_counter() {
  let count = 0;
  return function counter() {
    count += 1;
    return count;
  };
}

function make_two_parameter_function() {
  return (a, b) => a + b;
}

// The re-entrant chain: countdown(n) asks the host to step down, which calls countdown(n - 1)
// again, until 0. Returns the visited numbers.
function countdown(n, step) {
  if (n === 0) return '0';
  return `${n},${step(n - 1, step)}`;
}

module.exports = {
  apply,
  call_catching,
  make_adder,
  make_counter,
  make_two_parameter_function,
  countdown,
};
