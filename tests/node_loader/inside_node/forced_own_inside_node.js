// Inside `node` with METACALL_RELINK_NODE=own: a second Node beside the running one is refused
// with a message naming the running one and the isolated mode, instead of crashing like #493.
//   node forced_own_inside_node.js <test addon>
'use strict';

const assert = require('assert');
const path = require('path');

const metacall = require(process.argv[2]);
metacall.initialize();
assert.throws(() => metacall.load('node', path.join(__dirname, 'guest.js')),
              (error) => /already runs node .* in .*node/.test(error.message) && /METACALL_RELINK_NODE=isolated/.test(error.message));
metacall.destroy();
console.log('refused as expected');
