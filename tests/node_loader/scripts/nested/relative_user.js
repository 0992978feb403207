// Requires a module beside it: relative requires start from the script's own folder.
'use strict';

const helper = require('./relative_helper');

function greet(name) {
  return `${helper.greeting}, ${name}`;
}

module.exports = { greet };
