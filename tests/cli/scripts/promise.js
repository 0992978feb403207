// A plain main that returns a promise: awaited once, not called again.
'use strict';

let calls = 0;

function main() {
  calls += 1;
  return new Promise((resolve) => setTimeout(() => resolve(`main ran ${calls} time(s)`), 20));
}

module.exports = { main };
