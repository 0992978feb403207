// An ES module for the py port's import hook: `from esm_lib.mjs import add`.
import { createRequire } from 'node:module';

const { add: cjsAdd } = createRequire(import.meta.url)('./mylib.js'); // CommonJS from ESM
const offset = await Promise.resolve(0); // top-level await

export function add(a, b) {
  return cjsAdd(a, b) + offset;
}

export default function greet(name) {
  return `hello, ${name}`;
}
