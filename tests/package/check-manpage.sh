#!/usr/bin/env bash
# Checks that the manual page documents every command and player option the binary offers, and
# that groff formats it without warnings (when groff is installed).
#   bash tests/package/check-manpage.sh path/to/built/schaufenster
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:?usage: check-manpage.sh path/to/schaufenster}
page=$src/assets/package/schaufenster.1
fail=0
# Commands: the lines under "Commands:" in `schaufenster --help`.
commands=$("$bin" --help | awk '/^Commands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}')
[ -n "$commands" ] || { echo "no commands found in --help"; exit 1; }
for c in $commands; do
  grep -qx "\.B $c" "$page" || { echo "command not in the manual page: $c"; fail=1; }
done
# Player options: `--help` after any player flag prints the player's own options.
options=$("$bin" --idle 60 --help | grep -o '^  --[a-z-]*' | tr -d ' ')
[ -n "$options" ] || { echo "no player options found"; exit 1; }
for o in $options; do
  grep -q "^\.BI\? ${o//-/\\\\-}\( \|$\)" "$page" || { echo "player option not in the manual page: $o"; fail=1; }
done
echo "$(echo $commands | wc -w) commands and $(echo $options | wc -w) player options checked"
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
  [ -z "$warnings" ] || { echo "groff: $warnings"; fail=1; }
  echo "groff: no warnings"
fi
exit $fail
