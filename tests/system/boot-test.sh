#!/usr/bin/env bash
# Boots the Debian package on a real kernel: a minimal bookworm root with systemd, udev, the kernel
# and the package (installed by apt with its own Depends), booted in QEMU with a KMS/DRM display.
#
#   bash tests/system/boot-test.sh path/to/schaufenster_*_amd64.deb [--keep DIR]
#   SF_REFERENCE_BINARY=build/app/schaufenster bash tests/system/boot-test.sh schaufenster_*_arm64.deb
#
# Needs root (mmdebstrap, mkfs.ext4 -d) and a Debian mirror (SF_DEBIAN_MIRROR). The root is built
# once; each scenario boots its own copy-on-write view of it (tests/system/scenarios.py says what
# each one checks). Screendumps and logs stay in the work folder with --keep, else go at the end.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
deb=$(realpath "${1:?usage: boot-test.sh path/to/schaufenster_*_amd64.deb [--keep DIR]}")
shift
keep=""
[ "${1:-}" = "--keep" ] && keep=${2:?--keep wants a folder}
[ "$(id -u)" = 0 ] || { echo "needs root (mmdebstrap, mkfs.ext4 -d)" >&2; exit 2; }
arch=$(dpkg-deb -f "$deb" Architecture)
case "$arch" in
  amd64) kernel=linux-image-amd64 tools="qemu-system-x86_64:qemu-system-x86" ;;
  # A Raspberry Pi's architecture on QEMU's generic arm64 board. mmdebstrap runs the foreign
  # root's maintainer scripts through qemu-user and binfmt_misc.
  arm64) kernel=linux-image-arm64 tools="qemu-system-aarch64:qemu-system-arm qemu-aarch64-static:qemu-user-static update-binfmts:binfmt-support" ;;
  *) echo "no system test for $arch packages" >&2; exit 2 ;;
esac
for tool in mmdebstrap:mmdebstrap qemu-img:qemu-utils python3:python3 $tools; do
  command -v "${tool%%:*}" >/dev/null || { apt-get install -y -qq --no-install-recommends "${tool#*:}" >/dev/null; }
done
mirror=${SF_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${SF_DEBIAN_SECURITY:-http://deb.debian.org/debian-security}

work=${keep:-$(mktemp -d /var/tmp/sf-boot.XXXXXX)}
mkdir -p "$work"
cleanup() {
  pkill -f "qemu-system-x86_64.*$work" 2>/dev/null || true
  [ -n "$keep" ] || rm -rf --one-file-system "$work"
}
trap cleanup EXIT
start=$SECONDS
step() { echo "[$((SECONDS - start))s] $*"; }

# The references come from the package's own binary, drawn offscreen on this machine; for a
# foreign package from this machine's build of the same source (SF_REFERENCE_BINARY).
mkdir -p "$work/pkg" "$work/host"
cp "$deb" "$work/pkg/"
pkg="$work/pkg/$(basename "$deb")"
dpkg-deb -x "$deb" "$work/host"
reference=$work/host/usr/bin/schaufenster
if [ "$arch" != "$(dpkg --print-architecture)" ]; then
  reference=$(realpath "${SF_REFERENCE_BINARY:-build/app/schaufenster}")
  [ -x "$reference" ] || { echo "a $arch package needs SF_REFERENCE_BINARY (a native build of the same source)" >&2; exit 2; }
fi

# Test feeds: revision 1 in the image's cache, revision 2 on a feed server that appears later.
python3 "$here/scenarios.py" make-feeds "$here/../../assets/examples/small-feed.json" "$work/feeds"

step "mmdebstrap: bookworm with systemd, udev, the kernel and $(basename "$deb")"
root="$work/root"
rm -rf "$root"
# The package goes in by apt with its own Depends; the probe and its units are the test's own
# (the player needs none of them). The .deb must stand at the same path inside the root for apt.
mmdebstrap --mode=root --variant=minbase --quiet --architectures="$arch" \
  --include="systemd-sysv,udev,kmod,$kernel,$pkg" \
  --setup-hook="mkdir -p \"\$1$work/pkg\" && cp \"$pkg\" \"\$1$pkg\"" \
  --customize-hook="rm -f \"\$1$pkg\"" \
  --customize-hook="install -m 755 \"$here/guest-probe.sh\" \"\$1/usr/local/sbin/sf-probe\"" \
  --customize-hook="install -m 644 \"$here/sf-probe.service\" \"$here/sf-setup.service\" \"\$1/etc/systemd/system/\"" \
  --customize-hook="mkdir -p \"\$1/srv/sf-test/v2\" && cp \"$work/feeds/cache-v1.json\" \"\$1/srv/sf-test/\" && cp \"$work/feeds/feed-v2.json\" \"\$1/srv/sf-test/v2/feed.json\"" \
  --customize-hook="chroot \"\$1\" systemctl enable sf-probe.service sf-setup.service" \
  --customize-hook="echo sf-test >\"\$1/etc/hostname\"" \
  bookworm "$root" \
  "deb $mirror bookworm main" "deb $mirror bookworm-updates main" "deb $security bookworm-security main" \
  >"$work/mmdebstrap.log" 2>&1 || { tail -30 "$work/mmdebstrap.log"; exit 1; }
cp "$root"/boot/vmlinuz-* "$work/vmlinuz"
cp "$root"/boot/initrd.img-* "$work/initrd.img"
step "ext4 image"
mkfs.ext4 -q -F -L root -d "$root" "$work/disk.img" 1536M
rm -rf --one-file-system "$root"

step "booting"
python3 "$here/scenarios.py" run "$work" "$reference" "$arch"
step "done"
