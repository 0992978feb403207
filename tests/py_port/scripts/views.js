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

module.exports = {
  kept_array, push_kept, settings_object, setting, is_kept, make_array, mixed, row,
};
