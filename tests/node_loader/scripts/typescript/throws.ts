// A thrown error's stack points at this file's lines (source map), not at the JavaScript output.
type Reason = string;

interface Unused {
  a: number;
}

export function fail(reason: Reason): never {
  throw new Error(`failed: ${reason}`); // line 9
}
