// TypeScript for the py port's import hook: `from typed_lib.ts import scale`.
export function scale(values: number[], factor: number): number[] {
  return values.map((value) => value * factor);
}

export function fail(reason: string): never {
  throw new RangeError(reason); // line 7
}
