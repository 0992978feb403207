// An ES module: named exports, a default export, and an import of a CommonJS file.
import { createRequire } from 'node:module';
import arith from '../arith.js';

const require = createRequire(import.meta.url);

export function add(a, b) {
  return a + b;
}

export const multiply = (a, b) => a * b;

export async function later(value) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return value * 2;
}

// CommonJS from ESM: the default import and a require of the same file agree.
export function cjsAdd(a, b) {
  return arith.add(a, b) === require('../arith.js').add(a, b) ? arith.add(a, b) : NaN;
}

export function where() {
  return import.meta.url;
}

export default function greet(name) {
  return `hello, ${name}`;
}
