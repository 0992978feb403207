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

// ---- require() of other languages' modules, as MetaCall's port offers them ----

// File extension -> loader tag (MetaCall's table). A tag whose loader is not built fails the
// require with the reason. Not .ts/.tsx (MetaCall's ts loader): the node loader compiles
// TypeScript, but cannot load it inside a require() on Node's own thread.
const fileTags = {
  py: 'py', c: 'c', mock: 'mock', rb: 'rb', cs: 'cs', vb: 'cs', cob: 'cob', cbl: 'cob', cpy: 'cob',
  wat: 'wasm', rs: 'rs',
};
// Package extension -> loader tag (loaded with metacall_load_from_package).
const packageTags = { dll: 'cs', wasm: 'wasm', rlib: 'rs' };
// Tags of require('tag:name'): every tag above but node (require('node:fs') is Node's own).
const prefixTags = new Set([...Object.values(fileTags), ...Object.values(packageTags)].filter((t) => t !== 'node'));

// A file Node finds (relative to the requiring module, or in node_modules) is loaded through
// Module._extensions, so it is cached in require.cache like any module; the extension is
// registered at its first require (an extensionless require('./x') also finds x.py, as before).
function registerExtension(extension, tag) {
  if (Module._extensions[extension] === undefined) {
    Module._extensions[extension] = (module, filename) => {
      module.exports = native.load_from_file(tag, [filename], true);
    };
  }
}
registerExtension('.py', 'py');

// Names no file of Node's resolution matches go to the loader as they are: it looks in its
// execution paths (require('helloworld.py'), require('py:os.path')). Loaded once per name.
const byName = new Map();
function loadOnce(key, load) {
  if (!byName.has(key))
    byName.set(key, load());
  return byName.get(key);
}

// A module or package name of loader `tag`: a package first (py: a module name; node: an npm
// package), else a file the loader finds.
function loadName(tag, name) {
  try {
    return native.load_from_package(tag, name, true);
  } catch (asPackage) {
    try {
      return native.load_from_file(tag, [name], true);
    } catch (asFile) {
      throw new Error(`metacall: cannot load '${name}' with the ${tag} loader: as a package: ` +
                      `${asPackage.message}; as a file: ${asFile.message}`);
    }
  }
}

function notFound(error, id) {
  return error !== null && typeof error === 'object' && error.code === 'MODULE_NOT_FOUND' &&
         String(error.message).includes(`'${id}'`);
}

const nodeRequire = Module.prototype.require;
Module.prototype.require = function require(id) {
  if (typeof id !== 'string')
    return nodeRequire.apply(this, arguments);
  if (id === 'metacall') // this port, from any module of the process
    return module.exports;
  const extension = path.extname(id).slice(1);
  const fileTag = fileTags[extension];
  if (fileTag !== undefined) {
    registerExtension(`.${extension}`, fileTag);
    try {
      return nodeRequire.apply(this, arguments);
    } catch (error) {
      if (!notFound(error, id))
        throw error;
    }
    return loadOnce(`file\0${fileTag}\0${id}`, () => native.load_from_file(fileTag, [id], true));
  }
  const packageTag = packageTags[extension];
  if (packageTag !== undefined) {
    let resolved = id;
    try {
      resolved = Module._resolveFilename(id, this);
    } catch (error) {
      if (!notFound(error, id))
        throw error;
    }
    return loadOnce(`package\0${packageTag}\0${resolved}`,
                    () => native.load_from_package(packageTag, resolved, true));
  }
  const colon = id.indexOf(':');
  if (colon > 0 && colon < id.length - 1 && prefixTags.has(id.slice(0, colon))) { // require('py:html')
    const tag = id.slice(0, colon), name = id.slice(colon + 1);
    return loadOnce(`name\0${tag}\0${name}`, () => loadName(tag, name));
  }
  return nodeRequire.apply(this, arguments);
};

// ---- The API: MetaCall's node port's names, argument and return shapes ----

// Everything loaded, as metacall_inspect describes it (parsed JSON, keyed by tag).
function metacall_inspect() {
  const json = JSON.parse(native.inspect());
  delete json.__metacall_host__; // MetaCall's port hides its host entry; none here, kept for parity
  return json;
}

module.exports = {
  // metacall(name, ...args): the result, a Promise for async functions; a throwable is thrown as
  // an Error named after its label (e.g. the Python exception type), with the origin's traceback.
  metacall: native.metacall,
  // metacallfms(name, json): calls `name` with its arguments by parameter name, from the JSON
  // text of an object ('{"left": 2, "right": 3}').
  metacallfms: native.metacallfms,
  // metacall_await(name, ...args): a Promise of the result, for async and plain functions alike;
  // rejected with the Error metacall() would throw.
  metacall_await: (name, ...args) => {
    try {
      return Promise.resolve(native.metacall(name, ...args));
    } catch (error) {
      return Promise.reject(error);
    }
  },
  // Adds a folder where loader `tag` looks for relative paths and names.
  metacall_execution_path: native.execution_path,
  // Loads files (a path or an array of paths) into the global scope; undefined, or throws.
  metacall_load_from_file: (tag, paths) => native.load_from_file(tag, paths, false),
  // Loads files into a handle of their own, and returns an object of its functions.
  metacall_load_from_file_export: (tag, paths) => native.load_from_file(tag, paths, true),
  // Loads source code into the global scope.
  metacall_load_from_memory: (tag, code) => native.load_from_memory(tag, code, false),
  // Loads source code into a handle of its own, and returns an object of its functions.
  metacall_load_from_memory_export: (tag, code) => native.load_from_memory(tag, code, true),
  // Loads a package into the global scope: for 'py' a module name (e.g. a standard-library
  // module), for 'node' an npm package name or folder.
  metacall_load_from_package: (tag, name) => native.load_from_package(tag, name, false),
  // Loads a package into a handle of its own, and returns an object of its functions.
  metacall_load_from_package_export: (tag, name) => native.load_from_package(tag, name, true),
  // As metacall_load_from_package_export, with loader options (an object). No loader of
  // libmetacall takes options yet: anything but {} is refused with the reason.
  metacall_load_from_package_ex: (tag, name, options) => {
    if (typeof options !== 'object' || options === null)
      throw new TypeError('metacall: metacall_load_from_package_ex: options must be an object');
    return native.load_from_package_ex(tag, name, options);
  },
  // Loads the scripts a MetaCall configuration file (metacall.json) lists into the global scope.
  metacall_load_from_configuration: (file) => native.load_from_configuration(file, false),
  // The same into a handle of its own, and returns an object of its functions.
  metacall_load_from_configuration_export: (file) => native.load_from_configuration(file, true),
  metacall_inspect,
  // The metacall_inspect entry of the handle `name` of loader `tag` (its name, scope and
  // functions); as in MetaCall's port, null when nothing of `tag` is loaded and undefined when no
  // handle has that name.
  metacall_handle: (tag, name) => {
    const handles = metacall_inspect()[tag];
    if (handles === undefined)
      return null;
    return handles.find((handle) => handle.name === name);
  },
  // The library's log lines go to stdout from now on (METACALL_LOG sets the level).
  metacall_logs: () => {
    native.logs();
  },
};
