// ---- TypeScript (appended to bootstrap.js: same scope) ----
// .ts, .tsx, .mts and .cts files are transpiled in-process by TypeScript's own compiler into
// CommonJS with a source map, and required like JavaScript: a require.extensions hook,
// so that a TypeScript file's imports of other TypeScript files go through it too. The output, the
// exported functions' declared types and the type errors are cached on disk under a hash of the
// source, the file name, the compiler's version and these options, so that a second load does not
// load the compiler at all.

const compilerOptionsVersion = 2; // bump when the options below change: older cache entries go stale

// Where `typescript` comes from: METACALL_TYPESCRIPT (its folder), else the one node_modules
// resolution finds from the execution paths and the working directory, else Debian's
// node-typescript. Looked for once per process.
let typescriptPath;
function findTypeScript() {
  if (typescriptPath !== undefined) return typescriptPath;
  const candidates = [];
  if (process.env.METACALL_TYPESCRIPT) candidates.push(() => require.resolve(path.resolve(process.env.METACALL_TYPESCRIPT)));
  candidates.push(() => require.resolve('typescript', { paths: searchFolders(loadingExecutionPaths) }));
  candidates.push(() => require.resolve('/usr/share/nodejs/typescript'));
  for (const candidate of candidates) {
    try {
      typescriptPath = candidate();
      return typescriptPath;
    } catch {
      // the next one
    }
  }
  throw new Error('cannot load TypeScript: no `typescript` package (set METACALL_TYPESCRIPT to its folder, ' +
                  'install it with npm in an execution path or the working directory, or install Debian\'s ' +
                  'node-typescript)');
}

let typescriptVersion;
function compilerVersion() {
  if (typescriptVersion === undefined) {
    let dir = path.dirname(findTypeScript());
    while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    typescriptVersion = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  }
  return typescriptVersion;
}

let ts;
function typescript() {
  if (ts === undefined) ts = require(findTypeScript());
  return ts;
}

// The folder of the disk cache: METACALL_NODE_TS_CACHE, else $XDG_CACHE_HOME/metacall/typescript,
// else ~/.cache/metacall/typescript. Empty: no disk cache.
function cacheFolder() {
  const chosen = process.env.METACALL_NODE_TS_CACHE;
  if (chosen !== undefined) return chosen;
  const base = process.env.XDG_CACHE_HOME || (process.env.HOME ? path.join(process.env.HOME, '.cache') : '');
  return base ? path.join(base, 'metacall', 'typescript') : '';
}

// 'warn' (default): type errors go to the log; 'error': they fail the load; 'off': not checked.
function checkMode() {
  const mode = process.env.METACALL_NODE_TS_CHECK || 'warn';
  if (!['warn', 'error', 'off'].includes(mode)) {
    throw new Error(`METACALL_NODE_TS_CHECK is '${mode}': expected 'warn', 'error' or 'off'`);
  }
  return mode;
}

// Value ids of metacall_value.h.
const typeIds = { bool: 0, long: 4, double: 6, string: 7, buffer: 8, array: 9, map: 10, function: 13, null: 14 };

// The value id for a type node, or undefined when it names no single one; Promise<T> is T, async.
function typeOf(node, t) {
  if (node === undefined) return { id: undefined, async: false };
  const K = t.SyntaxKind;
  switch (node.kind) {
    case K.NumberKeyword: return { id: typeIds.double };
    case K.StringKeyword: return { id: typeIds.string };
    case K.BooleanKeyword: return { id: typeIds.bool };
    case K.BigIntKeyword: return { id: typeIds.long };
    case K.VoidKeyword:
    case K.UndefinedKeyword:
    case K.NullKeyword: return { id: typeIds.null };
    case K.ObjectKeyword:
    case K.TypeLiteral: return { id: typeIds.map };
    case K.ArrayType:
    case K.TupleType: return { id: typeIds.array };
    case K.FunctionType: return { id: typeIds.function };
    case K.ParenthesizedType: return typeOf(node.type, t);
    case K.LiteralType: {
      const literal = node.literal.kind;
      if (literal === K.NullKeyword) return { id: typeIds.null };
      if (literal === K.StringLiteral) return { id: typeIds.string };
      if (literal === K.NumericLiteral) return { id: typeIds.double };
      if (literal === K.TrueKeyword || literal === K.FalseKeyword) return { id: typeIds.bool };
      return { id: undefined };
    }
    case K.UnionType: {
      const ids = new Set(node.types.map((member) => typeOf(member, t).id));
      return { id: ids.size === 1 ? [...ids][0] : undefined };
    }
    case K.TypeReference: {
      const name = node.typeName.getText ? node.typeName.escapedText || node.typeName.getText() : '';
      const args = node.typeArguments || [];
      if (name === 'Promise') return { id: args.length > 0 ? typeOf(args[0], t).id : undefined, async: true };
      if (name === 'Array' || name === 'ReadonlyArray') return { id: typeIds.array };
      if (name === 'Record' || name === 'Map') return { id: name === 'Record' ? typeIds.map : undefined };
      if (['Buffer', 'Uint8Array', 'ArrayBuffer'].includes(name)) return { id: typeIds.buffer };
      if (name === 'Function') return { id: typeIds.function };
      return { id: undefined };
    }
    default: return { id: undefined };
  }
}

function hasModifier(node, kind) {
  return (node.modifiers || []).some((modifier) => modifier.kind === kind);
}

// The declared types of a function-like node: { params: [id|null], ret: id|null, async }.
function signatureOf(fn, t) {
  const ret = typeOf(fn.type, t);
  return {
    params: fn.parameters.map((param) => (param.dotDotDotToken ? null : typeOf(param.type, t).id ?? null)),
    ret: ret.id ?? null,
    async: hasModifier(fn, t.SyntaxKind.AsyncKeyword) || ret.async === true,
  };
}

// { exportedName: signature } of the functions a TypeScript source file exports.
function exportedSignatures(sourceFile, t) {
  const K = t.SyntaxKind;
  const local = new Map();
  const exported = {};
  const functionOf = (node) =>
    node && (node.kind === K.ArrowFunction || node.kind === K.FunctionExpression) ? node : undefined;
  for (const statement of sourceFile.statements) {
    const isExported = hasModifier(statement, K.ExportKeyword);
    const isDefault = hasModifier(statement, K.DefaultKeyword);
    if (statement.kind === K.FunctionDeclaration) {
      const name = statement.name ? statement.name.text : 'default';
      local.set(name, statement);
      if (isExported) exported[isDefault ? 'default' : name] = signatureOf(statement, t);
    } else if (statement.kind === K.VariableStatement) {
      for (const declaration of statement.declarationList.declarations) {
        const fn = functionOf(declaration.initializer);
        if (fn === undefined || declaration.name.kind !== K.Identifier) continue;
        local.set(declaration.name.text, fn);
        if (isExported) exported[declaration.name.text] = signatureOf(fn, t);
      }
    } else if (statement.kind === K.ExportAssignment && !statement.isExportEquals) {
      const fn = functionOf(statement.expression) ||
        (statement.expression.kind === K.Identifier ? local.get(statement.expression.text) : undefined);
      if (fn !== undefined) exported.default = signatureOf(fn, t);
    } else if (statement.kind === K.ExportDeclaration && !statement.moduleSpecifier && statement.exportClause &&
      statement.exportClause.elements) {
      for (const element of statement.exportClause.elements) {
        const fn = local.get((element.propertyName || element.name).text);
        if (fn !== undefined) exported[element.name.text] = signatureOf(fn, t);
      }
    }
  }
  return exported;
}

function compilerOptions(t) {
  return {
    target: t.ScriptTarget.ES2020,
    module: t.ModuleKind.CommonJS,
    esModuleInterop: true,
    jsx: t.JsxEmit.React,
    strict: true,
    skipLibCheck: true,
    sourceMap: true, // kept beside the output, read only when a stack trace needs it
    allowJs: false,
    noEmit: false,
    // .cts/.mts compile to CommonJS like the rest (see the README: no top-level await in TS).
    moduleResolution: t.ModuleResolutionKind.Node10 ?? t.ModuleResolutionKind.NodeJs,
  };
}

function formatDiagnostic(diagnostic, t) {
  const text = t.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file) return `error TS${diagnostic.code}: ${text}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${diagnostic.file.fileName}:${line + 1}:${character + 1} - error TS${diagnostic.code}: ${text}`;
}

let lastProgram; // reused by the next check: the standard library's declarations are parsed once

// The type errors of `filename` (whose text is `source`), as text lines.
function typeErrors(filename, source, options, t) {
  const host = t.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, ...rest) =>
    path.resolve(name) === filename ? t.createSourceFile(name, source, languageVersion, true)
      : getSourceFile(name, languageVersion, ...rest);
  const program = t.createProgram([filename], { ...options, noEmit: true }, host, lastProgram);
  lastProgram = program;
  const sourceFile = program.getSourceFile(filename);
  return [...program.getSemanticDiagnostics(sourceFile), ...program.getGlobalDiagnostics()]
    .filter((diagnostic) => diagnostic.category === t.DiagnosticCategory.Error)
    .map((diagnostic) => formatDiagnostic(diagnostic, t));
}

// { js, signatures, errors } for the TypeScript `source` of `filename`: from the disk cache, or
// compiled (and then cached). A syntax error throws a SyntaxError naming the file and line.
function compileTypeScript(filename, source) {
  const mode = checkMode();
  const folder = cacheFolder();
  const crypto = builtinRequire('crypto');
  const key = crypto.createHash('sha256')
    .update(`${compilerVersion()}\0${compilerOptionsVersion}\0${mode === 'off' ? 'unchecked' : 'checked'}\0${filename}\0`)
    .update(source)
    .digest('hex');
  const entry = folder ? path.join(folder, `${key}.json`) : '';
  if (entry) {
    try {
      return JSON.parse(fs.readFileSync(entry, 'utf8'));
    } catch {
      // not cached yet (or unreadable): compile
    }
  }
  const t = typescript();
  const options = compilerOptions(t);
  const output = t.transpileModule(source, {
    compilerOptions: options, fileName: filename, reportDiagnostics: true,
  });
  const syntax = (output.diagnostics || []).filter((diagnostic) => diagnostic.category === t.DiagnosticCategory.Error);
  if (syntax.length > 0) {
    const error = new SyntaxError(syntax.map((diagnostic) => formatDiagnostic(diagnostic, t)).join('\n'));
    error.stack = `${error.name}: ${error.message}`; // the stack of the compiler is no help
    throw error;
  }
  const sourceFile = t.createSourceFile(filename, source, t.ScriptTarget.ES2020, true,
    filename.endsWith('x') ? t.ScriptKind.TSX : t.ScriptKind.TS);
  const compiled = {
    js: output.outputText.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n'),
    map: output.sourceMapText,
    signatures: exportedSignatures(sourceFile, t),
    errors: mode === 'off' ? [] : typeErrors(filename, source, options, t),
  };
  if (entry) {
    try {
      fs.mkdirSync(folder, { recursive: true });
      const temporary = `${entry}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, JSON.stringify(compiled));
      fs.renameSync(temporary, entry); // whole or not at all, for processes loading the same file
    } catch (error) {
      loadWarnings.push(`TypeScript cache: cannot write ${entry}: ${error.message}`);
    }
  }
  return compiled;
}

// What the functions of TypeScript modules declare, by their exports object (describe reads it).
const declaredSignatures = new WeakMap();
// Messages for the log from the current load (type errors), which the loader logs and clears.
const loadWarnings = [];
// The execution paths of the load under way (where `typescript` is looked for).
let loadingExecutionPaths = [];

// What this process compiled or read from the disk cache, by file: a file whose size, inode and
// modification time (ns) are the same is not read and hashed again.
const compiledFiles = new Map(); // filename -> { stamp, compiled }

function compileTypeScriptFile(filename) {
  const stats = fs.statSync(filename, { bigint: true });
  const stamp = `${checkMode()}:${stats.size}:${stats.ino}:${stats.mtimeNs}:${stats.ctimeNs}`;
  const known = compiledFiles.get(filename);
  if (known !== undefined && known.stamp === stamp) return known.compiled;
  const compiled = compileTypeScript(filename, fs.readFileSync(filename, 'utf8'));
  compiledFiles.set(filename, { stamp, compiled });
  return compiled;
}

// Runs the compiled TypeScript of `filename` as the CommonJS module `module`.
function runTypeScriptModule(module, compiled, filename) {
  if (compiled.errors.length > 0) {
    const text = compiled.errors.join('\n');
    if (checkMode() === 'error') {
      const error = new TypeError(`type errors in ${filename}:\n${text}`);
      error.stack = `${error.name}: ${error.message}`;
      throw error;
    }
    loadWarnings.push(`type errors in ${filename} (loaded anyway; METACALL_NODE_TS_CHECK=error refuses them):\n${text}`);
  }
  typeScriptMaps.set(filename, { text: compiled.map, parsed: undefined });
  mapStackTraces();
  module._compile(compiled.js, filename);
  declaredSignatures.set(module.exports, compiled.signatures);
}

// Stack traces name the lines of the .ts files. Node's own source map support
// (process.setSourceMapsEnabled) decodes every map when its file is compiled, which costs more
// than the compile itself; here a map is decoded when a stack trace first goes through its file.
// Error.prepareStackTrace formats stacks as V8 does, with the frames of TypeScript files mapped.
// A host that has an Error.prepareStackTrace of its own keeps it (its stacks show the output's
// lines).
const typeScriptMaps = new Map(); // filename -> { text, parsed }
let stackTracesMapped = false;

function mappedFrame(callsite) {
  const file = callsite.getFileName();
  const map = file ? typeScriptMaps.get(file) : undefined;
  const text = callsite.toString();
  if (map === undefined || !map.text) return text;
  if (map.parsed === undefined) map.parsed = new Module.SourceMap(JSON.parse(map.text));
  const line = callsite.getLineNumber();
  const column = callsite.getColumnNumber();
  const entry = map.parsed.findEntry(line - 1, column - 1);
  if (!entry || entry.originalLine === undefined) return text;
  return text.replace(`${file}:${line}:${column}`, `${file}:${entry.originalLine + 1}:${entry.originalColumn + 1}`);
}

function mapStackTraces() {
  // Node 20 and later put a default of their own there: that one is replaced too.
  const current = Error.prepareStackTrace;
  if (stackTracesMapped || (current !== undefined && current.name !== 'ErrorPrepareStackTrace')) return;
  stackTracesMapped = true;
  Error.prepareStackTrace = (error, trace) => {
    let head;
    try {
      head = Error.prototype.toString.call(error);
    } catch {
      head = '<error>';
    }
    if (trace.length === 0) return head;
    return `${head}\n    at ${trace.map((callsite) => {
      try {
        return mappedFrame(callsite);
      } catch {
        return callsite.toString();
      }
    }).join('\n    at ')}`;
  };
}

const typeScriptExtensions = ['.ts', '.tsx', '.mts', '.cts'];
let typeScriptHooked = false;
// require() of TypeScript files, installed at the first TypeScript load.
function hookTypeScript() {
  if (typeScriptHooked) return;
  typeScriptHooked = true;
  for (const extension of typeScriptExtensions) {
    Module._extensions[extension] = (module, filename) =>
      runTypeScriptModule(module, compileTypeScriptFile(filename), filename);
  }
}

// TypeScript source from memory, as if it were the file `filename`.
function loadTypeScriptSource(filename, source) {
  hookTypeScript();
  const module = new Module(filename, null);
  module.filename = filename;
  module.paths = Module._nodeModulePaths(path.dirname(filename));
  runTypeScriptModule(module, compileTypeScript(filename, source), filename);
  return module.exports;
}
