// A script with an async main: the command awaits it and prints what it resolves with.
'use strict';

async function main(argv) {
  await new Promise((resolve) => setTimeout(resolve, 10));
  return { args: argv, count: argv.length };
}

module.exports = { main };
