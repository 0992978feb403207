// Run by node with the addon's path: prints, as one JSON line, the addon's relink report and what
// this process knows of itself.
'use strict';
const fs = require('fs');
const report = JSON.parse(require(process.argv[2]).report());
console.log(JSON.stringify({
  report,
  node: process.versions.node,
  v8: process.versions.v8,
  executable: fs.realpathSync(process.execPath),
  libnode_mapped: fs.readFileSync('/proc/self/maps', 'utf8').includes('libnode.so'),
}));
