'use strict';

module.exports = { scale: (x) => x * 10 };
