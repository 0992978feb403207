// Calls process.exit while loading.
'use strict';

module.exports = { never_defined: () => 1 };
process.exit(3);
