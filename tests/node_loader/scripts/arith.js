// Plain arithmetic, loaded as a file by name (through the execution path) or by absolute path.
'use strict';

function add(a, b) {
  return a + b;
}

function mul(a, b) {
  return a * b;
}

// The file this module was loaded from (module.filename), for the tests of path resolution.
function loaded_from() {
  return __filename;
}

module.exports = { add, mul, loaded_from };
