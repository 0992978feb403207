// The functions a Python program calls in benchmarks/ports/python_vs_pythonmonkey.py, loaded alike
// by the py port (metacall_load_from_file_export) and by PythonMonkey (pm.require).
'use strict';

function add(a, b) {
  return a + b;
}

function echo(s) {
  return s;
}

// A fresh array and object on every call: what crosses is a new value each time.
function make_array() {
  const array = new Array(100);
  for (let i = 0; i < 100; i++) {
    array[i] = i;
  }
  return array;
}

function make_object() {
  const object = {};
  for (let i = 0; i < 100; i++) {
    object['k' + i] = i;
  }
  return object;
}

module.exports = { add, echo, make_array, make_object };
