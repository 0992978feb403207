// Values thrown and rejected that are no Errors (MetaCall's node tests throw and reject such).
'use strict';

function throw_value(value) {
  throw value; // eslint-disable-line no-throw-literal
}

function reject_value(value) {
  return Promise.reject(value); // eslint-disable-line prefer-promise-reject-errors
}

async function throw_later(value) {
  await null;
  throw value; // eslint-disable-line no-throw-literal
}

function return_error(message) {
  return new RangeError(message);
}

// f() from JS: what it throws, as "caught <typeof>: <value>".
function catch_thrown(f) {
  try {
    f();
    return 'no error';
  } catch (thrown) {
    return `caught ${typeof thrown}: ${thrown instanceof Error ? thrown.message : thrown}`;
  }
}

// Awaits f(): how it rejects, as "rejected <typeof>: <value>".
async function catch_rejected(f) {
  try {
    await f();
    return 'no rejection';
  } catch (reason) {
    return `rejected ${typeof reason}: ${reason instanceof Error ? reason.message : reason}`;
  }
}

// f() from JS: the name, code and message of the Error it throws.
function error_fields(f) {
  try {
    f();
    return 'no error';
  } catch (error) {
    return `${error.name}/${error.code}/${error.message}`;
  }
}

module.exports = {
  throw_value, reject_value, throw_later, return_error, catch_thrown, catch_rejected, error_fields,
};
