// Inside `node` (20) with METACALL_RELINK_NODE=isolated: the node loader starts its own Node 18
// from libnode loaded apart (RTLD_DEEPBIND, its imports bound to it), runs a script there, and the
// host's Node 20 keeps working.
//   node isolated_inside_node.js <test addon> <version addon>
'use strict';

const assert = require('assert');
const fs = require('fs');
const path = require('path');

const metacall = require(process.argv[2]);
process.env.METACALL_TEST_VERSION_ADDON = process.argv[3];
assert.strictEqual(require(process.argv[3]).nodeVersion(), process.version); // the host's view
metacall.initialize();
metacall.load('node', path.join(__dirname, 'guest.js'));
const guestVersion = metacall.call('node_version');
assert.match(guestVersion, /^v18\./, `the script ran in ${guestVersion}`);
assert.notStrictEqual(guestVersion, process.version);
assert.strictEqual(metacall.call('add', 2, 3), 5);
assert.strictEqual(metacall.call('shared_global'), false); // another JavaScript world
// An addon a guest script loads is bound to the guest's Node too, not to the host's.
assert.strictEqual(metacall.call('addon_node_version'), guestVersion);
assert.ok(fs.readFileSync('/proc/self/maps', 'utf8').includes('libnode.so.108'));
metacall.destroy();

// The host's Node 20 goes on: timers, promises, its own modules.
setTimeout(() => {
  Promise.resolve(process.version).then((version) => {
    assert.match(version, /^v20\./);
    console.log(`guest ${guestVersion} beside host ${version}: ok`);
  });
}, 10);
