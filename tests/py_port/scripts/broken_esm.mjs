// Not JavaScript: importing it raises, naming this file and line 3.
export function broken(a, b {
  return a + b;
}
