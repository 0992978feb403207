// What the py port's dict tests pass Python dicts to: JS reads, writes and hands them back.
let kept = null;
module.exports = {
  read: (d, key) => d[key],
  keys: (d) => Object.keys(d),
  json: (d) => JSON.stringify(d),
  write: (d, key, value) => { d[key] = value; return true; },
  echo: (d) => d,
  has: (d, key) => key in d,
  spread: (d) => ({ ...d }),
  is_plain: (d) => Object.getPrototypeOf(d) === Object.prototype,
  keep: (d) => { kept = d; return true; },
  kept_read: (key) => kept[key],
  kinds: (...args) => args.map((d) => (Object.getPrototypeOf(d) === Object.prototype ? 'copy' : 'proxy')),
};
module.exports.byte_sum = (b) => b.reduce((sum, x) => sum + x, 0);
module.exports.write_first = (b) => { b[0] = 255; return b[0]; };
