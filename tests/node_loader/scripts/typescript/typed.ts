// TypeScript with declared types: metacall_inspect shows them.
import { shout } from './util';

export function add(a: number, b: number): number {
  return a + b;
}

export const greet = (name: string, loud: boolean): string => (loud ? shout(name) : `hello, ${name}`);

export function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export async function later(value: number): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return `later ${value}`;
}

export function untyped(thing: any) {
  return thing;
}

interface Point {
  x: number;
  y: number;
}

export function norm(point: Point): number {
  return Math.hypot(point.x, point.y);
}
