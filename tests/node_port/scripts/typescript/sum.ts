// A TypeScript module with declared types, loaded by the node loader from inside Node.
export function ts_sum(a: number, b: number): number {
  return a + b;
}
