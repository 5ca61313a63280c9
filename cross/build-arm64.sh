#!/usr/bin/env bash
# Cross-builds Schaufenster's core for arm64 (Raspberry Pi OS 64-bit) with Debian's multiarch
# packages and runs its test suite under qemu-aarch64. Run as root on Debian bookworm.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

need=(crossbuild-essential-arm64 qemu-user libhowardhinnant-date-dev:arm64 nlohmann-json3-dev catch2 cmake)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=cross/aarch64-linux-gnu.cmake -DSF_CORE_ONLY=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-arm64 -j"$jobs"
file build-arm64/sf_core_tests | cut -d, -f1-2
# The tests find the tz database and fixtures on this machine; qemu runs the arm64 binary.
ctest --test-dir build-arm64 --output-on-failure
