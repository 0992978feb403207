// Loaded by the node loader in a C host (own mode): require('metacall') reuses that libmetacall.
'use strict';

const { metacall } = require('metacall');

module.exports = {
  greet_through_host: (name) => metacall('host_greet', name),
  call_by_name: (name) => metacall(name),
  port_reuses_loader: () => globalThis[Symbol.for('metacall.node_loader')] !== undefined,
};
