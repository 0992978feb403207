// Classes and objects the py port's tests use from Python.
class Counter {
  constructor(start = 0) { this.count = start; }
  inc() { this.count += 1; return this.count; }
  static zero() { return new Counter(0); }
}
Counter.kind = 'counter';

function make_counter(start) { return new Counter(start); }
function identity(x) { return x; }
function is_same(a, b) { return a === b; }

module.exports = { Counter, make_counter, identity, is_same };
