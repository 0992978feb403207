// Defines a function, then throws while loading: nothing of it may stay defined.
'use strict';

function defined_before_throw() {
  return 1;
}
module.exports = { defined_before_throw };

throw new RangeError('throws_at_load refuses to load');
