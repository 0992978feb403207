// Classes and objects (classes_test.cpp): an ES class and a constructor function, instances made
// here, and functions that use the objects C hands over (the game server's `player`).
'use strict';

const util = require('util');

class Counter {
  constructor(start) {
    this.count = start;
  }
  inc(by) {
    this.count += by;
    return this.count;
  }
  fail(message) {
    throw new RangeError(message);
  }
  async later(value) {
    return value;
  }
  get doubled() {
    return this.count * 2;
  }
  get broken() {
    throw new TypeError('the broken getter');
  }
  static make(n) {
    return new Counter(n);
  }
}
Counter.kind = 'counter'; // a static attribute

// The same, the way it was written before ES classes.
function LegacyCounter(start) {
  this.count = start;
}
LegacyCounter.prototype.inc = function inc(by) {
  this.count += by;
  return this.count;
};
LegacyCounter.make = function make(n) {
  return new LegacyCounter(n);
};
LegacyCounter.kind = 'legacy';

// A class without methods is still a class; a plain function is still a function.
class Empty {}
class Strict {
  constructor(n) {
    if (typeof n !== 'number') throw new TypeError('Strict needs a number');
  }
}
function plain(x) {
  return x;
}

const kept = new Counter(100);

// What the host hands over as `player` (a host object), used as the game server's scripts do.
function play(player) {
  const health = player.health;
  player.name = 'bob';
  const healed = player.heal(5);
  return [health, healed, Object.keys(player).join(',')];
}

// What JS machinery asks of an object must not reach the host, or break on a proxy.
function probe(obj) {
  return [
    obj.then === undefined,
    typeof obj[Symbol.toPrimitive],
    String(obj),
    'health' in obj,
    'nope' in obj,
    obj.nope === undefined,
    JSON.stringify(obj),
    util.inspect(obj),
  ].join('|');
}

// new C(arg), and what calling C without `new` throws.
function build(C, arg) {
  let threw = '';
  try {
    C(arg);
  } catch (error) {
    threw = `${error.name}: ${error.message}`;
  }
  const made = new C(arg);
  return [made, made.price, threw, C.version];
}

// Passes `obj` to C and back `n` times; each time it must come back as the same object.
function round_trips(echo_host, n) {
  const obj = new Counter(1);
  for (let i = 0; i < n; ++i) {
    if (echo_host(obj) !== obj) throw new Error(`round trip ${i} gave another object`);
  }
  return n;
}

// A V8 collection on demand (the host-object release test).
const v8 = require('v8');
const vm = require('vm');
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

module.exports = {
  Counter,
  LegacyCounter,
  Empty,
  Strict,
  plain,
  default_counter: new Counter(7), // an instance: an object of the module
  settings: { verbose: true }, // plain data: not an object of the module
  make_counter: (start) => new Counter(start),
  make_legacy: (start) => new LegacyCounter(start),
  echo: (x) => x,
  same: (a, b) => a === b,
  get_kept: () => kept,
  is_kept: (x) => x === kept,
  is_counter_class: (c) => c === Counter,
  today: () => new Date(0),
  plain_object: () => ({ a: 1 }),
  null_prototype: () => Object.assign(Object.create(null), { b: 2 }),
  play,
  probe,
  build,
  round_trips,
  keep: (x) => {
    module.exports.held = x;
  },
  forget: () => {
    module.exports.held = null;
  },
  collect: () => gc(),
};
