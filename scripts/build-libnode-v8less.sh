#!/usr/bin/env bash
# Builds libnode without V8's implementation (patches/node-gyp/README.md) into OUT:
#   OUT/libnode.so.108   Node 18.20.4 as a shared library; every v8:: symbol left undefined
#   OUT/key              the hash of this script and of the patches it was built from
# from Debian's own nodejs source, configured with Debian's flags plus --without-bundled-v8.
#
# A build takes 10-20 minutes on 2 cores, so its result is cached under the hash of its inputs
# (this script, the patches, the source version): in OUT itself and in a machine-wide folder,
# METACALL_CACHE_DIR (default /var/cache/metacall). Only a change of those inputs, or a new
# machine, builds again. Environment: JOBS (parallel jobs, default 2).
set -euo pipefail
out=${1:?usage: build-libnode-v8less.sh OUT}
repo=$(cd "$(dirname "$0")/.." && pwd)
jobs=${JOBS:-2}

# The main suite's source: the security suite's newer one is not served here. Its V8 is the same
# as the one of the libnode108 binary that scripts/fetch-libnode.sh unpacks (10.2.154.26-node.37);
# the node loader checks the two at run time anyway.
source_version=18.20.4+dfsg-1~deb12u2
library=libnode.so.108

key=$( (
	echo "$source_version"
	cat "$repo/scripts/build-libnode-v8less.sh" "$repo"/patches/node-gyp/*.patch
) | sha256sum | cut -c1-16)
cache=${METACALL_CACHE_DIR:-/var/cache/metacall}/libnode-v8less/$key

say() { echo "build-libnode-v8less: $*"; }

if [[ -f $out/$library && "$(cat "$out/key" 2>/dev/null)" == "$key" ]]; then
	say "up to date ($out, key $key)"
	exit 0
fi
if [[ -f $cache/$library ]]; then
	mkdir -p "$out"
	cp "$cache/$library" "$out/$library.partial" && mv "$out/$library.partial" "$out/$library"
	echo "$key" >"$out/key"
	say "taken from the machine's cache $cache"
	exit 0
fi

say "building (key $key); this takes 10-20 minutes on 2 cores"
start=$SECONDS

# ---- what the build needs: Debian's build dependencies of nodejs that the V8-less build uses
packages=(dpkg-dev python3 g++ ninja-build pkg-config
	libuv1-dev libssl-dev zlib1g-dev libbrotli-dev libc-ares-dev libnghttp2-dev libicu-dev
	node-acorn node-cjs-module-lexer node-undici)
missing=()
for package in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
sudo=()
(($(id -u) == 0)) || sudo=(sudo)
if ((${#missing[@]})); then
	say "installing ${missing[*]}"
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" ||
		{ "${sudo[@]}" apt-get update -q && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -q --no-install-recommends "${missing[@]}"; }
fi

# ---- the source: a fresh machine has no deb-src entry; add one beside Debian's own entry
sources=/etc/apt/sources.list.d/debian.sources
src_entry=/etc/apt/sources.list.d/metacall-deb-src.sources
if ! apt-get source --download-only --print-uris "nodejs=$source_version" >/dev/null 2>&1; then
	[[ -f $sources ]] || { say "no $sources to derive a deb-src entry from" >&2; exit 1; }
	sed 's/^Types: deb$/Types: deb-src/' "$sources" | "${sudo[@]}" tee "$src_entry" >/dev/null
	"${sudo[@]}" apt-get update -q >/dev/null
fi

work=$out.work
rm -rf "$work"
mkdir -p "$work"
chmod 755 "$work" # apt-get source drops privileges to _apt, which must be able to write here
(cd "$work" && apt-get source --download-only "nodejs=$source_version" >download.log 2>&1) ||
	{ cat "$work/download.log" >&2; exit 1; }
(cd "$work" && dpkg-source -x ./*.dsc src >extract.log 2>&1) || { cat "$work/extract.log" >&2; exit 1; }
src=$work/src
for patch in "$repo"/patches/node-gyp/*.patch; do
	say "applying $(basename "$patch")"
	patch -d "$src" -p1 --forward --quiet <"$patch"
done

# What Debian's rules do before building: the versions of the system's acorn, cjs-module-lexer
# and undici, which replace the bundled ones, as process.versions reports them.
for pair in acorn:node-acorn cjs_module_lexer:node-cjs-module-lexer undici:node-undici; do
	name=${pair%%:*} package=${pair#*:}
	version=$(dpkg-query --showformat='${source:Upstream-Version}' --show "$package" |
		sed -E 's/^([0-9]+\.[0-9]+\.[0-9]+).*/\1/')
	sed -i -e "s/[0-9]\+\.[0-9]\+\.[0-9]\+/$version/" "$src/src/${name}_version.h"
done

# Debian's configure flags (debian/rules, amd64), plus:
#   --without-bundled-v8   no V8 target is built or linked: V8's symbols stay undefined;
#   --without-node-snapshot, --without-node-code-cache: both need a node_mksnapshot that runs V8
#                          at build time (Debian's --shared build has neither either);
#   --ninja                an incremental build.
# Debian's compiler flags (dpkg-buildflags: -g, hardening) are not used: they change neither the
# ABI nor what runs, and -g triples the build's time and size.
triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
configure_flags=(
	--without-npm --without-corepack --shared
	--shared-zlib --shared-cares --shared-nghttp2 --shared-brotli --shared-libuv --shared-openssl
	--shared-builtin-undici/undici-path=/usr/share/nodejs/undici/undici-fetch.js
	--shared-builtin-acorn-path=/usr/share/nodejs/acorn/dist/acorn.js
	--shared-builtin-acorn_walk-path=/usr/share/nodejs/acorn-walk/dist/walk.js
	--shared-builtin-cjs_module_lexer/lexer-path=/usr/share/nodejs/cjs-module-lexer/lexer.js
	--shared-builtin-cjs_module_lexer/dist/lexer-path=/usr/share/nodejs/cjs-module-lexer/dist/lexer.js
	--with-intl=system-icu --prefix=/usr --openssl-use-def-ca-store --arch-triplet="$triplet"
	--node-relative-path="lib/$triplet/nodejs:share/nodejs" --dest-os=linux --dest-cpu=x64
	--without-bundled-v8 --without-node-snapshot --without-node-code-cache --ninja
)
# Debian's python3 (configure and gyp), not a pyenv or venv one that may lack what they import.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
(cd "$src" && python3 configure.py "${configure_flags[@]}" >"$work/configure.log" 2>&1) ||
	{ tail -30 "$work/configure.log" >&2; exit 1; }
ninja -C "$src/out/Release" -j "$jobs" libnode

built=$src/out/Release/lib/$library
# The checks that make it a V8-less libnode: no V8 implementation inside (header-inline functions
# that Node instantiated are weak and allowed), V8 left to the host, no STB_GNU_UNIQUE symbol that
# the dynamic linker would merge with another libnode's, and the note naming its V8.
v8_symbol='^_ZNK?(2v8|12v8_inspector|5cppgc)'
defined_v8=$(nm -D --defined-only "$built" | awk -v re="$v8_symbol" '$2 == "T" && $3 ~ re' | wc -l)
undefined_v8=$(nm -D --undefined-only "$built" | awk -v re="$v8_symbol" '$2 ~ re' | wc -l)
unique=$(nm -D --defined-only "$built" | awk '$2 == "u"' | wc -l)
if ((defined_v8 != 0 || undefined_v8 == 0 || unique != 0)); then
	say "$built defines $defined_v8 V8 functions, imports $undefined_v8 and has $unique unique" \
		"symbols: not a V8-less build" >&2
	exit 1
fi
abi=$(strings "$built" | grep -m1 '^v8=' || true)
readelf -n "$built" | grep -q 'NodeV8' && [[ -n $abi ]] || { say "$built has no .note.node.v8abi" >&2; exit 1; }

mkdir -p "$out"
cp "$built" "$out/$library.partial" && mv "$out/$library.partial" "$out/$library"
echo "$key" >"$out/key"
if mkdir -p "$cache" 2>/dev/null && cp "$built" "$cache/$library.partial" 2>/dev/null; then
	mv "$cache/$library.partial" "$cache/$library"
else
	say "could not write the machine's cache $cache (the build tree keeps its copy)"
fi
rm -rf "$work"
say "built in $(((SECONDS - start) / 60))m$(((SECONDS - start) % 60))s: $undefined_v8 V8 imports; $abi"
