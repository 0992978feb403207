// Arrays and plain objects that the py port's view tests read where they live.
const kept = [1, 2, 3];
const settings = { name: 'metacall', nested: { list: [1, [2, 3]], flag: true }, n: null };

function kept_array() { return kept; }
function push_kept(x) { kept.push(x); return kept.length; }
function settings_object() { return settings; }
function setting(key) { return settings[key]; }
function is_kept(x) { return x === kept; }
function make_array(n) { return Array.from({ length: n }, (_, i) => i); }
function mixed() { return [1, 2.5, 'three', null, [4], { five: 5 }, 2 ** 53 - 1, 2 ** 53]; }
class Row extends Array {}
function row() { return Row.from([1, 2]); }

// A Map with keys of several types, and values that are views themselves.
const kept_map = new Map([['a', 1], [2, 'two'], ['none', undefined], ['list', [1, 2]]]);
function map() { return kept_map; }
function map_get(key) { return kept_map.get(key); }

// Bytes: a kept Buffer, a 2-D Float64Array, and a big buffer that JS then detaches.
const kept_bytes = Buffer.from('hello');
let detachable = null;
function kept_buffer() { return kept_bytes; }
function kept_byte(i) { return kept_bytes[i]; }
function matrix() { const m = new Float64Array([1, 2, 3, 4, 5, 6]); m.shape = [2, 3]; return m; }
function slice_of_buffer() { return new Uint16Array(new ArrayBuffer(16), 4, 2).fill(513); }
function array_buffer() { return new Uint8Array([9, 8, 7]).buffer; }
function data_view() { return new DataView(new Uint8Array([1, 2, 3, 4]).buffer, 1, 2); }
function detachable_bytes(n) { detachable = new Uint8Array(n).fill(7); return detachable; }
function detach() {
  structuredClone(detachable.buffer, { transfer: [detachable.buffer] }); // the copy is dropped
  detachable = null;
  return true;
}

module.exports = {
  kept_array, push_kept, settings_object, setting, is_kept, make_array, mixed, row,
  map, map_get, kept_buffer, kept_byte, matrix, slice_of_buffer, array_buffer, data_view, detachable_bytes, detach,
};
