#!/usr/bin/env bash
# Unpacks Debian's shared libnode (libnode108, Node 18) and its headers (libnode-dev) into DEST,
# without installing them: Debian's `nodejs` package, which libnode108 depends on, clashes with
# the machine's own Node. Called by the node loader's CMakeLists.txt when DEST is missing.
#   DEST/usr/lib/<multiarch>/libnode.so.108   DEST/usr/include/node/{node.h,node_api.h,...}
set -euo pipefail
dest=${1:?usage: fetch-libnode.sh DEST}
packages=(libnode108 libnode-dev)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
chmod 755 "$work" # apt-get download drops privileges to _apt, which must be able to write here
if ! apt-get download "${packages[@]}" >apt.log 2>&1; then
	# A fresh machine may have no package lists yet.
	apt-get update -q >>apt.log 2>&1 || true
	apt-get download "${packages[@]}" >>apt.log 2>&1 || { cat apt.log >&2; exit 1; }
fi
mkdir -p "$dest.partial"
for deb in ./*.deb; do
	dpkg -x "$deb" "$dest.partial"
done
rm -rf "$dest"
mv "$dest.partial" "$dest"
echo "fetch-libnode: unpacked $(ls ./*.deb | xargs -n1 basename | tr '\n' ' ')into $dest"
