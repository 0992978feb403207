// module.exports is itself a function: it is discovered under its own name, with the functions
// attached to it.
'use strict';

module.exports = function multiply(a, b) {
  return a * b;
};

module.exports.attached = (x) => -x;
