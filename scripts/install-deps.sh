#!/usr/bin/env bash
# Installs the packages needed to build and test libmetacall on Debian/Ubuntu (apt-get).
# Quick when everything is there already: apt is only called for what is missing.
set -euo pipefail

packages=(
	cmake ninja-build gcc g++ pkg-config                  # the build
	libgtest-dev libbenchmark-dev nlohmann-json3-dev      # tests and benchmarks
	clang libclang-rt-14-dev                              # the fuzz targets (libFuzzer)
	libffi-dev                                            # the c loader
	libtcc-dev tcc                                        # the c loader's C sources (TinyCC: libtcc.a, libtcc1.a)
	python3 python3-dev libpython3.11                     # the py loader (Debian's CPython 3.11)
	python3-venv python3-pip python3-setuptools python3-pytest # the py port: its package, its tests
	# the node loader: libnode's shared-library dependencies, and the JS packages libnode reads
	# at their fixed /usr/share/nodejs paths. libnode itself cannot be installed beside the
	# machine's own Node (the `nodejs` package clashes): scripts/fetch-libnode.sh unpacks it into
	# the build folder.
	libuv1 libicu72 libc-ares2 libbrotli1 libnghttp2-14 libssl3 zlib1g
	libuv1-dev # the embedder's libuv handles (host-v8 mode: the host platform's tasks)
	node-acorn node-cjs-module-lexer node-undici
	libedit-dev tmux # the metacall command: line editing (libedit, BSD-licensed), its terminal test
	# the wasm loader's test plug-ins written in C (clang --target=wasm32-wasi); wasmtime itself
	# comes through the Go module proxy (scripts/fetch-wasmtime.sh)
	wasi-libc lld-14 libclang-rt-14-dev-wasm32
)
# The go command downloads wasmtime's C API (scripts/fetch-wasmtime.sh); a machine without one gets
# Debian's.
command -v go >/dev/null || packages+=(golang-go)

missing=()
for package in "${packages[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$package")
	fi
done

if ((${#missing[@]} == 0)); then
	echo "install-deps: all packages present (${packages[*]})"
	exit 0
fi

sudo=()
if (($(id -u) != 0)); then
	command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
	sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
