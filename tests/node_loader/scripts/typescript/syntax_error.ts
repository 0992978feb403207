// Not TypeScript: the load fails with a SyntaxError naming this file and line 3.
export function broken(a: number, b: number {
  return a + b;
}
