// Defines add again (a duplicate of main.js's) and a function of its own.
'use strict';

module.exports = {
  add: (a, b) => a + b,
  only_in_duplicate: (x) => x,
};
