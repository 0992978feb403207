// Runs inside the machine's own `node` (20): libmetacall, loaded by a test addon, works in this
// very Node (relink host mode) instead of starting the libnode it was built against.
//   node inside_node_test.js <test addon> <node loader runtime> <libnode.so.108 path>
'use strict';

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const test = require('node:test');

const [addonPath, runtimePath, libnodePath] = process.argv.slice(2);

// What require('metacall') will do: attach the node loader to this Node, then use the C API.
const runtime = { exports: {} };
process.dlopen(runtime, runtimePath);
runtime.exports.host(require);
const metacall = require(addonPath);

const mapped = () => fs.readFileSync('/proc/self/maps', 'utf8');

test('JS loaded through libmetacall runs in the host Node, and no libnode is mapped', () => {
  globalThis.__metacall_inside_node_marker = 'set by the host test';
  metacall.initialize();
  try {
    metacall.load('node', path.join(__dirname, 'guest.js'));
    assert.strictEqual(metacall.call('node_version'), process.version);
    assert.strictEqual(metacall.call('add', 2, 3), 5);
    assert.strictEqual(metacall.call('shared_global'), true);
    assert.ok(!mapped().includes(path.basename(libnodePath)), 'libnode.so.108 is mapped');
  } finally {
    metacall.destroy();
  }
});

test('initialize -> destroy -> initialize keeps working in the host Node', () => {
  for (let round = 0; round < 3; round++) {
    metacall.initialize();
    try {
      metacall.load('node', path.join(__dirname, 'guest.js'));
      assert.strictEqual(metacall.call('add', round, 1), round + 1);
    } finally {
      metacall.destroy();
    }
  }
});

test('Python called from inside node through libmetacall', () => {
  metacall.initialize();
  try {
    metacall.load('py', path.join(__dirname, 'guest.py'));
    assert.strictEqual(metacall.call('twice', 21), 42);
  } finally {
    metacall.destroy();
  }
});
