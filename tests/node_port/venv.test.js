// An activated virtualenv (VIRTUAL_ENV, its bin/ first on PATH) is the Python that Node's
// require('./x.py') runs in: its packages import, and sys looks as it does to the venv's python.
// Run by ctest in the shared test venv (tests/support/python_venv.cmake), which holds numpy.
'use strict';

const assert = require('assert');
const { execFileSync } = require('child_process');
const path = require('path');
const test = require('node:test');

require('metacall');

const venv = process.env.VIRTUAL_ENV;
const probeFile = path.join(__dirname, '..', 'py_loader', 'scripts', 'environment_probe.py');

test('the test runs in an activated venv', () => {
  assert.ok(venv, 'VIRTUAL_ENV is not set: run through ctest (node_port.venv)');
  assert.ok(process.env.PATH.startsWith(path.join(venv, 'bin')), 'the venv bin/ is not first on PATH');
});

test('a package installed only in the venv imports from Python code Node requires', () => {
  const probe = require(probeFile);
  const embedded = JSON.parse(probe.environment());
  assert.ok(embedded.numpy, 'numpy was not found');
  assert.ok(embedded.numpy.startsWith(venv + path.sep), `numpy comes from ${embedded.numpy}`);
});

test('sys.prefix, sys.executable and sys.path are what the venv python sets', () => {
  const probe = require(probeFile);
  const embedded = JSON.parse(probe.environment());
  // The reference python is not the code under test: without the sanitizers' runtimes (ASan builds).
  const env = { ...process.env };
  delete env.LD_PRELOAD;
  const reference = JSON.parse(execFileSync(path.join(venv, 'bin', 'python'), [probeFile], { encoding: 'utf8', env }));
  for (const key of ['prefix', 'exec_prefix', 'base_prefix', 'executable', 'path', 'numpy']) {
    assert.deepStrictEqual(embedded[key], reference[key], `sys.${key}`);
  }
  assert.strictEqual(embedded.prefix, venv);
});
