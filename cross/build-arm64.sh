#!/usr/bin/env bash
# Cross-builds Schaufenster's core for arm64 (Raspberry Pi OS 64-bit) and runs its test suite under
# qemu-aarch64: the step .ci/test runs. cross/build.sh does the work, for armhf and packages too.
set -euo pipefail
exec bash "$(dirname "$0")/build.sh" arm64 "$@"
