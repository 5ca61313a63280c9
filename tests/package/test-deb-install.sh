#!/usr/bin/env bash
# Installs a Schaufenster .deb into a fresh Debian bookworm root (debootstrap --variant=minbase) and
# runs the installed binary there: proof that the package's Depends bring everything it needs.
#
#   bash tests/package/test-deb-install.sh [path/to/schaufenster_*_ARCH.deb]   (default: build-pkg's amd64)
#
# Run as root with network access to a Debian mirror (SF_DEBIAN_MIRROR, default deb.debian.org).
# An arm64 or armhf package gets a root of its own architecture, run through qemu-user-static and
# binfmt_misc (registered for the run and removed after). The root is removed at the end, always.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/package/chroot.sh
deb=${1:-$(ls build-pkg/schaufenster_*_amd64.deb 2>/dev/null | head -n1)}
[ -f "$deb" ] || { echo "no .deb given or found in build-pkg/ (bash cross/build.sh amd64 --package)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "needs root (debootstrap, chroot, mount)" >&2; exit 2; }
command -v debootstrap >/dev/null || { apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; }
mirror=${SF_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${SF_DEBIAN_SECURITY:-http://deb.debian.org/debian-security}

arch=$(dpkg-deb -f "$deb" Architecture)
root=$(mktemp -d /var/tmp/sf-debroot.XXXXXX)
binfmt=""
cleanup() {
  leave_root
  rm -rf --one-file-system "$root" "$root.log"
  [ -z "$binfmt" ] || echo -1 >"/proc/sys/fs/binfmt_misc/$binfmt"
}
trap cleanup EXIT
if [ "$arch" != "$(dpkg --print-architecture)" ]; then
  # A foreign root runs its programs through qemu; the F flag loads the emulator once, here, so it
  # need not be inside the root.
  name=qemu-$([ "$arch" = arm64 ] && echo aarch64 || echo arm)
  command -v qemu-aarch64-static >/dev/null || apt-get install -y -qq --no-install-recommends qemu-user-static >/dev/null
  mountpoint -q /proc/sys/fs/binfmt_misc || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  if [ ! -e "/proc/sys/fs/binfmt_misc/$name" ]; then
    cat "/usr/lib/binfmt.d/$name.conf" >/proc/sys/fs/binfmt_misc/register
    binfmt=$name
  fi
fi
start=$SECONDS
step() { echo "[$((SECONDS - start))s] $*"; }

step "debootstrap --variant=minbase --arch=$arch bookworm"
debootstrap --variant=minbase --arch="$arch" bookworm "$root" "$mirror" >"$root.log" 2>&1 || { tail -20 "$root.log"; exit 1; }
rm -f "$root.log"
# A real Raspberry Pi OS or Debian system also follows its updates and security suites.
cat >"$root/etc/apt/sources.list" <<SRC
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
SRC
enter_root

step "apt-get install ./$(basename "$deb") (no recommends: the Depends alone must be enough)"
cp "$deb" "$root/tmp/"
# A mirror caught mid-sync can serve one suite's index out of step with its Release file (seen
# here with bookworm-security's armhf index); apt then uses the others, and so does this test.
in_root apt-get update -qq || echo "  warning: an index failed to download; installing from the others"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" \
  >"$root/tmp/install.log" 2>&1 || { tail -30 "$root/tmp/install.log"; exit 1; }
echo "  $(grep -c '^Setting up' "$root/tmp/install.log") packages set up; $(in_root dpkg-query -W -f='${Package} ${Version}\n' schaufenster)"

fail=0
check() { if "$@"; then echo "  ok: ${*: -1}"; else echo "  FAILED: $*"; fail=1; fi; }
step "installed files and the service user"
check test -x "$root/usr/bin/schaufenster"
check test -f "$root/etc/schaufenster/config.json"
check test -f "$root/usr/lib/systemd/system/schaufenster.service"
check test -f "$root/usr/lib/systemd/system/schaufenster-sync.service"
check test -f "$root/usr/share/doc/schaufenster/sync.example.json"
check test -f "$root/usr/share/man/man1/schaufenster.1.gz"
check grep -qx /etc/schaufenster/config.json "$root/var/lib/dpkg/info/schaufenster.conffiles"
echo "  user: $(in_root id schaufenster)"
check in_root getent passwd schaufenster
# Every shared library the binary needs resolves inside the fresh root.
if in_root ldd /usr/bin/schaufenster | grep -q "not found"; then
  in_root ldd /usr/bin/schaufenster | grep "not found"; fail=1
else
  echo "  ok: ldd finds all $(in_root ldd /usr/bin/schaufenster | wc -l) libraries"
fi

step "schaufenster validate (the example feed, then the built-in one through info)"
in_root schaufenster validate /usr/share/doc/schaufenster/small-feed.json || fail=1
in_root schaufenster info --at 2024-04-25T10:00 | head -n 5 || fail=1

step "SDL_VIDEODRIVER=offscreen schaufenster render -o /tmp/x.png"
in_root env SDL_VIDEODRIVER=offscreen schaufenster render --size 800x480 -o /tmp/x.png || fail=1
png=$root/tmp/x.png
if [ -f "$png" ] && [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
  size=$(stat -c %s "$png")
  dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')
  echo "  PNG $dims, $size bytes"
  # A frame with the fonts, colours and a slide compresses to tens of KiB; a blank one to ~1 KiB.
  [ "$dims" = 800x480 ] && [ "$size" -gt 20000 ] || { echo "  FAILED: PNG too small or wrong size"; fail=1; }
  cp "$png" "${SF_PNG_OUT:-/tmp/sf-deb-install-render-$arch.png}"
else
  echo "  FAILED: no PNG written"; fail=1
fi

step "done: $([ $fail = 0 ] && echo passed || echo FAILED)"
exit $fail
