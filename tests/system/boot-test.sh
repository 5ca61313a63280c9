#!/usr/bin/env bash
# Boots the Debian package on a real kernel: a minimal bookworm root with systemd, udev, the kernel
# and the package (installed by apt with its own Depends), booted in QEMU with a KMS/DRM display.
#
#   bash tests/system/boot-test.sh path/to/schaufenster_*_amd64.deb [--work DIR] [--keep]
#   bash tests/system/boot-test.sh --prepare DIR [--arch arm64]   the root without the package,
#                                  made ahead (CI starts it before the build, as it is mostly downloads)
#   SF_REFERENCE_BINARY=build/app/schaufenster bash tests/system/boot-test.sh schaufenster_*_arm64.deb
#
# Needs root (mmdebstrap, chroot, mkfs.ext4 -d) and a Debian mirror (SF_DEBIAN_MIRROR). The image
# is made once; each scenario boots its own copy-on-write view of it (tests/system/scenarios.py
# says what each one checks). Screendumps and logs stay in the work folder with --keep.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../package/chroot.sh"
prepare="" deb="" work="" keep="" arch=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prepare) prepare=1 work=${2:?--prepare wants a folder}; shift ;;
    --work) work=${2:?--work wants a folder}; shift ;;
    --keep) keep=1 ;;
    --arch) arch=${2:?--arch wants amd64 or arm64}; shift ;;
    *) deb=$(realpath "$1") ;;
  esac
  shift
done
[ -n "$prepare" ] || [ -f "$deb" ] || { echo "usage: boot-test.sh PACKAGE.deb [--work DIR] [--keep] | --prepare DIR" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "needs root (mmdebstrap, mkfs.ext4 -d)" >&2; exit 2; }
[ -n "$deb" ] && arch=$(dpkg-deb -f "$deb" Architecture)
arch=${arch:-$(dpkg --print-architecture)}
case "$arch" in
  amd64) kernel=linux-image-amd64 tools="qemu-system-x86_64:qemu-system-x86" ;;
  # A Raspberry Pi's architecture on QEMU's generic arm64 board. mmdebstrap runs the foreign
  # root's maintainer scripts through qemu-user and binfmt_misc.
  # arch-test is how mmdebstrap checks that the foreign root's binaries run.
  arm64) kernel=linux-image-arm64 tools="qemu-system-aarch64:qemu-system-arm qemu-aarch64-static:qemu-user-static update-binfmts:binfmt-support arch-test:arch-test" ;;
  *) echo "no system test for $arch packages" >&2; exit 2 ;;
esac
for tool in mmdebstrap:mmdebstrap qemu-img:qemu-utils python3:python3 $tools; do
  command -v "${tool%%:*}" >/dev/null || { apt-get install -y -qq --no-install-recommends "${tool#*:}" >/dev/null; }
done
if [ "$arch" = arm64 ]; then
  # The foreign root's programs run through binfmt_misc, which a container may not have mounted
  # (qemu-user-static's postinst then registers nothing): mount it and register qemu-aarch64.
  mountpoint -q /proc/sys/fs/binfmt_misc || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || update-binfmts --import qemu-aarch64 >/dev/null 2>&1 || true
  update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || true
  grep -qx enabled /proc/sys/fs/binfmt_misc/qemu-aarch64 ||
    { echo "binfmt_misc has no qemu-aarch64 entry: the arm64 root cannot run its programs" >&2; exit 2; }
fi
mirror=${SF_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${SF_DEBIAN_SECURITY:-http://deb.debian.org/debian-security}

work=${work:-$(mktemp -d /var/tmp/sf-boot.XXXXXX)}
mkdir -p "$work"
work=$(realpath "$work")
root="$work/root"
cleanup() {
  pkill -f "qemu-system-.*$work" 2>/dev/null || true
  leave_root
  [ -n "$prepare" ] || [ -n "$keep" ] || rm -rf --one-file-system "$work"
}
trap cleanup EXIT
start=$SECONDS
step() { echo "[$((SECONDS - start))s] $*"; }

make_root() {
  # Test feeds: revision 1 in the image's cache, revision 2 on a feed server that appears later.
  python3 "$here/scenarios.py" make-feeds "$here/../../assets/examples/small-feed.json" "$work/feeds"
  rm -rf "$root"
  # The probe and its units are the test's own (the player needs none of them). The initramfs
  # holds only what finds the virtio disk: making the usual one is minutes of CPU.
  mmdebstrap --mode=root --variant=minbase --quiet --architectures="$arch" \
    --include="systemd-sysv,udev,kmod,$kernel" \
    --essential-hook="mkdir -p \"\$1/etc/initramfs-tools/conf.d\" && echo MODULES=list >\"\$1/etc/initramfs-tools/conf.d/sf-test\" && printf '%s\\n' virtio_pci virtio_mmio virtio_blk ext4 >>\"\$1/etc/initramfs-tools/modules\"" \
    --customize-hook="install -m 755 \"$here/guest-probe.sh\" \"\$1/usr/local/sbin/sf-probe\"" \
    --customize-hook="install -m 644 \"$here/sf-probe.service\" \"$here/sf-setup.service\" \"\$1/etc/systemd/system/\"" \
    --customize-hook="mkdir -p \"\$1/srv/sf-test/v2\" && cp \"$work/feeds/cache-v1.json\" \"\$1/srv/sf-test/\" && cp \"$work/feeds/feed-v2.json\" \"\$1/srv/sf-test/v2/feed.json\"" \
    --customize-hook="chroot \"\$1\" systemctl enable sf-probe.service sf-setup.service" \
    --customize-hook="echo sf-test >\"\$1/etc/hostname\"" \
    bookworm "$root" \
    "deb $mirror bookworm main" "deb $mirror bookworm-updates main" "deb $security bookworm-security main" \
    >"$work/mmdebstrap.log" 2>&1 || { tail -30 "$work/mmdebstrap.log"; exit 1; }
  touch "$root/.sf-base-$arch"
}

if [ ! -f "$root/.sf-base-$arch" ]; then
  step "mmdebstrap: bookworm ($arch) with systemd, udev and the kernel"
  make_root
fi
[ -n "$prepare" ] && { step "root ready in $root"; exit 0; }

# The package goes in by apt with its own Depends and nothing else, as an installer's would.
step "apt-get install $(basename "$deb") in the root"
cp "$deb" "$root/tmp/"
enter_root
in_root apt-get update -qq >"$work/apt.log" 2>&1 || echo "  warning: an index failed to download; installing from the others"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" \
  >>"$work/apt.log" 2>&1 || { tail -30 "$work/apt.log"; exit 1; }
in_root apt-get clean
# What the package installs, and its configuration kept as a conffile across upgrades.
for f in /usr/bin/schaufenster /etc/schaufenster/config.json /usr/lib/systemd/system/schaufenster.service \
         /usr/share/man/man1/schaufenster.1.gz; do
  [ -e "$root$f" ] || { echo "FAILED: the package did not install $f"; exit 1; }
done
grep -qx /etc/schaufenster/config.json "$root/var/lib/dpkg/info/schaufenster.conffiles" ||
  { echo "FAILED: /etc/schaufenster/config.json is not a conffile"; exit 1; }
in_root schaufenster validate /usr/share/doc/schaufenster/small-feed.json >>"$work/apt.log" 2>&1 ||
  { echo "FAILED: schaufenster validate in the root"; tail -5 "$work/apt.log"; exit 1; }
echo "  installed: $(grep -c '^Setting up' "$work/apt.log") packages set up; files, conffile and validate ok"
rm -f "$root/tmp/$(basename "$deb")"
leave_root

# The references come from the package's own binary, drawn offscreen on this machine; for a
# foreign package from this machine's build of the same source (SF_REFERENCE_BINARY).
mkdir -p "$work/host"
dpkg-deb -x "$deb" "$work/host"
reference=$work/host/usr/bin/schaufenster
if [ "$arch" != "$(dpkg --print-architecture)" ]; then
  reference=$(realpath "${SF_REFERENCE_BINARY:-build/app/schaufenster}")
  [ -x "$reference" ] || { echo "a $arch package needs SF_REFERENCE_BINARY (a native build of the same source)" >&2; exit 2; }
fi
cp "$root"/boot/vmlinuz-* "$work/vmlinuz"
cp "$root"/boot/initrd.img-* "$work/initrd.img"
step "ext4 image"
mkfs.ext4 -q -F -L root -d "$root" "$work/disk.img" 1536M
rm -rf --one-file-system "$root"

step "booting"
python3 "$here/scenarios.py" run "$work" "$reference" "$arch"
step "done"
