// The server's JavaScript plugin (run by the scripting plugin through libmetacall, on Node.js
// running on the server's own V8). It uses an npm package, timers, promises and WebAssembly, and
// talks back to the server through the player objects it is given (host objects of the server:
// their properties read the server's state, send(text) reaches it) and the host function
// broadcast(text).
'use strict';

const semver = require('semver');
const { metacall } = require('metacall');

const MINIMUM_CLIENT = '1.2.0';
const chats = new Map();

function runtime() {
  return `${process.version} v8 ${process.versions.v8}`;
}

// A player joined: checks the client's version (semver), and greets the player a little later from
// a timer, through the player object (kept by the timer; the server keeps it alive meanwhile).
function playerJoined(player) {
  const { name, clientVersion } = player;
  const current = semver.gte(clientVersion, MINIMUM_CLIENT);
  setTimeout(() => {
    player.send(current ? `welcome, ${name}!`
      : `${name}, your client ${clientVersion} is older than ${MINIMUM_CLIENT}: please update`);
  }, 5);
  return current ? `${name} has a current client (${clientVersion})` : `${name} must update (${clientVersion})`;
}

// What a player object shows a script: the properties and methods the server lists.
function describePlayer(player) {
  return `${player.name}: ${Object.keys(player).join(', ')}`;
}

// A message for everyone, through the host function the plugin registered.
function announce(text) {
  metacall('broadcast', text);
}

function chatCount(player, message) {
  chats.set(player, (chats.get(player) || 0) + 1);
  return `${player} said "${message}" (${chats.get(player)} message(s))`;
}

// A promise that settles on a timer, awaited by the plugin.
async function tick(number) {
  const started = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 1));
  return `tick ${number} done in ${Date.now() - started} ms`;
}

// A module compiled asynchronously by V8 (its background threads, then a task on Node's isolate).
// (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
const ADD_WASM = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01,
  0x7f, 0x03, 0x02, 0x01, 0x00, 0x07, 0x07, 0x01, 0x03, 0x61, 0x64, 0x64, 0x00, 0x00, 0x0a, 0x09,
  0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b,
]);

async function wasmAdd(a, b) {
  const module = await WebAssembly.compile(ADD_WASM);
  const instance = await WebAssembly.instantiate(module);
  return instance.exports.add(a, b);
}

module.exports = { runtime, playerJoined, describePlayer, announce, chatCount, tick, wasmAdd };
