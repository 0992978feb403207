// Fails to load: a syntax error.
'use strict';

function broken( {
