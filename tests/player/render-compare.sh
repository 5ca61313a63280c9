#!/usr/bin/env bash
# Renders every view at the five screen sizes the player is made for, in both languages, and
# compares two such sets pixel for pixel: the proof that a change to the code changed no screen.
#
#   bash tests/player/render-compare.sh render BINARY DIR      writes DIR/VIEW-LANG-WxH.png
#   bash tests/player/render-compare.sh compare DIR_A DIR_B    exit 1 if any frame differs
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
views=(auto spotlight schedule fields field-list detail figures announcement)
sizes=(1920x1080 1080x1920 1280x800 1024x600 800x480)
# Two moments: one before the spring meet-up with no message, one with the message on.
moments=(2024-04-20T10:00 2026-12-06T12:00)

case "${1:-}" in
  render)
    bin=${2:?binary}; out=${3:?directory}
    mkdir -p "$out"
    # The built-in feed with an urgent message, so the announcement view has one to show.
    feed=$(mktemp -d)
    trap 'rm -rf "$feed"' EXIT
    cp "$here/../../assets/feeds/mpi-berlin.json" "$feed/feed.json"
    "$bin" announce --feed "$feed/feed.json" --to "$feed/out" --from 2026-01-01T00:00 --until 2030-01-01T00:00 \
      --title "Raumänderung" --en "The keynote moves to hall B." "Die Keynote zieht in Halle B um." >/dev/null
    n=0
    for at in "${moments[@]}"; do
      for lang in de en; do
        for view in "${views[@]}"; do
          for size in "${sizes[@]}"; do
            SDL_VIDEODRIVER=offscreen "$bin" render --feed "$feed/feed.json" --view "$view" --size "$size" --lang "$lang" --at "$at" \
              -o "$out/$view-$lang-$size-${at%%T*}.png" >/dev/null
            n=$((n + 1))
          done
        done
      done
    done
    echo "$n frames in $out"
    ;;
  compare)
    a=${2:?directory}; b=${3:?directory}
    python3 - "$a" "$b" "$here/../system" <<'PY'
import os, sys
sys.path.insert(0, sys.argv[3])
from vm import read_png  # decodes to (width, height, rgb bytes): equal pixels, not equal files
a, b = sys.argv[1], sys.argv[2]
names = sorted(n for n in os.listdir(a) if n.endswith(".png"))
missing = [n for n in names if not os.path.exists(os.path.join(b, n))]
diff = []
for n in names:
    if n in missing:
        continue
    pa, pb = read_png(os.path.join(a, n)), read_png(os.path.join(b, n))
    if pa[:2] != pb[:2]:
        diff.append(f"{n}: size {pa[0]}x{pa[1]} vs {pb[0]}x{pb[1]}")
        continue
    changed = sum(1 for i in range(0, len(pa[2]), 3) if pa[2][i:i + 3] != pb[2][i:i + 3]) if pa[2] != pb[2] else 0
    if changed:
        diff.append(f"{n}: {changed} pixels differ")
for m in missing:
    print(f"{m}: missing in {b}")
for d in diff:
    print(d)
print(f"{len(names) - len(diff) - len(missing)} of {len(names)} frames pixel-equal")
sys.exit(1 if diff or missing or not names else 0)
PY
    ;;
  *) sed -n 4,6p "$0" >&2; exit 2 ;;
esac
