// The node loader's JavaScript half: how files, source code and packages are loaded, unloaded and
// described. The loader evaluates this text as the body of `function (module, builtinRequire)`
// (a require of Node's built-in modules is all an embedding's start-up script has);
// `module.exports` takes the loader's native object and gives back the helpers below.
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

// A new module: the exports of each file, and the files to forget on unload.
function loadFiles(names, executionPaths) {
  const exports = [];
  const files = [];
  try {
    for (const name of names) {
      const file = require.resolve(locate(name, executionPaths));
      files.push(file);
      exports.push(require(file));
    }
  } catch (error) {
    unload(files); // nothing of a failed load stays: the next load reads the files again
    throw error;
  }
  return { exports, files };
}

// `name` becomes the module's file name (its stack frames show it; relative requires start from
// the working directory).
function loadSource(name, source) {
  const filename = path.resolve(process.cwd(), name);
  const module = new Module(filename, null);
  module.filename = filename;
  module.paths = Module._nodeModulePaths(process.cwd());
  module._compile(source, filename);
  return { exports: [module.exports], files: [] };
}

// A folder with a package.json (or an index.js), or the name of an installed npm package, which
// node_modules resolution finds from the execution paths and the working directory.
function loadPackage(name, executionPaths) {
  let file;
  try {
    file = require.resolve(locate(name, executionPaths));
  } catch (notAFolder) {
    try {
      file = require.resolve(name, { paths: searchFolders(executionPaths) });
    } catch (notAPackage) {
      throw new Error(`cannot find the package '${name}' (no such folder, and no node_modules ` +
                      `of ${searchFolders(executionPaths).map((f) => `'${f}'`).join(', ')} has it)`);
    }
  }
  return { exports: [require(file)], files: [file] };
}

// Takes the module's files out of require's cache: the next load reads them again.
function unload(files) {
  for (const file of files) delete require.cache[file];
}

// The names of `fn`'s parameters, read from its source text, and whether the last is a rest
// parameter. Destructured parameters get "argN". Built-in functions (no source) get "argN" for
// each of fn.length.
function parameters(fn) {
  const source = Function.prototype.toString.call(fn);
  const names = [];
  let rest = false;
  const single = /^(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(source);
  if (single) return { names: [single[1]], rest };
  const open = source.indexOf('(');
  if (open < 0 || /\{\s*\[native code\]\s*\}$/.test(source)) {
    for (let i = 0; i < fn.length; i++) names.push(`arg${i}`);
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

// Every function a module exports: [{ name, fn, params, rest, async }]. A module that exports
// one function (module.exports = function name() {}) contributes it under its own name.
function describe(exportsList) {
  const functions = [];
  const add = (name, fn) => {
    const { names, rest } = parameters(fn);
    functions.push({ name, fn, params: rest ? names.slice(0, -1) : names, rest, async: isAsync(fn) });
  };
  for (const exports of exportsList) {
    if (typeof exports === 'function') {
      add(exports.name || 'default', exports);
      for (const key of Object.keys(exports)) {
        if (typeof exports[key] === 'function') add(key, exports[key]);
      }
    } else if (exports !== null && typeof exports === 'object') {
      for (const key of Object.keys(exports)) {
        if (typeof exports[key] === 'function') add(key, exports[key]);
      }
    }
  }
  return functions;
}

// The outcome of `promise` goes to native.settle(token, fulfilled, value).
function settle(promise, token, native) {
  promise.then((value) => native.settle(token, true, value), (error) => native.settle(token, false, error));
}

module.exports = (native) => ({
  loadFiles,
  loadSource,
  loadPackage,
  unload,
  describe,
  parameters,
  settle: (promise, token) => settle(promise, token, native),
});
