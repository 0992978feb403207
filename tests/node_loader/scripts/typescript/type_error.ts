// A type error: the load goes on (it is logged) unless METACALL_NODE_TS_CHECK=error.
export function twice(value: number): number {
  const text: string = value; // line 3: Type 'number' is not assignable to type 'string'
  return Number(text) * 2;
}
