// Not TypeScript: importing it raises, naming this file and line 3.
export function broken(a: number, b: number {
  return a + b;
}
