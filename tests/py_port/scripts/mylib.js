// Functions the py port's tests call from Python.
class ValidationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ValidationError';
  }
}

function add(a, b) { return a + b; }
function call_back(fn, x) { return fn(x) * 2; }
function make_adder(n) { return (x) => x + n; }
function throw_type_error() { return null.missing; }
function throw_custom(message) { throw new ValidationError(message); }
async function triple_later(x) {
  await new Promise((resolve) => setTimeout(resolve, 10));
  return x * 3;
}
async function reject_later(message) {
  await null;
  throw new RangeError(message);
}
async function await_plus_one(promise) { return (await promise) + 1; }
function filled_bytes(size, byte) { return Buffer.alloc(size, byte); }
function byte_sum(buffer) { return buffer.reduce((sum, b) => sum + b, 0); }

module.exports = {
  add, call_back, make_adder, throw_type_error, throw_custom, triple_later, reject_later,
  await_plus_one, filled_bytes, byte_sum,
};
