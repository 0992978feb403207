// Calls from many C threads: add, and a count of the calls JS saw.
'use strict';

let calls = 0;

function add(a, b) {
  calls += 1;
  return a + b;
}

function call_count() {
  return calls;
}

module.exports = { add, call_count };
