// The node loader's JavaScript half: how files, source code and packages are loaded, unloaded and
// described, and how classes and objects are described and proxied. esm.js (ES modules) and
// typescript.js (TypeScript) are appended to it, in the same scope. The loader evaluates this
// text as the body of `function (module, builtinRequire)` (a require of Node's built-in modules is
// all an embedding's start-up script has); `module.exports` takes the loader's native object and
// gives back the helpers below.
'use strict';

const Module = builtinRequire('module');
const fs = builtinRequire('fs');
const path = builtinRequire('path');
// A require of files and packages; its cache is Node's one cache (require.cache).
const require = Module.createRequire(path.join(process.cwd(), '[metacall]'));

// The folders a relative name is looked for in: the execution paths, then the working directory.
function searchFolders(executionPaths) {
  return [...executionPaths, process.cwd()];
}

// The absolute path of an existing file or folder `name`, or an Error naming the folders tried.
function locate(name, executionPaths) {
  if (path.isAbsolute(name)) {
    if (fs.existsSync(name)) return path.normalize(name);
    throw new Error(`cannot find '${name}'`);
  }
  const folders = searchFolders(executionPaths);
  for (const folder of folders) {
    const candidate = path.resolve(folder, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot find '${name}' in ${folders.map((f) => `'${f}'`).join(', ')}`);
}

// What a load gives the native side: { exports, files, warnings } (warnings: messages for the
// log, such as TypeScript's type errors), or a promise of it when an ES module is among the files
// (import() is asynchronous: the native side waits for the promise while the event loop runs).
function loaded(exports, files, pending) {
  const finish = () => ({ exports, files, warnings: loadWarnings.splice(0) });
  if (pending.length === 0) return finish();
  return Promise.all(pending).then(finish, (error) => {
    unload(files);
    loadWarnings.length = 0;
    throw error;
  });
}

// Requires (CommonJS, TypeScript) or imports (ES modules) `file`; the exports go to exports[index]
// (later, for an import).
function loadFile(file, exports, pending) {
  const index = exports.length;
  exports.push(undefined);
  const format = moduleFormat(file);
  if (format === 'esm') {
    pending.push(importFile(file).then((namespace) => {
      exports[index] = namespace;
    }));
    return;
  }
  if (format === 'ts') hookTypeScript();
  // A file whose require() is under way (a require hook that hands the file to metacall, a module
  // that loads itself): require() would give its exports as they are now, mostly empty, and the
  // handle would have no functions without a word.
  const loading = require.cache[file];
  if (loading !== undefined && !loading.loaded) {
    throw new Error(`'${file}' is being required right now (the load comes from inside its own ` +
                    'require(), as from a require hook that hands it to metacall): its exports are not ' +
                    'there yet. Load it with metacall before requiring it, or let Node require it');
  }
  exports[index] = require(file);
}

// A name that is no file: MetaCall requires the module of that name ('path', an installed
// package), resolved from the execution paths and the working directory. The error of a name that
// is neither names both tries.
function locateOrResolve(name, executionPaths) {
  let notAFile;
  try {
    return require.resolve(locate(name, executionPaths));
  } catch (error) {
    if (path.isAbsolute(name)) throw error;
    notAFile = error;
  }
  try {
    return require.resolve(name, { paths: searchFolders(executionPaths) });
  } catch (error) {
    if (error.code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(`${notAFile.message}; nor is '${name}' a module require() finds from there`);
  }
}

// A new module: the exports of each file, and the files to forget on unload.
function loadFiles(names, executionPaths) {
  const exports = [];
  const files = [];
  const pending = [];
  loadingExecutionPaths = executionPaths;
  try {
    for (const name of names) {
      const file = locateOrResolve(name, executionPaths);
      files.push(file);
      loadFile(file, exports, pending);
    }
  } catch (error) {
    unload(files); // nothing of a failed load stays: the next load reads the files again
    loadWarnings.length = 0;
    throw error;
  }
  return loaded(exports, files, pending);
}

// `name` becomes the module's file name (its stack frames show it; relative requires and imports
// start from the working directory). ES module source: a name ending in .mjs, or source with a
// static import or export, whose bare imports are also looked for from the execution paths;
// TypeScript: a name ending in .ts, .tsx, .mts or .cts.
function loadSource(name, source, executionPaths = []) {
  loadingExecutionPaths = executionPaths;
  const filename = path.resolve(process.cwd(), name);
  const format = path.extname(filename) === '.cjs' ? 'cjs' : moduleFormat(filename);
  if (format === 'ts') {
    try {
      return loaded([loadTypeScriptSource(filename, source)], [], []);
    } catch (error) {
      loadWarnings.length = 0;
      throw error;
    }
  }
  if (format === 'esm' || (format === 'cjs' && path.extname(filename) !== '.cjs' && isModuleSource(source))) {
    const exports = [undefined];
    return loaded(exports, [], [importSource(filename, source, executionPaths).then((namespace) => {
      exports[0] = namespace;
    })]);
  }
  const module = new Module(filename, null);
  module.filename = filename;
  module.paths = Module._nodeModulePaths(process.cwd());
  module._compile(source, filename);
  return loaded([module.exports], [], []);
}

// The folder above `folder` (itself included) whose node_modules holds the package `name`.
function packageFolder(name, folders) {
  for (const start of folders) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, 'node_modules', name, 'package.json'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}

// A folder with a package.json (or an index.js), or the name of an installed npm package, which
// node_modules resolution finds from the execution paths and the working directory. A package
// that is an ES module (its "type", or exports for import only) is imported by its name from the
// folder whose node_modules has it, so that its "exports" apply as for an import.
function loadPackage(name, executionPaths) {
  loadingExecutionPaths = executionPaths;
  const exports = [];
  const pending = [];
  let file;
  try {
    file = require.resolve(locate(name, executionPaths));
  } catch (notAFolder) {
    const folders = searchFolders(executionPaths);
    let resolved;
    try {
      resolved = require.resolve(name, { paths: folders });
    } catch (error) {
      if (error.code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED' && error.code !== 'MODULE_NOT_FOUND') throw error;
    }
    if (resolved === undefined || moduleFormat(resolved) === 'esm') {
      const folder = packageFolder(name, folders);
      if (folder === undefined) {
        throw new Error(`cannot find the package '${name}' (no such folder, and no node_modules ` +
                        `of ${folders.map((f) => `'${f}'`).join(', ')} has it)`);
      }
      pending.push(importerAt(folder)(name).then((namespace) => {
        exports.push(namespace);
      }, (error) => {
        throw importError(error, path.join(folder, 'node_modules', name));
      }));
      return loaded(exports, [], pending);
    }
    file = resolved;
  }
  loadFile(file, exports, pending);
  return loaded(exports, [file], pending);
}

// Takes the module's files out of require's cache: the next load reads them again. An ES module
// cannot leave Node's module map: the next import of it asks for a new instance (esm.js).
function unload(files) {
  for (const file of files) {
    delete require.cache[file];
    if (moduleFormat(file) === 'esm') esmReloads.set(file, (esmReloads.get(file) || 0) + 1);
  }
}

const functionSource = (fn) => Reflect.apply(Function.prototype.toString, fn, []);

// The names of `fn`'s parameters, read from its source text, and whether the last is a rest
// parameter. Destructured parameters get "argN". Built-in functions (no source) get "argN" for
// each of fn.length.
function parameters(fn) {
  return parametersIn(functionSource(fn), fn.length);
}

// parameters() of the function whose source text starts `source` (`length`: its fn.length).
function parametersIn(source, length) {
  const names = [];
  let rest = false;
  const single = /^(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(source);
  if (single) return { names: [single[1]], rest };
  const open = source.indexOf('(');
  if (open < 0 || /\{\s*\[native code\]\s*\}$/.test(source)) {
    for (let i = 0; i < length; i++) names.push(`arg${i}`);
    return { names, rest };
  }
  // Split the text between the parentheses at top-level commas, skipping strings, template
  // literals, comments and nested brackets (default values may hold any expression).
  const pieces = [];
  let depth = 0;
  let piece = '';
  for (let i = open + 1; i < source.length; i++) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '/') {
      i = source.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      i = source.indexOf('*/', i + 2) + 1;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      piece += source.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    }
    if (c === ',' && depth === 0) {
      pieces.push(piece);
      piece = '';
      continue;
    }
    piece += c;
  }
  if (piece.trim() !== '') pieces.push(piece);
  pieces.forEach((text, index) => {
    let name = text.trim().split('=')[0].trim();
    if (name.startsWith('...')) {
      rest = true;
      name = name.slice(3).trim();
    }
    names.push(/^[A-Za-z_$][\w$]*$/.test(name) ? name : `arg${index}`);
  });
  return { names, rest };
}

function isAsync(fn) {
  return fn.constructor && fn.constructor.name === 'AsyncFunction';
}

// What a module exports: [{ name, fn, params, rest, async }] for each function (the loader tells
// classes among them apart) and [{ name, value }] for each object (the loader keeps the instances
// of classes, and leaves plain data). A module that exports one function (module.exports =
// function name() {}, or a class) contributes it under its own name.
function describe(exportsList) {
  const entries = [];
  let declared;
  const add = (name, fn) => {
    const { names, rest } = parameters(fn);
    const entry = { name, fn, params: rest ? names.slice(0, -1) : names, rest, async: isAsync(fn) };
    // A TypeScript module's functions: the declared types (paramTypes: an id or null each).
    const signature = declared !== undefined ? declared[name] : undefined;
    if (signature !== undefined && signature.params.length >= entry.params.length) {
      entry.paramTypes = signature.params.slice(0, entry.params.length);
      entry.returnType = signature.ret;
      entry.async = entry.async || signature.async;
    }
    entries.push(entry);
  };
  for (const exports of exportsList) {
    declared = exports !== null && (typeof exports === 'object' || typeof exports === 'function')
      ? declaredSignatures.get(exports) : undefined;
    if (typeof exports === 'function') {
      add(exports.name || 'default', exports);
      for (const key of Object.keys(exports)) {
        if (typeof exports[key] === 'function') add(key, exports[key]);
      }
    } else if (exports !== null && typeof exports === 'object') {
      for (const key of Object.keys(exports)) {
        const value = exports[key];
        if (typeof value === 'function') add(key, value);
        else if (value !== null && typeof value === 'object') entries.push({ name: key, value });
      }
    }
  }
  return entries;
}

// ---- Classes and objects ----

// Whether `fn` is an ES class. The loader asks only about functions whose prototype has no
// property but `constructor` (a prototype with methods makes any function a class).
function isClassSource(fn) {
  return /^class\b/.test(functionSource(fn));
}

const staticSkipped = new Set(['length', 'name', 'prototype', 'caller', 'arguments']);

// What scripts of other languages can use of `target` (an object or a class), in this order: its
// own enumerable keys, then the methods and accessors of its prototype chain up to Object.prototype
// (for a class: its static methods, up to Function.prototype), without "constructor".
function objectKeys(target) {
  const isClass = typeof target === 'function';
  const keys = Object.keys(target);
  const seen = new Set(keys);
  const end = isClass ? Function.prototype : Object.prototype;
  for (let holder = isClass ? target : Object.getPrototypeOf(target); holder !== null && holder !== end;
    holder = Object.getPrototypeOf(holder)) {
    for (const name of Object.getOwnPropertyNames(holder)) {
      if (seen.has(name) || name === 'constructor' || (isClass && staticSkipped.has(name))) continue;
      const descriptor = Object.getOwnPropertyDescriptor(holder, name);
      if (!isClass && typeof descriptor.value !== 'function' && descriptor.get === undefined) continue;
      seen.add(name);
      keys.push(name);
    }
  }
  return keys;
}

// The constructor's parameter names of the class `cls`: read from `constructor(...)` in an ES
// class's text (or its base class's, when it has none), from the function of a constructor
// function.
function constructorParameters(cls) {
  const source = functionSource(cls);
  if (!/^class\b/.test(source)) return parameters(cls).names;
  const found = /\bconstructor\s*\(/.exec(source);
  if (found) return parametersIn(source.slice(found.index), cls.length).names;
  const base = Object.getPrototypeOf(cls);
  return typeof base === 'function' && base !== Function.prototype ? constructorParameters(base) : [];
}

// What metacall_inspect shows of the class `cls` (metacall_object.h, `describe`).
function describeClass(cls) {
  const methods = Object.create(null);
  for (let proto = cls.prototype; proto !== null && typeof proto === 'object' && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const { value } = Object.getOwnPropertyDescriptor(proto, name);
      if (name !== 'constructor' && !(name in methods) && typeof value === 'function') {
        methods[name] = parameters(value).names;
      }
    }
  }
  const staticMethods = Object.create(null);
  const staticAttributes = [];
  for (const name of objectKeys(cls)) {
    const { value } = Object.getOwnPropertyDescriptor(cls, name) || { value: cls[name] };
    if (typeof value === 'function') staticMethods[name] = parameters(value).names;
    else staticAttributes.push(name);
  }
  // The attributes its constructor sets (this.name = ...), as far as its text tells.
  const attributes = [...new Set([...functionSource(cls).matchAll(/\bthis\.([A-Za-z_$][\w$]*)\s*=[^=]/g)]
    .map((match) => match[1]))];
  return {
    constructor: constructorParameters(cls),
    methods,
    static_methods: staticMethods,
    attributes,
    static_attributes: staticAttributes,
  };
}

// For metacallv_object: a function that calls the method `key` of `this` with its arguments, or
// throws notCallable when this[key] is no function (thrown, so that a call that works checks
// nothing more). The loader keeps one per method name (method_callers.h): the lookup happens
// here, where V8's inline caches make it cheap.
const notCallable = Object.freeze(Object.create(null));
function methodCaller(key) {
  return function (...args) {
    const method = this[key];
    if (typeof method !== 'function') throw notCallable;
    return Reflect.apply(method, this, args);
  };
}

// Another language's classes and objects (and the host's) as JS proxies. The loader wraps each
// proxy's target with the value it stands for; the traps hand the target to the native side,
// which finds the value there. Symbols (Symbol.toPrimitive, util.inspect.custom, ...) and "then"
// never reach the other side: a proxy must not look like a thenable.
function proxyFactory(native) {
  // util.inspect shows a proxy's target, never running its traps; it calls this (this = the
  // proxy) to show the attributes instead.
  const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
  function inspectObject(depth, options, inspect) {
    const name = this[Symbol.toStringTag];
    if (depth < 0) return `[${name}]`;
    const shown = {};
    try {
      for (const key of Object.keys(this)) {
        const value = this[key];
        if (typeof value !== 'function') shown[key] = value;
      }
    } catch (error) {
      return `[${name}: ${error.message}]`;
    }
    return `${name} ${inspect(shown, { ...options, depth: options.depth === null ? null : options.depth - 1 })}`;
  }
  function inspectClass() {
    return `[class ${this.name}]`;
  }
  // What the proxies of objects inherit: Object.prototype's methods, through a prototype of their
  // own, which tells them from plain objects at a glance.
  const foreignPrototype = Object.create(Object.prototype, {
    [inspectCustom]: { value: inspectObject, configurable: true },
  });
  const local = (key) => typeof key === 'symbol' || key === 'then';
  // Where a target keeps the native handle of its class or object (its address, a number): a
  // symbol no script can name, read by the traps in one property load.
  const handle = Symbol('metacall handle');
  const objectHandler = {
    get(target, key) {
      if (local(key)) return Reflect.get(target, key);
      const value = native.objectGet(target[handle], key);
      return value !== undefined ? value : Reflect.get(target, key); // undefined: it has no such attribute
    },
    set(target, key, value) {
      if (local(key)) return Reflect.set(target, key, value);
      native.objectSet(target[handle], key, value); // throws when refused
      return true;
    },
    has(target, key) {
      return (!local(key) && native.objectKeys(target[handle]).includes(key)) || Reflect.has(target, key);
    },
    ownKeys(target) {
      return [...new Set(native.objectKeys(target[handle]))];
    },
    getOwnPropertyDescriptor(target, key) {
      if (local(key)) return Reflect.getOwnPropertyDescriptor(target, key);
      const value = native.objectGet(target[handle], key);
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
    defineProperty(target, key, descriptor) {
      if (local(key) || !('value' in descriptor) || descriptor.configurable === false) return false;
      native.objectSet(target[handle], key, descriptor.value);
      return true;
    },
    deleteProperty() {
      return false;
    },
    setPrototypeOf() {
      return false;
    },
    preventExtensions() {
      return false;
    },
  };
  const classHandler = {
    ...objectHandler,
    apply(target) {
      throw new TypeError(`Class constructor ${target.name} cannot be invoked without 'new'`);
    },
    construct(target, args) {
      return native.classNew(target[handle], args);
    },
  };
  // [proxy, target] for a class (`isClass`) or an object of the class `className`, whose traps
  // reach it through `native` with `nativeHandle`.
  return (isClass, className, nativeHandle) => {
    const name = className || (isClass ? 'Class' : 'Object');
    let target;
    if (isClass) {
      // A bound function: a constructor without own `prototype`, so that the traps may report
      // any keys (a proxy must report every non-configurable property of its target).
      target = function () {}.bind(null);
      Object.defineProperty(target, 'name', { value: name, configurable: true });
      Object.defineProperty(target, inspectCustom, { value: inspectClass, configurable: true });
    } else {
      target = Object.create(foreignPrototype);
    }
    Object.defineProperty(target, Symbol.toStringTag, { value: name, configurable: true });
    Object.defineProperty(target, handle, { value: nativeHandle, configurable: true });
    return [new Proxy(target, isClass ? classHandler : objectHandler), target];
  };
}

// metacall_destroy's drain: what keeps the event loop alive, as Node counts it (timers, sockets,
// servers, file requests, child processes, workers that are ref'd), except the standard streams,
// which stay for good once used. The loader's own wake-up is no handle of Node's: not counted.
function activeWork() {
  const stdio = process._getActiveHandles().filter((handle) => handle._isStdio).length;
  return process.getActiveResourcesInfo().length - stdio;
}

// The leading numbers of `array` as a Float64Array: all of them for an array of numbers, else
// those before its first element that is no number (or a hole). One call instead of one per
// element: the loader converts the rest one by one, so each element is read once.
function numbersOf(array) {
  const { length } = array;
  const numbers = new Float64Array(length);
  for (let i = 0; i < length; i += 1) {
    const item = array[i];
    if (typeof item !== 'number') return numbers.subarray(0, i);
    numbers[i] = item;
  }
  return numbers;
}

// The entries of the Map `map` as one flat array, [key, value, key, value, ...]: one call for the
// whole Map, through Map.prototype.forEach as it was at start (whatever `map` itself says).
const mapForEach = Map.prototype.forEach;
function mapEntries(map) {
  const flat = [];
  Reflect.apply(mapForEach, map, [(value, key) => { flat[flat.length] = key; flat[flat.length] = value; }]);
  return flat;
}

// Node's own record of what waits for the end of a callback, [hasTickScheduled, hasRejectionToWarn]
// (its task_queue binding's tickInfo), which the loader reads after each call so as to run Node's
// tick processing only when something waits (environment.h, EnvScope). Reached through the
// built-in loader's require, which a start-up script of an embedder gets; null elsewhere (inside
// `node`, where require is a module's) or when this Node keeps it otherwise.
function nodeTickInfo() {
  for (const loader of ['internal/bootstrap/realm', 'internal/bootstrap/loaders']) { // Node 18.19+, before
    try {
      const { internalBinding } = builtinRequire(loader);
      const { tickInfo } = internalBinding('task_queue');
      return tickInfo instanceof Uint8Array && tickInfo.length >= 2 ? tickInfo : null;
    } catch {
      // not this Node's loader
    }
  }
  return null;
}

// The outcome of `promise` goes to native.settle(token, fulfilled, value).
function settle(promise, token, native) {
  promise.then((value) => native.settle(token, true, value), (error) => native.settle(token, false, error));
}

module.exports = (native) => ({
  loadFiles,
  // For the native side's wait on an ES module's load: the outcome goes to callback(ok, value).
  afterLoad: (promise, callback) => {
    promise.then((value) => callback(true, value), (error) => callback(false, error));
  },
  loadSource,
  loadPackage,
  unload,
  describe,
  parameters,
  isClassSource,
  objectKeys,
  describeClass,
  methodCaller,
  notCallable,
  bind: (fn, self) => Reflect.apply(Function.prototype.bind, fn, [self]),
  foreignProxy: proxyFactory(native),
  settle: (promise, token) => settle(promise, token, native),
  activeWork,
  numbersOf,
  mapEntries,
  tickInfo: nodeTickInfo(),
});
