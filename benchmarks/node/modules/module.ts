// The module the load benchmarks load (benchmarks/node_module_load_benchmark.cpp): the same code
// as module.cjs (CommonJS) and module.mjs (an ES module), as TypeScript with declared types.

export function add(a: number, b: number): number {
  return a + b;
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((total, value) => total + value, 0) / values.length;
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function histogram(values: number[], buckets: number): number[] {
  const counts: number[] = new Array(buckets).fill(0);
  const max = Math.max(...values, 1);
  for (const value of values) counts[Math.min(buckets - 1, Math.floor((value / max) * buckets))] += 1;
  return counts;
}

export async function delayed(value: string): Promise<string> {
  await null;
  return value;
}

export class Counter {
  count: number;

  constructor(start: number) {
    this.count = start;
  }

  inc(by: number): number {
    this.count += by;
    return this.count;
  }
}
