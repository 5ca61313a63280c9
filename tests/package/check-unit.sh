#!/usr/bin/env bash
# Checks the shipped systemd units (the player's and the sync service's) with `systemd-analyze
# verify` (directives, dependencies, the executables they name, their man: reference). Exits 77
# (skipped) where systemd-analyze is absent.
#   bash tests/package/check-unit.sh path/to/built/schaufenster
set -euo pipefail
command -v systemd-analyze >/dev/null || { echo "systemd-analyze not installed: skipped"; exit 77; }
src=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:?usage: check-unit.sh path/to/schaufenster}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Documentation=man:schaufenster(1) is checked with man; the page is not installed on this machine.
mkdir -p "$tmp/man/man1"
cp "$src/assets/package/schaufenster.1" "$tmp/man/man1/"
# The settings each unit relies on must stay in it.
declare -A required=(
  [schaufenster.service]="Type=notify WatchdogSec= Restart=always User=schaufenster StateDirectory=schaufenster TTYPath=/dev/tty1 NoNewPrivileges=yes ProtectSystem=strict"
  [schaufenster-sync.service]="Type=notify Restart=always User=schaufenster StateDirectory=schaufenster-sync NoNewPrivileges=yes ProtectSystem=strict ProtectHome=yes PrivateTmp=yes CapabilityBoundingSet="
)
for unit in schaufenster.service schaufenster-sync.service; do
  # verify checks that ExecStart's program exists: point it at the built binary, change nothing else.
  sed "s#^ExecStart=/usr/bin/schaufenster #ExecStart=$(realpath "$bin") #" \
    "$src/assets/package/$unit" >"$tmp/$unit"
  grep -q "^ExecStart=$(realpath "$bin") " "$tmp/$unit" || { echo "$unit: ExecStart line not as expected"; exit 1; }
  out=$(MANPATH=$tmp/man systemd-analyze verify "$tmp/$unit" 2>&1) || { echo "$out"; exit 1; }
  [ -z "$out" ] || { echo "$out"; exit 1; }  # verify also prints warnings it does not fail on
  echo "$unit: systemd-analyze verify: clean"
  for line in ${required[$unit]}; do
    grep -q "^$line" "$tmp/$unit" || { echo "$unit: missing: $line"; exit 1; }
  done
  echo "$unit: restart, user, state directory and hardening settings present"
done
# The sync unit runs the command the manual documents, on the config path it names.
grep -q "^ExecStart=/usr/bin/schaufenster sync /etc/schaufenster/sync.json$" "$src/assets/package/schaufenster-sync.service" \
  || { echo "schaufenster-sync.service: ExecStart is not 'schaufenster sync /etc/schaufenster/sync.json'"; exit 1; }
