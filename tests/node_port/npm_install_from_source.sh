#!/bin/sh
# `npm install ./source/ports/node_port`, as a user does in a repository built into build/: npm
# links the folder, and the package finds the node loader in the repository's build/lib with no
# environment variable. The source folder is copied into a repository-shaped work folder whose
# build/lib is the real build's lib folder, so the real source tree gets no npm leftovers.
#   npm_install_from_source.sh <source/ports/node_port> <lib folder of the build> <work>
set -eu
source_dir=$1 lib_dir=$2 work=$3
rm -rf "$work"
mkdir -p "$work/source/ports" "$work/build" "$work/app"
cp -r "$source_dir" "$work/source/ports/node_port"
ln -s "$lib_dir" "$work/build/lib"
cd "$work/app"
npm install --no-audit --no-fund --loglevel=error ../source/ports/node_port
unset NODE_PATH
node -e '
const assert = require("assert");
const { metacall, metacall_load_from_memory } = require("metacall");
metacall_load_from_memory("py", "def twice(x):\n    return 2 * x\n");
assert.strictEqual(metacall("twice", 21), 42);
console.log("ok");
'
