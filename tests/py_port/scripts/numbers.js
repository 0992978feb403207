// What JS sees of the numbers Python passes (docs/NUMBERS.md), and numbers for Python.
module.exports = {
  describe: (x) => [typeof x, String(x), Object.is(x, -0)],
  power_of_two: (bits) => 2 ** bits,
  big_power_of_two: (bits) => 2n ** BigInt(bits),
  echo: (x) => x,
};
