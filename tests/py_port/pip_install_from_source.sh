#!/bin/sh
# `pip install ./source/ports/py_port`, as a user does in a repository built into build/: the
# installed package must find libmetacall with no environment variable. The source folder is
# copied into a repository-shaped work folder whose build/lib is the real build's lib folder (the
# plug-ins are found beside the library), so the real source tree gets no pip leftovers.
#   pip_install_from_source.sh <source/ports/py_port> <lib folder of the build> <python3> <work>
set -eu
source_dir=$1 lib_dir=$2 python3=$3 work=$4
rm -rf "$work"
mkdir -p "$work/source/ports" "$work/build"
cp -r "$source_dir" "$work/source/ports/py_port"
rm -rf "$work/source/ports/py_port/build" "$work/source/ports/py_port"/*.egg-info
ln -s "$lib_dir" "$work/build/lib"
unset METACALL_LIBRARY
"$python3" -m venv --system-site-packages "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --no-build-isolation --no-index --no-deps \
	"$work/source/ports/py_port"
cd "$work"
"$work/venv/bin/python" -B -c '
import metacall, metacall._paths
print("installed package uses", metacall._paths.LIBMETACALL)
metacall.metacall_load_from_memory("node", "module.exports = { twice: (x) => x * 2 };")
assert metacall.metacall("twice", 21) == 42
print("ok")
'
