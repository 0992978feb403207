// require('metacall') inside the machine's `node`: calls from Node to Python and back.
'use strict';

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const test = require('node:test');

const {
  metacall, metacall_load_from_file, metacall_load_from_memory, metacall_load_from_package_export, metacall_inspect,
} = require('metacall');

metacall_load_from_file('py', [path.join(__dirname, 'scripts', 'arith.py')]);

test('Node calls a Python function', () => {
  assert.strictEqual(metacall('add', 2, 3), 5);
  assert.strictEqual(metacall('add', 'a', 'b'), 'ab');
});

test('Python calls back a JavaScript function it was given (Node -> Python -> JS)', () => {
  assert.strictEqual(metacall('apply', (x) => x * 10, 4), 41);
});

test('a Python standard-library module is loaded by name and called from Node', () => {
  const colorsys = metacall_load_from_package_export('py', 'colorsys');
  assert.deepStrictEqual(colorsys.rgb_to_hsv(1, 0, 0), [0, 1, 1]);
  assert.deepStrictEqual(colorsys.hsv_to_rgb(0, 0, 0.5), [0.5, 0.5, 0.5]);
});

test('Python code using a standard-library module works from Node', () => {
  metacall_load_from_memory('py', 'import json\ndef dumps(x):\n    return json.dumps(x, sort_keys=True)\n');
  assert.strictEqual(metacall('dumps', { b: [true, null], a: 'x' }), '{"a": "x", "b": [true, null]}');
});

test('long and non-ASCII function names are found whole', () => {
  // 126 + 2 bytes: the port reads names into a 128-byte buffer first, and must notice the cut.
  const accented = `${'a'.repeat(126)}é`;
  const long = 'b'.repeat(300);
  metacall_load_from_memory('py', `def ${accented}():\n    return 7\ndef ${long}():\n    return 8\n`);
  assert.strictEqual(metacall(accented), 7);
  assert.strictEqual(metacall(long), 8);
  assert.throws(() => metacall('a'.repeat(126)), /no function 'a+' is loaded/);
});

test('an unknown function name is an Error naming it', () => {
  assert.throws(() => metacall('no_such_function'), /no function 'no_such_function'/);
});

test('metacall_inspect describes what is loaded', () => {
  const inspect = metacall_inspect();
  const names = inspect.py.flatMap((handle) => handle.scope.funcs.map((f) => f.name));
  assert.ok(names.includes('add') && names.includes('slow_double'), JSON.stringify(names));
});

test('the loader works in this Node: no libnode.so.108 is mapped', () => {
  const maps = fs.readFileSync('/proc/self/maps', 'utf8');
  assert.ok(!maps.includes('libnode.so.108'), 'libnode.so.108 is mapped');
  assert.ok(maps.includes('libnode_loader_runtime.so'));
});
