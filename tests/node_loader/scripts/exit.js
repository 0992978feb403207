// process.exit inside a script: it stops the Node environment, never the host process.
'use strict';

function add(a, b) {
  return a + b;
}

function quit(code) {
  process.exit(code);
  return 'still running after process.exit';
}

function quit_later(code, delay_ms) {
  setTimeout(() => process.exit(code), delay_ms);
  return 'scheduled';
}

module.exports = { add, quit, quit_later };
