// Top-level await: the load finishes only after the timer fired and the value was computed.
const started = Date.now();
const ready = await new Promise((resolve) => setTimeout(() => resolve(42), 50));
const waited = Date.now() - started;

export function answer() {
  return ready;
}

export function waitedAtLeast(ms) {
  return waited >= ms;
}
