function f(x) { return [x, { y: x }]; }
module.exports = { f };
