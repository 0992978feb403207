// Objects benchmark (benchmarks/objects_benchmark.cpp): a method against a plain function doing the
// same work, and property reads from JS (a host object, a plain object, a napi_wrap'ed object)
// against calls of a host function, `n` of them per call from C.
'use strict';

class Counter {
  constructor() {
    this.count = 0;
  }
  inc(by) {
    this.count += by;
    return this.count;
  }
}

const counter = new Counter();
const plain = { health: 100 };
let host = null;
let wrapped = null;
let hostFunction = null;

function readLoop(target, n) {
  let sum = 0;
  for (let i = 0; i < n; ++i) sum += target.health;
  return sum;
}

module.exports = {
  Counter,
  inc(by) {
    counter.count += by;
    return counter.count;
  },
  make_counter: () => new Counter(),
  set_targets(hostObject, healthFunction, addonPath) {
    host = hostObject;
    hostFunction = healthFunction;
    const addon = { exports: {} };
    process.dlopen(addon, addonPath);
    wrapped = addon.exports.make(100);
  },
  read_host: (n) => readLoop(host, n),
  read_plain: (n) => readLoop(plain, n),
  read_wrapped: (n) => readLoop(wrapped, n),
  call_host_function(n) {
    let sum = 0;
    for (let i = 0; i < n; ++i) sum += hostFunction();
    return sum;
  },
};
