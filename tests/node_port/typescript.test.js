// TypeScript in the process's own Node: the node loader compiles a .ts file loaded from JavaScript
// (a call on Node's own thread) into CommonJS and loads it; a load that comes from inside the
// file's own require() is refused with the reason instead of giving an empty module.
'use strict';

const assert = require('assert');
const Module = require('module');
const path = require('path');
const test = require('node:test');

const { metacall, metacall_load_from_file, metacall_load_from_file_export } = require('metacall');

const scripts = path.join(__dirname, 'scripts', 'typescript');

test('a .ts file loaded from JavaScript defines its functions', () => {
  metacall_load_from_file('node', [path.join(scripts, 'sum.ts')]);
  assert.strictEqual(metacall('ts_sum', 2, 40), 42);
});

test('a load from inside the file\'s own require() is refused, not an empty module', () => {
  const file = path.join(scripts, 'hooked.ts');
  const previous = Module._extensions['.ts'];
  Module._extensions['.ts'] = (module, filename) => {
    module.exports = metacall_load_from_file_export('node', [filename]);
  };
  try {
    assert.throws(() => require(file), (error) => {
      assert.match(error.message, /hooked\.ts' is being required right now/);
      return true;
    });
  } finally {
    Module._extensions['.ts'] = previous;
    delete require.cache[file];
  }
  assert.throws(() => metacall('never_loaded'), /never_loaded/);
});

test('after the refusal the same file loads through metacall', () => {
  const exports = metacall_load_from_file_export('node', [path.join(scripts, 'hooked.ts')]);
  assert.strictEqual(exports.never_loaded(), 1);
});
