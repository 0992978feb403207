'use strict';

module.exports = { greeting: 'hello from a sibling' };
