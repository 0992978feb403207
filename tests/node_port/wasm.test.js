// WebAssembly modules through the port (the wasm loader): a WAT string from memory, a .wat file
// by require(), numbers of every wasm type, a trap as an Error, a fuel grant, and the C plug-in
// (examples/wasm_plugin, built into METACALL_TEST_WASM_PLUGINS when CMake found clang-14 for
// wasm32-wasi: METACALL_TEST_WASM_C_PLUGINS=1) with strings.
'use strict';

const assert = require('assert');
const path = require('path');
const test = require('node:test');

const {
  metacall, metacall_load_from_memory, metacall_load_from_package_export, metacall_load_from_package_ex,
} = require('metacall');

const plugins = process.env.METACALL_TEST_WASM_PLUGINS;
const greetWasm = path.join(plugins, 'greet.wasm');

test('a WAT module from memory: its exports are called with numbers', () => {
  metacall_load_from_memory('wasm', `(module
    (func (export "wasm_add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
    (func (export "wasm_mul64") (param i64 i64) (result i64) local.get 0 local.get 1 i64.mul))`);
  assert.strictEqual(metacall('wasm_add', 2, 40), 42);
  assert.strictEqual(metacall('wasm_add', 2 ** 31 - 1, 1), -(2 ** 31)); // i32 wraps as in wasm
  assert.strictEqual(metacall('wasm_mul64', 2 ** 31, 2 ** 20), 2 ** 51);
  assert.throws(() => metacall('wasm_add', 2 ** 40, 1), /does not fit i32/);
});

test('a .wat file by require(): every number type, two results, a trap', () => {
  const wasm = require(path.join(plugins, 'numbers.wat'));
  assert.strictEqual(wasm.wasm_half(3), 1.5);
  assert.strictEqual(wasm.wasm_hypot(3, 4), 5);
  assert.deepStrictEqual(wasm.wasm_divmod(17, 5), [3, 2]);
  assert.throws(() => wasm.wasm_divide(1, 0), (error) => {
    assert.strictEqual(error.name, 'WasmTrap');
    assert.match(error.message, /integer division by zero/);
    return true;
  });
  assert.strictEqual(wasm.wasm_add(1, 2), 3); // the instance lives on after a trap
});

test('a fuel grant stops a runaway loop; the next call works', () => {
  const wasm = metacall_load_from_package_ex('wasm', path.join(plugins, 'numbers.wat'), { fuel: 100000 });
  assert.throws(() => wasm.wasm_spin(), { name: 'OutOfFuelError' });
  assert.strictEqual(wasm.wasm_add(20, 22), 42);
  assert.throws(() => metacall_load_from_package_ex('wasm', path.join(plugins, 'numbers.wat'), { fuel: 'lots' }),
    /'fuel'/);
});

const noCPlugins = process.env.METACALL_TEST_WASM_C_PLUGINS !== '1' && 'no clang-14 for wasm32-wasi: greet.wasm not built';
test('the C plug-in greets with a string', { skip: noCPlugins }, () => {
  const plugin = metacall_load_from_package_export('wasm', greetWasm);
  assert.strictEqual(plugin.greet('node'), 'Hello, node!');
  assert.strictEqual(plugin.greet('héllo wörld'), 'Hello, héllo wörld!'); // UTF-8 both ways
  assert.strictEqual(plugin.greet(''), 'Hello, !');
  assert.strictEqual(plugin.add(40, 2), 42);
  assert.throws(() => plugin.boosted(10), /bonus/); // imports metacall.bonus, which nobody registered
});
