// The entry point package.json names ("main"), not index.js.
'use strict';

const { scale } = require('./util');

function package_area(w, h) {
  return scale(w * h);
}

function package_name() {
  return require('../package.json').name;
}

module.exports = { package_area, package_name };
