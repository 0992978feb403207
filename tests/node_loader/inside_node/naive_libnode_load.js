// MetaCall issue #493, the naive way: a Node 20 process dlopens Debian's libnode.so.108 (Node 18).
// Its static constructors bind to the running Node's symbols and crash: the test asserts the death.
//   node naive_libnode_load.js <libnode.so.108 path>
'use strict';

process.dlopen({ exports: {} }, process.argv[2]);
console.log('libnode.so.108 loaded into node without crashing');
