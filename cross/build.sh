#!/usr/bin/env bash
# Builds Schaufenster for a Raspberry Pi OS architecture from this amd64 Debian bookworm machine:
# the core's test suite run under qemu-user, or with --package the whole player as a .deb.
#
#   bash cross/build.sh arm64|armhf            core + tests, run under qemu-aarch64 / qemu-arm
#   bash cross/build.sh arm64|armhf|amd64 --package
#                                              the full app and its .deb in build-cross-ARCH/
#                                              (build-pkg/ for amd64)
#
# Run as root; it installs what it needs. arm64 uses Debian multiarch (dpkg --add-architecture);
# armhf uses a sysroot unpacked from Debian's armhf packages into build-sysroot-armhf/, because a
# multiarch armhf co-install fails whenever a mirror's armhf index is out of step with amd64's.
set -euo pipefail
cd "$(dirname "$0")/.."
arch=${1:-}
mode=core
[ "${2:-}" = --package ] && mode=package
case "$arch" in
  arm64 | armhf) ;;
  amd64) [ "$mode" = package ] || { echo "amd64 runs its tests in the native build (.ci/test)" >&2; exit 2; } ;;
  *) echo "usage: cross/build.sh arm64|armhf [--package] | amd64 --package" >&2; exit 2 ;;
esac
jobs=$(nproc 2>/dev/null || echo 2)
export DEBIAN_FRONTEND=noninteractive

apt_updated=0
install_missing() {  # installs the named packages unless dpkg already has them all
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}"
  if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The libraries the full player links, as Debian -dev packages (the same on every architecture).
app_dev=(libsdl2-dev libsdl2-image-dev libdrm-dev libimgui-dev libstb-dev libfreetype-dev libqrencode-dev
         libcurl4-openssl-dev libsodium-dev libmicrohttpd-dev libsqlite3-dev zlib1g-dev libpugixml-dev libsystemd-dev libhowardhinnant-date-dev)
# Architecture-independent headers (CLI11, nlohmann/json) and tools the build runs on the host.
host_tools=(cmake make pkg-config dpkg-dev file nlohmann-json3-dev libcli11-dev catch2)

# An armhf sysroot: Debian's packages and their dependencies, resolved by a private apt state
# (the host's apt and dpkg are not touched) and unpacked with dpkg-deb -x.
make_armhf_sysroot() {
  local root=$PWD/build-sysroot-armhf
  local want=(libc6-dev libstdc++-12-dev "${app_dev[@]}" nlohmann-json3-dev libcli11-dev catch2)
  local stamp="$root/.sysroot-$(printf '%s\n' "${want[@]}" | md5sum | cut -c1-12)"
  [ -f "$stamp" ] && return 0
  echo "making the armhf sysroot in $root"
  local state=$root.apt mirror=${SF_DEBIAN_MIRROR:-http://deb.debian.org/debian}
  rm -rf "$root" "$state"
  mkdir -p "$state/lists/partial" "$state/archives/partial" "$root/DEBIAN"
  : >"$state/status"
  cat >"$state/sources.list" <<EOF
deb [arch=armhf signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror bookworm main
deb [arch=armhf signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror bookworm-updates main
deb [arch=armhf signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${SF_DEBIAN_SECURITY:-http://deb.debian.org/debian-security} bookworm-security main
EOF
  local apt_opts=(-o APT::Architecture=armhf -o APT::Architectures::=armhf -o Debug::NoLocking=1
    -o Dir::Etc::SourceList="$state/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o Dir::State::Lists="$state/lists" -o Dir::State::status="$state/status"
    -o Dir::Cache::archives="$state/archives" -o APT::Install-Recommends=false
    -o Acquire::By-Hash=force)
  # By-Hash fetches each index under its checksum, so a mirror caught mid-sync cannot hand out a
  # file that does not match its Release file (seen here with bookworm-security's armhf index).
  # If one suite still fails, the others are used: the sysroot only needs headers and sonames.
  apt-get "${apt_opts[@]}" update -qq || echo "warning: an armhf index failed to download; building from the others"
  apt-get "${apt_opts[@]}" install -y -qq --download-only "${want[@]/%/:armhf}" >/dev/null
  local deb ctl
  ctl=$(mktemp -d)
  for deb in "$state"/archives/*.deb; do
    dpkg-deb -x "$deb" "$root"
    # Each library package's symbols and shlibs files, gathered where dpkg-shlibdeps looks for
    # them in a package build tree (-l/-S): this is how the .deb's Depends are computed for armhf.
    rm -rf "$ctl"/*
    dpkg-deb -e "$deb" "$ctl"
    [ -f "$ctl/symbols" ] && cat "$ctl/symbols" >>"$root/DEBIAN/symbols"
    [ -f "$ctl/shlibs" ] && cat "$ctl/shlibs" >>"$root/DEBIAN/shlibs"
  done
  rm -rf "$ctl"
  # Absolute symlinks (libfoo.so -> /lib/...) would point into the host; make them relative.
  local link target
  while IFS= read -r link; do
    target=$(readlink "$link")
    ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$root$target")" "$link"
  done < <(find "$root" -type l -lname '/*')
  echo "$(ls "$state"/archives/*.deb | wc -l) packages" >"$stamp"
  rm -rf "$state"
}

toolchain=()
case "$arch" in
  arm64)
    dpkg --print-foreign-architectures | grep -qx arm64 || { dpkg --add-architecture arm64; apt_updated=0; }
    install_missing crossbuild-essential-arm64 qemu-user "${host_tools[@]}" libhowardhinnant-date-dev:arm64
    if [ "$mode" = package ]; then install_missing pkgconf:arm64 "${app_dev[@]/%/:arm64}"; fi
    toolchain=(-DCMAKE_TOOLCHAIN_FILE=cross/aarch64-linux-gnu.cmake)
    ;;
  armhf)
    install_missing crossbuild-essential-armhf qemu-user "${host_tools[@]}"
    make_armhf_sysroot
    toolchain=(-DCMAKE_TOOLCHAIN_FILE=cross/arm-linux-gnueabihf.cmake)
    ;;
  amd64)
    bash .ci/install-deps
    install_missing "${host_tools[@]}"
    ;;
esac

if [ "$mode" = core ]; then
  # The core's own test suite on the target architecture, under qemu-user (the toolchain file's
  # CMAKE_CROSSCOMPILING_EMULATOR). build-arm64/ is the directory CI has always used.
  dir=build-$arch
  # -O1: what differs on the target (char signedness, word size, alignment) shows without -O3's
  # compile time, which the CI's half hour cannot spare; the packages are built optimised.
  cmake -S . -B "$dir" "${toolchain[@]}" -DSF_CORE_ONLY=ON -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O1 -DNDEBUG" >/dev/null
  cmake --build "$dir" -j"$jobs"
  file "$dir/sf_core_tests" | cut -d, -f1-2
  # The tests find the tz database and fixtures on this machine; qemu runs the target binary.
  ctest --test-dir "$dir" --output-on-failure
  exit 0
fi

dir=build-cross-$arch
[ "$arch" = amd64 ] && dir=build-pkg
cmake -S . -B "$dir" "${toolchain[@]}" -DCMAKE_BUILD_TYPE=Release -DSF_BUILD_TESTS=OFF >/dev/null
# Everything cpack installs (the binary, the gzipped manual page), in parallel: cpack's own build
# step runs make without -j.
cmake --build "$dir" -j"$jobs"
file "$dir/app/schaufenster" | cut -d, -f1-2
# dpkg-shlibdeps reads DEB_HOST_ARCH to pick the target's objdump and multiarch library folders.
rm -f "$dir"/schaufenster_*.deb
(cd "$dir" && DEB_HOST_ARCH=$arch cpack -G DEB >/dev/null)
deb=$(ls "$dir"/schaufenster_*_"$arch".deb)
dpkg-deb -f "$deb" Package Version Architecture Installed-Size Depends
echo "$deb: $(stat -c %s "$deb") bytes"
