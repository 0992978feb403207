// Timers and promises for the py port's event-loop tests: Node on Python's main thread.
let fired = 0;
function start_timer(ms) { setTimeout(() => { fired += 1; }, ms); }
function fired_count() { return fired; }
function later(ms, fn, value) { setTimeout(() => fn(value), ms); }
function sum_with(fn, n) {
  let total = 0;
  for (let i = 0; i < n; i += 1) total += fn(i);
  return total;
}
function double_later(x, ms) { return new Promise((resolve) => setTimeout(() => resolve(2 * x), ms)); }
function never() { return new Promise(() => {}); }

module.exports = { start_timer, fired_count, later, sum_with, double_later, never };
