// What benchmarks/ports/python_bytes_to_js.py passes Python bytes to.
'use strict';
module.exports = { length: (b) => b.length };
