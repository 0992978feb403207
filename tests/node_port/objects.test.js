// JS classes and objects through libmetacall inside node, with no other language: a script the
// port loads shares this Node, so its classes and objects come back as the very same ones.
'use strict';

const assert = require('assert');
const path = require('path');
const test = require('node:test');

const { metacall, metacall_load_from_file, metacall_load_from_file_export, metacall_inspect } = require('metacall');

const file = path.join(__dirname, 'scripts', 'shapes.js');
metacall_load_from_file('node', [file]);

test("a script's class comes back as the very class", () => {
  const shapes = metacall_load_from_file_export('node', [file]);
  assert.strictEqual(shapes.Square, require(file).Square);
  assert.strictEqual(new shapes.Square(3).area(), 9);
  assert.strictEqual(shapes.unit, require(file).unit);
});

test('an instance passed through libmetacall and back is the same object', () => {
  const { Square } = require(file);
  const square = new Square(2);
  assert.strictEqual(metacall('echo', square), square);
  assert.strictEqual(metacall('area_of', square), 4);
  assert.strictEqual(metacall('echo', Square), Square);
});

test('metacall_inspect lists the class and the object', () => {
  const handles = metacall_inspect().node;
  const scope = handles.map((handle) => handle.scope).find((s) => s.classes.some((c) => c.name === 'Square'));
  assert.ok(scope, JSON.stringify(handles));
  const square = scope.classes.find((c) => c.name === 'Square');
  assert.deepStrictEqual(square.constructors[0].args.map((a) => a.name), ['side']);
  assert.deepStrictEqual(square.methods.map((m) => m.name), ['area']);
  assert.deepStrictEqual(scope.objects, [{ name: 'unit', class: 'Square' }]);
});
