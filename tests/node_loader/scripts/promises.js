// Promises <-> futures. Every delay is a setTimeout: the event loop must run for them to settle.
'use strict';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function resolve_later(value, delay_ms) {
  await sleep(delay_ms);
  return value;
}

async function reject_later(message, delay_ms) {
  await sleep(delay_ms);
  throw new RangeError(message);
}

// Not async: returns a promise.
function promise_later(value, delay_ms) {
  return new Promise((resolve) => setTimeout(() => resolve(value), delay_ms));
}

function rejected_promise_later(message, delay_ms) {
  return new Promise((resolve, reject) => setTimeout(() => reject(new TypeError(message)), delay_ms));
}

// Awaits the promise a host function returns.
async function await_host(get_promise) {
  const value = await get_promise();
  return value * 2;
}

async function await_host_catching(get_promise) {
  try {
    return `resolved with ${await get_promise()}`;
  } catch (error) {
    return `caught ${error.name}: ${error.message}`;
  }
}

// Awaits a promise passed as an argument.
async function await_argument(promise) {
  return (await promise) + 1;
}

function is_promise(x) {
  return x instanceof Promise;
}

module.exports = {
  resolve_later,
  reject_later,
  promise_later,
  rejected_promise_later,
  await_host,
  await_host_catching,
  await_argument,
  is_promise,
};
