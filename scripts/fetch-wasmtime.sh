#!/usr/bin/env bash
# Puts wasmtime's C API (headers and the static libwasmtime.a for this machine) into DEST, for the
# wasm loader. The route: the Go module proxy (a package registry, checksummed by Go's sum
# database) serves the Go module github.com/bytecodealliance/wasmtime-go, which ships the C API's
# headers and wasmtime's prebuilt static library for each platform; `go mod download` keeps it in
# the machine-wide module cache ($(go env GOMODCACHE)), so a new build tree copies it in seconds and
# only a new machine or a new version downloads it (about 60 MB). No Rust build of wasmtime.
#   DEST/include/{wasm.h,wasi.h,wasmtime.h,wasmtime/...}   DEST/lib/libwasmtime.a   DEST/VERSION
# Called by source/loaders/wasm_loader/CMakeLists.txt when DEST is missing or of another version.
set -euo pipefail
dest=${1:?usage: fetch-wasmtime.sh DEST [VERSION]}
version=${2:-39.0.1}
module=github.com/bytecodealliance/wasmtime-go/v${version%%.*}

case "$(uname -m)" in
x86_64) platform=linux-x86_64 ;;
aarch64) platform=linux-aarch64 ;;
*) echo "fetch-wasmtime: no prebuilt wasmtime for $(uname -m)" >&2; exit 1 ;;
esac
command -v go >/dev/null || { echo "fetch-wasmtime: needs the go command (the Go module proxy)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# Outside any module: `go mod download` of one pinned version, verified against the sum database.
dir=$(GOFLAGS=-mod=mod go mod download -json "$module@v$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[[ -f "$dir/build/include/wasmtime.h" && -f "$dir/build/$platform/libwasmtime.a" ]] ||
	{ echo "fetch-wasmtime: $module@v$version has no C API for $platform (in '$dir')" >&2; exit 1; }
rm -rf "$dest.partial"
mkdir -p "$dest.partial/lib"
cp -r "$dir/build/include" "$dest.partial/include"
cp "$dir/build/$platform/libwasmtime.a" "$dest.partial/lib/"
find "$dest.partial" -name empty.go -delete
chmod -R u+w "$dest.partial"
echo "$version" >"$dest.partial/VERSION"
rm -rf "$dest"
mv "$dest.partial" "$dest"
echo "fetch-wasmtime: wasmtime $version C API ($platform) from $module into $dest"
