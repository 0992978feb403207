// Loaded by host_demo through the node loader: one plain function, one that returns a promise.
'use strict';

function greet_from_js(name) {
  return `hello from Node.js ${process.versions.node}, ${name}`;
}

// Settles after a timer: Node's event loop keeps running between the host's calls.
async function double_later(x) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  return x * 2;
}

module.exports = { greet_from_js, double_later };
