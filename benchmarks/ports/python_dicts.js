// What benchmarks/ports/python_dicts_to_js.py passes a 100-key Python dict to.
'use strict';

function read_one(d) {
  return d.k5;
}

function read_all(d) {
  let sum = 0;
  for (let i = 0; i < 100; i++) sum += d['k' + i];
  return sum;
}

function for_in(d) {
  let sum = 0;
  for (const key in d) sum += d[key];
  return sum;
}

function json(d) {
  return JSON.stringify(d).length;
}

module.exports = { read_one, read_all, for_in, json };
