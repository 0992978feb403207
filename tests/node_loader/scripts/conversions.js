// Values both ways: each function either reports what JS received or builds a JS value for C.
'use strict';

// What JS received.
function type_of(x) {
  if (x === null) return 'null';
  if (Buffer.isBuffer(x)) return 'Buffer';
  if (Array.isArray(x)) return 'Array';
  return typeof x;
}

function echo(x) {
  return x;
}

function as_text(x) {
  return String(x);
}

function to_json(x) {
  return JSON.stringify(x);
}

function bigint_plus_one(x) {
  return x + 1n;
}

function two_to_62_plus_one() {
  return 2n ** 62n + 1n;
}

function too_big_bigint() {
  return 2n ** 64n;
}

function is_safe_integer(x) {
  return Number.isSafeInteger(x);
}

// Strings: JS's own view of a UTF-8 string from C.
function code_points(s) {
  return Array.from(s).map((c) => c.codePointAt(0).toString(16)).join(' ');
}

function utf16_length(s) {
  return s.length;
}

function make_unicode() {
  return 'h\u00e9llo \u4e16\u754c \u{1F600}';
}

function with_nul() {
  return 'a\u0000b';
}

// Bytes.
function make_buffer() {
  return Buffer.from([1, 2, 3, 255]);
}

function make_uint8array() {
  return new Uint8Array([9, 8, 7]);
}

function make_subarray() {
  return new Uint8Array([0, 1, 2, 3, 4, 5]).subarray(2, 5);
}

function make_float64array() {
  return new Float64Array([1.5, -2.25]);
}

function make_arraybuffer() {
  const bytes = new Uint8Array(4);
  bytes.set([0xde, 0xad, 0xbe, 0xef]);
  return bytes.buffer;
}

function buffer_hex(b) {
  return Buffer.isBuffer(b) ? b.toString('hex') : `not a Buffer: ${typeof b}`;
}

// Containers.
function make_array() {
  return [1, 'two', null, [true]];
}

function make_object() {
  return { x: 1, y: { z: 'w' }, list: [1, 2] };
}

function make_undefined() {
  return undefined;
}

function make_null() {
  return null;
}

function keys_of(o) {
  return Object.keys(o).join(',');
}

module.exports = {
  type_of,
  echo,
  as_text,
  to_json,
  bigint_plus_one,
  two_to_62_plus_one,
  too_big_bigint,
  is_safe_integer,
  code_points,
  utf16_length,
  make_unicode,
  with_nul,
  make_buffer,
  make_uint8array,
  make_subarray,
  make_float64array,
  make_arraybuffer,
  buffer_hex,
  make_array,
  make_object,
  make_undefined,
  make_null,
  keys_of,
};
