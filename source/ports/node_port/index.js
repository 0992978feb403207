// require('metacall'): libmetacall in this Node. Its native half is the node loader's own runtime
// library (libnode_loader_runtime.so), so that the loader works in this very Node (host mode)
// instead of starting a libnode of its own (runtimeLibrary below says where it is found).
'use strict';

const fs = require('fs');
const Module = require('module');
const path = require('path');

// Where the node loader's runtime library is: paths.json (written by CMake into the package it
// prepares in the build tree or installs), else the repository's default build folder (npm links
// `npm install ./source/ports/node_port`, so this file is still in the repository), else the
// usual install prefixes.
function runtimeLibrary() {
  try {
    return require('./paths.json').runtime;
  } catch (noPathsJson) {
    const file = 'libnode_loader_runtime.so';
    const candidates = [
      path.resolve(__dirname, '../../../build/lib/metacall', file),
      path.join('/usr/local/lib/metacall', file),
      path.join('/usr/lib/metacall', file),
    ];
    const found = candidates.find((candidate) => fs.existsSync(candidate));
    if (found === undefined)
      throw new Error(`metacall: cannot find ${file}: no paths.json next to ${__filename}, and none of ` +
                      `${candidates.join(', ')} exists (build the repository, or install the package ` +
                      `CMake prepares: npm install <build>/source/ports/node_port)`);
    return found;
  }
}

// The node loader's addon as an environment already opened it: a script of the loader's own
// Node (a C host loaded it) finds it there and reuses the running libmetacall.
const runtimeKey = Symbol.for('metacall.node_loader');

function openRuntime() {
  if (globalThis[runtimeKey] !== undefined)
    return globalThis[runtimeKey];
  const runtime = { exports: {} };
  process.dlopen(runtime, runtimeLibrary());
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
  // Loads a package into the global scope: for 'py' a module name (e.g. a standard-library
  // module), for 'node' an npm package folder.
  metacall_load_from_package: (tag, name) => native.load_from_package(tag, name, false),
  // Loads a package into a handle of its own, and returns an object of its functions.
  metacall_load_from_package_export: (tag, name) => native.load_from_package(tag, name, true),
  // Loads source code into the global scope.
  metacall_load_from_memory: native.load_from_memory,
  // Everything loaded, as metacall_inspect describes it.
  metacall_inspect: () => JSON.parse(native.inspect()),
};
