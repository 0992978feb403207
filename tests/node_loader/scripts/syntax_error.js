// Not JavaScript: the load fails with a SyntaxError naming this file.
'use strict';

function broken(a, b {
  return a + b;
}

module.exports = { broken };
