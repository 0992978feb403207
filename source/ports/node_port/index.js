// require('metacall'): libmetacall in this Node. Its native half is the node loader's own runtime
// library (libnode_loader_runtime.so), so that the loader works in this very Node (host mode)
// instead of starting a libnode of its own; paths.json, written by CMake next to this file in the
// build tree (or the installed tree), says where that library is.
'use strict';

const Module = require('module');

// The node loader's addon as an environment already opened it: a script of the loader's own
// Node (a C host loaded it) finds it there and reuses the running libmetacall.
const runtimeKey = Symbol.for('metacall.node_loader');

function openRuntime() {
  if (globalThis[runtimeKey] !== undefined)
    return globalThis[runtimeKey];
  let paths;
  try {
    paths = require('./paths.json');
  } catch (error) {
    throw new Error(
      `metacall: ${__dirname} has no paths.json; install the package that CMake prepares in a build ` +
        `tree (npm install <build>/source/ports/node_port) or in an installed tree ` +
        `(<prefix>/lib/node_modules/metacall)`);
  }
  const runtime = { exports: {} };
  process.dlopen(runtime, paths.runtime);
  return runtime.exports;
}

const native = openRuntime();
if (!native.running()) {
  native.host(require); // the loader works in this Node...
  native.start(process.cwd()); // ...once libmetacall starts it here
  // Stopped while this Node still runs: at exit() the loader would find it gone.
  process.on('exit', () => native.stop());
}

// require('./x.py'): the module's functions, through a handle of its own (two modules may both
// define `add`).
if (Module._extensions['.py'] === undefined) {
  Module._extensions['.py'] = (module, filename) => {
    module.exports = native.load_from_file('py', [filename], true);
  };
}

module.exports = {
  // metacall(name, ...args): the result, a Promise for async functions; a throwable is thrown as
  // an Error named after its label (e.g. the Python exception type), with the origin's traceback.
  metacall: native.metacall,
  // Loads files (a path or an array of paths) into the global scope.
  metacall_load_from_file: (tag, paths) => native.load_from_file(tag, paths, false),
  // Loads files into a handle of their own, and returns an object of its functions.
  metacall_load_from_file_export: (tag, paths) => native.load_from_file(tag, paths, true),
  // Loads source code into the global scope.
  metacall_load_from_memory: native.load_from_memory,
  // Everything loaded, as metacall_inspect describes it.
  metacall_inspect: () => JSON.parse(native.inspect()),
};
