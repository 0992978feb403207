#!/usr/bin/env bash
# Compiles MetaCall's own test programs (metacall/core source/tests) unchanged against this
# repository's libmetacall and runs them; see README.md here.
#   scripts/metacall_tests/run.sh [METACALL_TREE] [BUILD_DIR] [--filter REGEX] [--jobs N] [--timeout S]
#                                 [--rebuild] [--work DIR]
# METACALL_TREE defaults to /tmp/metacall-core, cloned from the local mirror when missing;
# BUILD_DIR to build/. Results: a Markdown table on stdout, BUILD_DIR/metacall_tests/results.tsv.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
mirror=/work/.mirror/metacall+core/repo

positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --filter|--jobs|--timeout|--work) opts+=("$1" "$2"); shift 2 ;;
    --rebuild) opts+=("$1"); shift ;;
    -h|--help) sed -n 2,8p "$0"; exit 0 ;;
    *) positional+=("$1"); shift ;;
  esac
done
metacall="${positional[0]:-/tmp/metacall-core}"
build="${positional[1]:-$repo/build}"

if [ ! -d "$metacall/source/tests" ]; then
  if [ "$metacall" = /tmp/metacall-core ] && [ -d "$mirror" ]; then
    git clone -q "$mirror" "$metacall"
  else
    echo "run.sh: $metacall is not a metacall/core source tree" >&2
    exit 2
  fi
fi
exec python3 -B "$here/harness.py" "$metacall" "$build" ${opts[@]+"${opts[@]}"}
