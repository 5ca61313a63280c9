#!/usr/bin/env bash
# Checks the shipped systemd unit with `systemd-analyze verify` (directives, dependencies, the
# executables it names, its man: reference). Exits 77 (skipped) where systemd-analyze is absent.
#   bash tests/package/check-unit.sh path/to/built/schaufenster
set -euo pipefail
command -v systemd-analyze >/dev/null || { echo "systemd-analyze not installed: skipped"; exit 77; }
src=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:?usage: check-unit.sh path/to/schaufenster}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# verify checks that ExecStart's program exists: point it at the built binary, change nothing else.
sed "s#^ExecStart=/usr/bin/schaufenster #ExecStart=$(realpath "$bin") #" \
  "$src/assets/package/schaufenster.service" >"$tmp/schaufenster.service"
grep -q "^ExecStart=$(realpath "$bin") " "$tmp/schaufenster.service" || { echo "ExecStart line not as expected"; exit 1; }
# Documentation=man:schaufenster(1) is checked with man; the page is not installed on this machine.
mkdir -p "$tmp/man/man1"
cp "$src/assets/package/schaufenster.1" "$tmp/man/man1/"
out=$(MANPATH=$tmp/man systemd-analyze verify "$tmp/schaufenster.service" 2>&1) || { echo "$out"; exit 1; }
[ -z "$out" ] || { echo "$out"; exit 1; }  # verify also prints warnings it does not fail on
echo "systemd-analyze verify: clean"
# The settings the kiosk relies on must stay in the unit.
for line in Type=notify WatchdogSec= Restart=always User=schaufenster StateDirectory=schaufenster \
  TTYPath=/dev/tty1 NoNewPrivileges=yes ProtectSystem=strict; do
  grep -q "^$line" "$tmp/schaufenster.service" || { echo "missing: $line"; exit 1; }
done
echo "watchdog, restart, user, state directory, tty and hardening settings present"
