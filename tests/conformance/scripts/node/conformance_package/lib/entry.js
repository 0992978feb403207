'use strict';

module.exports.from_package = (a, b) => a + b;
