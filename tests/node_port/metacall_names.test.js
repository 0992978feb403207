// The names MetaCall's node port exports beyond the first ones (docs/COMPATIBILITY.md, "Ports"):
// one behaviour per test, with MetaCall's argument and return shapes.
'use strict';

const assert = require('assert');
const { execFileSync } = require('child_process');
const path = require('path');
const test = require('node:test');

const port = require('metacall');
const scripts = path.join(__dirname, 'scripts');

test('metacallfms calls with the arguments named in a JSON object, in any order', () => {
  port.metacall_load_from_file('py', [path.join(scripts, 'named_args.py')]);
  assert.strictEqual(port.metacallfms('ratio', '{"numerator": 6, "denominator": 3}'), 2);
  assert.strictEqual(port.metacallfms('ratio', '{"denominator": 4, "numerator": 2}'), 0.5);
});

test('metacallfms refuses an unknown parameter name, naming it', () => {
  assert.throws(() => port.metacallfms('ratio', '{"numerator": 6, "divisor": 3}'), /divisor/);
  assert.throws(() => port.metacallfms('no_such_function_fms', '{}'), /no_such_function_fms/);
});

test('metacall_await gives a Promise for async and plain functions alike', async () => {
  const pending = port.metacall_await('later_double', 21); // async def
  assert.ok(pending instanceof Promise);
  assert.strictEqual(await pending, 42);
  const plain = port.metacall_await('ratio', 9, 3); // def
  assert.ok(plain instanceof Promise);
  assert.strictEqual(await plain, 3);
});

test('metacall_await rejects, rather than throws, for a function that is not loaded', async () => {
  const pending = port.metacall_await('no_such_function_await', 1);
  await assert.rejects(pending, /no_such_function_await/);
});

test('metacall_execution_path adds a folder where relative paths are found', () => {
  assert.throws(() => port.metacall_load_from_file('py', ['module_b.py'])); // not in the cwd
  assert.strictEqual(port.metacall_execution_path('py', scripts), undefined);
  const b = port.metacall_load_from_file_export('py', ['module_b.py']);
  assert.strictEqual(b.who(), 'b');
  assert.throws(() => port.metacall_execution_path('no_such_tag', scripts), /no_such_tag/);
});

test('metacall_load_from_memory_export returns the functions, not put in the global scope', () => {
  const exported = port.metacall_load_from_memory_export('py', 'def memory_export_six():\n    return 6\n');
  assert.strictEqual(exported.memory_export_six(), 6);
  assert.throws(() => port.metacall('memory_export_six'), /memory_export_six/);
  assert.strictEqual(port.metacall_load_from_memory('py', 'def memory_four():\n    return 4\n'), undefined);
  assert.strictEqual(port.metacall('memory_four'), 4);
});

test('metacall_load_from_package_ex loads with empty options and refuses options no loader takes', () => {
  const colorsys = port.metacall_load_from_package_ex('py', 'colorsys', {});
  assert.deepStrictEqual(colorsys.rgb_to_hsv(1, 0, 0), [0, 1, 1]);
  assert.throws(() => port.metacall_load_from_package_ex('py', 'colorsys', { headers: ['a.h'] }),
                /takes no load options/);
  assert.throws(() => port.metacall_load_from_package_ex('py', 'colorsys'), TypeError);
});

test('metacall_load_from_configuration loads the scripts a metacall.json lists', () => {
  const file = path.join(scripts, 'configuration', 'metacall.json');
  assert.strictEqual(port.metacall_load_from_configuration(file), undefined);
  assert.strictEqual(port.metacall('configured_triple', 5), 15);
  assert.throws(() => port.metacall_load_from_configuration(path.join(scripts, 'configuration', 'broken.json')),
                /scripts/);
});

test('metacall_load_from_configuration_export returns the functions of the listed scripts', () => {
  const file = path.join(scripts, 'configuration', 'metacall.json');
  const exported = port.metacall_load_from_configuration_export(file);
  assert.strictEqual(exported.configured_triple(2), 6);
});

test('metacall_handle finds a loaded handle by tag and name (the path as it was given)', () => {
  port.metacall_execution_path('py', scripts);
  port.metacall_load_from_file('py', ['arith.py']);
  const handle = port.metacall_handle('py', 'arith.py');
  assert.strictEqual(handle.name, 'arith.py');
  assert.ok(handle.scope.funcs.some((f) => f.name === 'slow_double'));
  assert.strictEqual(port.metacall_handle('py', 'not_loaded.py'), undefined);
  assert.strictEqual(port.metacall_handle('no_such_tag', 'arith.py'), null);
});

test('metacall_inspect is keyed by tag, with no host entry', () => {
  const inspect = port.metacall_inspect();
  assert.ok(Array.isArray(inspect.py));
  assert.strictEqual(inspect.__metacall_host__, undefined);
});

// In a process of its own: the log destination is the process's.
test('metacall_logs sends the library log lines to stdout', () => {
  const program = "const m = require('metacall'); m.metacall_logs(); " +
                  "m.metacall_load_from_memory('py', 'def logged(): return 1');";
  const stdout = execFileSync(process.execPath, ['-e', program], {
    env: { ...process.env, METACALL_LOG: 'info' },
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString();
  assert.match(stdout, /\[metacall info\] .*py/);
});

test('require of a bare script name finds it in the loader execution paths', () => {
  port.metacall_execution_path('py', scripts);
  const counter = require('counter.py'); // no file ./counter.py: the py loader finds it
  assert.strictEqual(typeof counter, 'object');
  assert.strictEqual(require('counter.py'), counter); // loaded once
});

test("require('tag:name') loads a module by name", () => {
  const { escape } = require('py:html');
  assert.strictEqual(escape('<html></html>'), '&lt;html&gt;&lt;/html&gt;');
  const { py_encode_basestring_ascii } = require('py:json.encoder');
  assert.strictEqual(py_encode_basestring_ascii('asd'), '"asd"');
  assert.throws(() => require('py:no_such_module_here'), /no_such_module_here/);
  assert.strictEqual(require('node:path'), path); // Node's own prefix is left alone
});

test('require of another loader extension loads the file with that loader', () => {
  const sums = require('./scripts/sums.mock');
  assert.strictEqual(sums.mock_add(2, 3), 5);
});

test("require('metacall') from any module gives this port", () => {
  // No NODE_PATH: only the port, once loaded, answers require('metacall').
  const env = { ...process.env };
  delete env.NODE_PATH;
  const program = `const first = require(${JSON.stringify(require.resolve('metacall'))}); ` +
                  "process.stdout.write(String(require('metacall') === first));";
  const stdout = execFileSync(process.execPath, ['-e', program], { env, cwd: '/' }).toString();
  assert.strictEqual(stdout, 'true');
});

test('JS from memory whose template literal holds Python import lines is CommonJS', () => {
  // MetaCall's port tests load Python written inside JS this way: not an ES module.
  port.metacall_load_from_memory('node', 'const source = `\nimport sys\nexport = 1\n`;\n' +
                                 'module.exports = { template_lines: () => source.trim().split("\\n").length };\n');
  assert.strictEqual(port.metacall('template_lines'), 2);
});
