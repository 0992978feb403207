// A script whose main throws: the command prints the label, the message and the stack.
'use strict';

function check(value) {
  if (value !== 'ok') {
    throw new TypeError(`expected 'ok', got '${value}'`);
  }
}

function main() {
  check('not ok');
}

module.exports = { main };
