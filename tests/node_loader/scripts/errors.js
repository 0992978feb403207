// Errors thrown by JS, as C receives them.
'use strict';

class ValidationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ValidationError';
  }
}

function throw_type_error(message) {
  throw new TypeError(message);
}

function throw_custom(message) {
  throw new ValidationError(message);
}

function throw_string(text) {
  throw text; // eslint-disable-line no-throw-literal
}

function throw_number() {
  throw 42; // eslint-disable-line no-throw-literal
}

function read_property_of_null() {
  const nothing = null;
  return nothing.property;
}

async function reject_custom(message) {
  throw new ValidationError(message);
}

// JS -> C -> JS: the host's error comes back into JS as an exception with the host's label.
function catch_from_host(f) {
  try {
    f();
    return 'no error';
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}

module.exports = {
  throw_type_error,
  throw_custom,
  throw_string,
  throw_number,
  read_property_of_null,
  reject_custom,
  catch_from_host,
};
