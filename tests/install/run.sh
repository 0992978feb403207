#!/usr/bin/env bash
# Driver of the install.host test (see CMakeLists.txt beside it). Fails loudly on the first error.
#
#  1. cmake --install <build> --prefix <work>/prefix, and checks the installed layout;
#  2. builds host/ with CMake and find_package(MetaCall) against that prefix, runs it;
#  3. builds host/main.c with `pkg-config --cflags --libs metacall` against that prefix, runs it.
# Both binaries must resolve libmetacall.so from the prefix, not from the build tree, and the
# library must search for plug-ins in <prefix>/<libdir>/metacall.
set -euo pipefail

die() {
	echo "install.host: FAILED: $*" >&2
	exit 1
}
step() { echo "== install.host: $*"; }

build_dir= work_dir= host_dir= config= cmake=cmake generator=Ninja cc=cc pkg_config=pkg-config libdir=lib version= sanitize=0
for arg in "$@"; do
	value=${arg#*=}
	case "$arg" in
	--build-dir=*) build_dir=$value ;;
	--work-dir=*) work_dir=$value ;;
	--host-dir=*) host_dir=$value ;;
	--config=*) config=$value ;;
	--cmake=*) cmake=$value ;;
	--generator=*) generator=$value ;;
	--cc=*) cc=$value ;;
	--pkg-config=*) pkg_config=$value ;;
	--libdir=*) libdir=$value ;;
	--version=*) version=$value ;;
	--sanitize=*) sanitize=$value ;;
	*) die "unknown argument $arg" ;;
	esac
done
[[ -n $build_dir && -n $work_dir && -n $host_dir && -n $version ]] ||
	die "usage: run.sh --build-dir=D --work-dir=D --host-dir=D --version=V [--config=C] [...]"

# Only the installed tree may be used: no plug-in path or library path from the caller's shell.
unset METACALL_LOADER_PATH LD_LIBRARY_PATH
prefix=$work_dir/prefix
rm -rf "$work_dir"
mkdir -p "$work_dir"

host_cflags=()
if [[ $sanitize == 1 ]]; then
	# The library was built with ASan/UBSan: the host must link the same runtimes.
	host_cflags=(-fsanitize=address,undefined -fno-omit-frame-pointer)
fi

# ---- 1. Install ----
step "installing $build_dir into $prefix"
config_args=()
[[ -n $config ]] && config_args=(--config "$config")
"$cmake" --install "$build_dir" --prefix "$prefix" "${config_args[@]}" >"$work_dir/install.log" ||
	{ cat "$work_dir/install.log" >&2; die "cmake --install failed"; }

major=${version%%.*}
expect=(
	"include/metacall/metacall.h"
	"include/metacall/metacall_def.h"
	"include/metacall/metacall_value.h"
	"include/metacall/metacall_error.h"
	"include/metacall/metacall_allocator.h"
	"include/metacall/metacall_loader.h"
	"include/metacall/metacall_version.h"
	"$libdir/libmetacall.so"
	"$libdir/libmetacall.so.$major"
	"$libdir/libmetacall.so.$version"
	"$libdir/cmake/MetaCall/MetaCallConfig.cmake"
	"$libdir/cmake/MetaCall/MetaCallConfigVersion.cmake"
	"$libdir/cmake/MetaCall/MetaCallTargets.cmake"
	"$libdir/pkgconfig/metacall.pc"
)
for f in "${expect[@]}"; do
	[[ -e $prefix/$f ]] || die "missing after install: $prefix/$f"
done
if find "$prefix/include" -name '*.in' | grep -q .; then
	die "template files installed: $(find "$prefix/include" -name '*.in')"
fi
grep -q "#define METACALL_VERSION \"$version\"" "$prefix/include/metacall/metacall_version.h" ||
	die "installed metacall_version.h does not define METACALL_VERSION \"$version\""
soname=$(readelf -d "$prefix/$libdir/libmetacall.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[[ $soname == "libmetacall.so.$major" ]] || die "soname is '$soname', expected libmetacall.so.$major"

# The binary must use the installed library.
check_uses_prefix() {
	local exe=$1 resolved
	resolved=$(ldd "$exe" | awk '/libmetacall\.so/ { print $3 }')
	[[ $resolved == "$prefix/"* ]] || die "$exe resolves libmetacall.so to '$resolved', not into $prefix"
}

# ---- 2. CMake: find_package(MetaCall) ----
step "building host/ with find_package(MetaCall)"
"$cmake" -S "$host_dir" -B "$work_dir/host-cmake" -G "$generator" \
	-DCMAKE_BUILD_TYPE=Release \
	-DCMAKE_C_COMPILER="$cc" \
	-DCMAKE_C_FLAGS="${host_cflags[*]}" \
	-DCMAKE_PREFIX_PATH="$prefix" \
	-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
	-DMETACALL_EXPECTED_VERSION="$version" >"$work_dir/host-cmake.log" 2>&1 ||
	{ cat "$work_dir/host-cmake.log" >&2; die "configuring host/ failed"; }
found=$(sed -n 's/^MetaCall_DIR:PATH=//p' "$work_dir/host-cmake/CMakeCache.txt")
[[ $found == "$prefix/$libdir/cmake/MetaCall" ]] || die "find_package(MetaCall) found '$found', not the installed package"
"$cmake" --build "$work_dir/host-cmake" >"$work_dir/host-cmake-build.log" 2>&1 ||
	{ cat "$work_dir/host-cmake-build.log" >&2; die "building host/ failed"; }
check_uses_prefix "$work_dir/host-cmake/host"
step "running the find_package host"
"$work_dir/host-cmake/host" "$prefix/$libdir/metacall" || die "the find_package host exited with $?"

# ---- 3. pkg-config ----
step "building host/main.c with pkg-config"
export PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig
pc_version=$("$pkg_config" --modversion metacall) || die "pkg-config does not find metacall in $PKG_CONFIG_PATH"
[[ $pc_version == "$version" ]] || die "pkg-config reports version '$pc_version', expected $version"
read -r -a pc_flags <<<"$("$pkg_config" --cflags --libs metacall)"
echo "   pkg-config --cflags --libs metacall: ${pc_flags[*]}"
"$cc" -std=c11 -Wall -Wextra -Werror "${host_cflags[@]}" "$host_dir/main.c" -o "$work_dir/host-pkgconfig" \
	"${pc_flags[@]}" -Wl,-rpath,"$prefix/$libdir" || die "building with pkg-config flags failed"
check_uses_prefix "$work_dir/host-pkgconfig"
step "running the pkg-config host"
"$work_dir/host-pkgconfig" "$prefix/$libdir/metacall" || die "the pkg-config host exited with $?"

step "passed"
