#!/usr/bin/env bash
# The benchmark suite's one entry point (Debian bookworm, as root): installs what it needs, Chromium
# included, builds Release into build-bench, runs all four parts, prints the table, writes JSON.
#
#   bash tests/bench/run.sh                    # the full run: 3 runs x 60 s each side by side
#   RUNS=1 DURATION=15 bash tests/bench/run.sh # a short trial
#
# Settings: RUNS (3), DURATION (60 s per side-by-side run), FRAME_SECONDS (30), PARTS (1234:
# side by side, scaling, frame times, feed latency), FLEET ("50 6": players, publications),
# BENCH_DISPLAY (87: the Xvfb display number), PORT (8791: the page's local server),
# SKIP_INSTALL=1 (no apt), BUILD (build-bench). Results: $BUILD/bench/results.{json,md}, and per
# run a folder with a screenshot of the screen at the end of the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
export BUILD=${BUILD:-$PWD/build-bench}

if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  packages=(chromium xvfb matchbox-window-manager x11-utils python3 valgrind dpkg-dev)
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=900 update -qq
    apt-get -o DPkg::Lock::Timeout=900 install -y -qq "${missing[@]}" >/dev/null
  fi
  bash .ci/install-deps
fi

cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target schaufenster sf_manpage sf_bench_player sf_bench_scaling sf_bench_fleet sf_bench_fade  # what `cmake --install` stages for the size figures
exec /usr/bin/python3 tests/bench/suite.py
