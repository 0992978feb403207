// ---- ES modules (appended to bootstrap.js: same scope) ----
// Node 18 cannot require() an ES module, so ES modules go through import(), whose promise the
// native side waits for while the event loop runs (pending_load.h). import() needs a module to
// resolve from: a one-line CommonJS module compiled at the folder in question (an embedding's
// start-up script has no module of its own).

const { pathToFileURL } = builtinRequire('url');

const importers = new Map();
// An import() whose relative and bare specifiers resolve from `folder`, as from a module there.
function importerAt(folder) {
  let importer = importers.get(folder);
  if (importer === undefined) {
    const filename = path.join(folder, '[metacall-import]');
    const module = new Module(filename, null);
    module.filename = filename;
    module.paths = Module._nodeModulePaths(folder);
    module._compile('module.exports = (specifier) => import(specifier);', filename);
    importer = module.exports;
    importers.set(folder, importer);
  }
  return importer;
}

// The "type" of the package.json nearest to `folder` (Node's package scope), or undefined.
function packageType(folder) {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'node_modules') return undefined;
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8')).type;
      } catch {
        return undefined; // Node reports a broken package.json itself when it loads the file
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

// How Node would load `file`: 'esm', 'ts' (typescript.js) or 'cjs'.
function moduleFormat(file) {
  switch (path.extname(file)) {
    case '.mjs':
      return 'esm';
    case '.cjs':
      return 'cjs';
    case '.ts':
    case '.tsx':
    case '.mts':
    case '.cts':
      return 'ts';
    case '.js':
      return packageType(path.dirname(file)) === 'module' ? 'esm' : 'cjs';
    default:
      return 'cjs';
  }
}

// The first module of the static import graph of `file` (itself included, relative imports only)
// that does not parse, as "file:line:column", or undefined. V8 reports an ES module's syntax
// error without its place; Debian's acorn, which libnode needs beside it anyway, finds it.
// `source`: the text of `file` when it is not on disk (source from memory).
function syntaxErrorPlace(file, source = undefined, seen = new Set()) {
  if (seen.has(file) || (source === undefined && !fs.existsSync(file))) return undefined;
  seen.add(file);
  let acorn;
  try {
    acorn = require('/usr/share/nodejs/acorn');
  } catch {
    return undefined;
  }
  if (source === undefined) source = fs.readFileSync(file, 'utf8');
  let tree;
  try {
    tree = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true, locations: true });
  } catch (error) {
    return error.loc ? `${file}:${error.loc.line}:${error.loc.column + 1}` : file;
  }
  for (const node of tree.body) {
    const specifier = node.source && node.source.value;
    if (typeof specifier !== 'string' || !/^(?:\.{1,2}\/|\/|file:)/.test(specifier)) continue;
    const target = specifier.startsWith('file:') ? builtinRequire('url').fileURLToPath(specifier)
      : path.resolve(path.dirname(file), specifier);
    const place = syntaxErrorPlace(target, undefined, seen);
    if (place !== undefined) return place;
  }
  return undefined;
}

// An import of `file` that failed, as an Error that names where: Node's own errors name the
// module that failed (a missing import, an export it does not provide, a throw with its stack);
// a syntax error gets the file, line and column. A copy: Node keeps the error of a module that
// failed and gives it to every later import of it.
function importError(error, file, source = undefined) {
  if (!(error instanceof Error)) return new Error(`loading ${file} threw ${String(error)}`);
  let message = String(error.message);
  const firstLine = String(error.stack).split('\n', 1)[0];
  if (error instanceof SyntaxError && !/^file:|:\d+$/.test(firstLine)) {
    const place = syntaxErrorPlace(file, source);
    if (place !== undefined) message = `${message} at ${place}`;
  }
  if (!message.includes(file)) message = `${message} (loading ${file})`;
  const copy = new Error(message);
  Object.setPrototypeOf(copy, Object.getPrototypeOf(error));
  if (error.code !== undefined) copy.code = error.code;
  const stack = String(error.stack);
  copy.stack = stack.includes(error.message) ? stack.replace(error.message, message) : `${copy.name}: ${message}\n${stack}`;
  return copy;
}

// How many times each ES module file was unloaded (metacall_clear): its next import reads it
// again as a new instance, under a URL with that count as its query. The instances unloaded stay
// in Node's module map (Node 18 cannot evict them); the modules they import are shared.
const esmReloads = new Map();

function importFile(file) {
  const reloads = esmReloads.get(file);
  const url = pathToFileURL(file).href + (reloads ? `?metacall-reload=${reloads}` : '');
  return importerAt(path.dirname(file))(url).catch((error) => {
    throw importError(error, file);
  });
}

// Whether source text given without a file is an ES module: a static import or export at the
// start of a line (import() and require() are in both kinds) in text that does not compile as
// CommonJS (such a line may be inside a string: a port script's Python source in a template).
const esmSyntax =
  /^[ \t]*(?:import[ \t]*(?:[\w$*{]|['"])|export[ \t]+(?:\{|\*|default\b|const\b|let\b|var\b|function\b|async\b|class\b))/m;
function isModuleSource(source) {
  if (!esmSyntax.test(source)) return false;
  try {
    require('vm').compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname']);
    return false;
  } catch {
    return true;
  }
}

// The specifiers of static imports and re-exports: `import x from 'a'`, `import 'a'`,
// `export { x } from 'a'`, `export * from 'a'`.
const staticSpecifier = /^([ \t]*(?:import|export)\b[^'"`;]*?\bfrom[ \t]*|[ \t]*import[ \t]*)(['"])([^'"\n]+)\2/gm;
// Namespaces that in-memory modules import, by id, until they have loaded.
const memoryImports = new Map();
let memoryImportId = 0;

// A module that re-exports `namespace` (for an in-memory module's import of it).
function reexportUrl(namespace) {
  const id = ++memoryImportId;
  memoryImports.set(id, namespace);
  const names = Object.keys(namespace).filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name));
  const source = `const ns = globalThis[Symbol.for('metacall.memoryImports')].get(${id});\n` +
    (names.length > 0 ? `export const { ${names.join(', ')} } = ns;\n` : '') +
    ('default' in namespace ? 'export default ns.default;\n' : '');
  // Quoted into the importing module's source: no quote may stay unescaped.
  return { id, url: `data:text/javascript,${encodeURIComponent(source).replace(/'/g, '%27')}` };
}

// ES module source from memory, as if it were the file `filename`. Its static imports are
// imported first from the file's folder (as Node would resolve them from there; bare ones not
// found there, from the folders of `executionPaths` that have them) and the module
// imports re-exports of them: a data: URL module can resolve neither relative nor bare specifiers.
// Its stack frames name `filename` (sourceURL); its lines are its own.
async function importSource(filename, source, executionPaths = []) {
  globalThis[Symbol.for('metacall.memoryImports')] = memoryImports;
  const importer = importerAt(path.dirname(filename));
  const specifiers = [...new Set([...source.matchAll(staticSpecifier)].map((match) => match[3]))];
  const urls = new Map();
  const ids = [];
  try {
    for (const specifier of specifiers) {
      if (/^(?:node:|data:)/.test(specifier)) continue;
      let namespace;
      try {
        namespace = await importer(specifier);
      } catch (error) {
        // A bare specifier not found from the file's folder: from the execution paths then.
        const folder = error.code === 'ERR_MODULE_NOT_FOUND' && !/^[./]|^file:/.test(specifier)
          ? packageFolder(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'), executionPaths)
          : undefined;
        if (folder === undefined) throw importError(error, filename);
        try {
          namespace = await importerAt(folder)(specifier);
        } catch (again) {
          throw importError(again, filename);
        }
      }
      const { id, url } = reexportUrl(namespace);
      ids.push(id);
      urls.set(specifier, url);
    }
    const rewritten = source.replace(staticSpecifier, (match, before, quote, specifier) =>
      urls.has(specifier) ? `${before}${quote}${urls.get(specifier)}${quote}` : match);
    const text = `${rewritten}\n//# sourceURL=${pathToFileURL(filename).href}\n`;
    const url = `data:text/javascript;base64,${Buffer.from(text).toString('base64')}`;
    try {
      return await importer(url);
    } catch (error) {
      throw importError(error, filename, source);
    }
  } finally {
    for (const id of ids) memoryImports.delete(id);
  }
}
