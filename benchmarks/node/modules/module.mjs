// The module the load benchmarks load (benchmarks/node_module_load_benchmark.cpp): the same code
// as module.cjs (CommonJS) and module.ts (TypeScript with types), as an ES module.

export function add(a, b) {
  return a + b;
}

export function mean(values) {
  return values.length === 0 ? 0 : values.reduce((total, value) => total + value, 0) / values.length;
}

export function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function histogram(values, buckets) {
  const counts = new Array(buckets).fill(0);
  const max = Math.max(...values, 1);
  for (const value of values) counts[Math.min(buckets - 1, Math.floor((value / max) * buckets))] += 1;
  return counts;
}

export async function delayed(value) {
  await null;
  return value;
}

export class Counter {
  constructor(start) {
    this.count = start;
  }

  inc(by) {
    this.count += by;
    return this.count;
  }
}
