// One measurement of Node -> Python add(a, b) (benchmarks/ports/python_add.py), in this `node`; run.py
// runs each mode in processes of its own and compares them.
//   node node_calls_python.js <mode> <calls>
// modes: metacall-name      require('metacall'): metacall('add', a, b)
//        metacall-function  require('metacall'): the function of require('./python_add.py')
//        metacall-floats    the same with float arguments (i + 0.5, 0.5): against metacall-function,
//                           the cost of the integer rule (docs/NUMBERS.md)
//        ncp-sync           node-calls-python: py.callSync(module, 'add', a, b)
//        ncp-async          node-calls-python: await py.call(module, 'add', a, b)
// Prints {"mode": ..., "ns": <ns per call>}.
'use strict';

const path = require('path');

const [mode, callsText] = process.argv.slice(2);
const calls = Number(callsText || 1e6);
const script = path.join(__dirname, 'python_add.py');

// The sum checks that every call ran (and keeps the JIT from dropping them).
function check(sum, count) {
  if (sum !== (count * (count - 1)) / 2 + count) throw new Error(`${mode}: wrong sum ${sum}`);
}

// `half` 0.5 makes both arguments floats (i + 0.5 and 0.5) with the same sums as (i, 1).
function measure(fn, half = 0) {
  const b = half !== 0 ? half : 1;
  for (let i = 0; i < 1e4; ++i) fn(i + half, b); // warm up
  const start = process.hrtime.bigint();
  let sum = 0;
  for (let i = 0; i < calls; ++i) sum += fn(i + half, b);
  const ns = Number(process.hrtime.bigint() - start) / calls;
  check(sum, calls);
  return ns;
}

async function measureAsync(fn) {
  for (let i = 0; i < 1e3; ++i) await fn(i, 1);
  const start = process.hrtime.bigint();
  let sum = 0;
  for (let i = 0; i < calls; ++i) sum += await fn(i, 1);
  const ns = Number(process.hrtime.bigint() - start) / calls;
  check(sum, calls);
  return ns;
}

async function main() {
  switch (mode) {
    case 'metacall-name': {
      const { metacall, metacall_load_from_file } = require('metacall');
      metacall_load_from_file('py', [script]);
      return measure((a, b) => metacall('add', a, b));
    }
    case 'metacall-function': {
      require('metacall');
      const { add } = require(script);
      return measure(add);
    }
    case 'metacall-floats': {
      require('metacall');
      const { add } = require(script);
      return measure(add, 0.5);
    }
    case 'ncp-sync':
    case 'ncp-async': {
      const py = require('node-calls-python').interpreter;
      const module = py.importSync(script);
      return mode === 'ncp-sync' ? measure((a, b) => py.callSync(module, 'add', a, b))
                                 : measureAsync((a, b) => py.call(module, 'add', a, b));
    }
    default:
      throw new Error(`unknown mode '${mode}'`);
  }
}

main().then((ns) => {
  console.log(JSON.stringify({ mode, ns }));
  process.exit(0); // node-calls-python's interpreter keeps no handle open, but be sure
}, (error) => {
  console.error(error);
  process.exit(1);
});
