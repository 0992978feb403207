// Nanoseconds per call of Node -> Python add(a, b) through require('metacall') (in this `node`,
// host mode). Prints one line per measurement; node-calls-python too when it is installed.
//   NODE_PATH=<folder with node_modules/metacall> node benchmarks/node_port_benchmark.js [calls]
'use strict';

const calls = Number(process.argv[2] || 1e6);

function measure(label, fn) {
  for (let i = 0; i < 1e4; ++i) fn(i, 1); // warm up
  const start = process.hrtime.bigint();
  let sum = 0;
  for (let i = 0; i < calls; ++i) sum += fn(i, 1);
  const ns = Number(process.hrtime.bigint() - start) / calls;
  if (sum !== (calls * (calls - 1)) / 2 + calls) throw new Error(`${label}: wrong sum ${sum}`);
  console.log(`${label}: ${ns.toFixed(1)} ns/call (${calls} calls)`);
}

const { metacall, metacall_load_from_memory } = require('metacall');
metacall_load_from_memory('py', 'def add(a, b):\n    return a + b\n');
measure('metacall port   Node -> Python add(a, b) by name', (a, b) => metacall('add', a, b));
const { add } = require('metacall').metacall_load_from_file_export('py', [writeModule()]);
measure('metacall port   Node -> Python add(a, b) handle fn', add);

let nodecallspython = null;
try {
  nodecallspython = require('node-calls-python');
} catch (error) {
  console.log('node-calls-python: not installed, skipped');
}
if (nodecallspython) {
  const py = nodecallspython.interpreter;
  const module = py.importSync(writeModule());
  measure('node-calls-python Node -> Python add(a, b)', (a, b) => py.callSync(module, 'add', a, b));
}

function writeModule() {
  const fs = require('fs');
  const os = require('os');
  const path = require('path');
  const file = path.join(os.tmpdir(), `metacall_bench_add_${process.pid}.py`);
  fs.writeFileSync(file, 'def add(a, b):\n    return a + b\n');
  process.on('exit', () => fs.rmSync(file, { force: true }));
  return file;
}
