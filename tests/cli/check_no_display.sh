#!/usr/bin/env bash
# Proves that a program built from the organiser tools links no display stack: no SDL, SDL_image,
# X11, DRM, FreeType or libqrencode among its shared libraries, and no Dear ImGui code (a static library) inside.
# Usage: check_no_display.sh BINARY. Exits 1, naming what it found, when the tools pull any in.
set -euo pipefail
binary=$1
[ -x "$binary" ] || { echo "no program at $binary" >&2; exit 2; }
found=0
needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for lib in $needed; do
  case "$lib" in
    libSDL2*|libX11*|libXext*|libdrm*|libfreetype*|libqrencode*|libGL*|libEGL*)
      echo "$binary needs $lib: the tools must not link the display stack" >&2
      found=1 ;;
  esac
done
# ImGui comes as a static library: look for its code in the program's own symbols.
if nm -C "$binary" 2>/dev/null | grep -q ' ImGui::'; then
  echo "$binary contains Dear ImGui code: the tools must not link the display stack" >&2
  found=1
fi
if [ "$found" = 0 ]; then echo "$binary: no SDL, X11, DRM or Dear ImGui (needs: $(echo $needed))"; fi
exit "$found"
