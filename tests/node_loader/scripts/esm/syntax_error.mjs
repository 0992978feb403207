// Not JavaScript: the load fails with a SyntaxError naming this file and line 4.
export function ok() { return 1; }

export function broken(a, b {
  return a + b;
}
