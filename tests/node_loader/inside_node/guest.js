// Loaded through libmetacall's node loader by the test running inside `node`.
'use strict';

module.exports = {
  node_version: () => process.version,
  add: (a, b) => a + b,
  // True when this module runs in the same JavaScript world as the test itself.
  shared_global: () => globalThis.__metacall_inside_node_marker === 'set by the host test',
  // The version a native addon sees (its Node-API imports bound to the Node running this script).
  addon_node_version: () => require(process.env.METACALL_TEST_VERSION_ADDON).nodeVersion(),
};
