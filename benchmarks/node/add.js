// The function the node benchmarks call: C -> JS add(a, b).
'use strict';

function add(a, b) {
  return a + b;
}

module.exports = { add };
