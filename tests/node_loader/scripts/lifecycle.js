// Global state of an environment: a new environment after destroy/initialize starts without it.
'use strict';

function set_marker(text) {
  globalThis.metacall_test_marker = text;
  return text;
}

function marker() {
  return globalThis.metacall_test_marker === undefined ? null : globalThis.metacall_test_marker;
}

function add(a, b) {
  return a + b;
}

function make_adder(n) {
  return (x) => x + n;
}

module.exports = { set_marker, marker, add, make_adder };
