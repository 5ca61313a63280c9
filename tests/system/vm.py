# A booted test image under QEMU, driven the way a person at the screen would meet it: QMP for
# screendumps and the touch tablet, a virtio serial port for questions to the probe inside.
import json
import os
import socket
import struct
import subprocess
import time
import zlib


class QemuError(Exception):
    pass


def read_ppm(path):
    """QMP's screendump: binary P6, 8 bits. Returns (width, height, RGB bytes)."""
    with open(path, "rb") as f:
        return parse_ppm(f.read(), path)


def parse_ppm(data, path):
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6" or fields[3] != b"255":
        raise QemuError(f"{path}: not an 8-bit P6 image")
    w, h = int(fields[1]), int(fields[2])
    pixels = data[pos + 1:pos + 1 + w * h * 3]
    return w, h, pixels


def read_png(path):
    """The player's own PNGs as (width, height, RGB bytes): through netpbm's pngtopnm where it is
    installed (a reference set of 55 slides decodes in 0.5 s instead of 42 s of CPU, which the
    guests booting beside it need), else by the decoder below."""
    try:
        out = subprocess.run(["pngtopnm", path], check=True, capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return decode_png(path)
    return parse_ppm(out, path)


def decode_png(path):
    """8-bit RGB or RGBA PNGs, not interlaced, in Python alone."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise QemuError(f"{path}: not a PNG")
    pos, idat, w = 8, [], 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise QemuError(f"{path}: PNG kind not supported")
            bpp = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    raw = zlib.decompress(b"".join(idat))
    stride = w * bpp
    out = bytearray(w * h * 3)
    prev = bytearray(stride)
    for y in range(h):
        base = y * (stride + 1)
        ftype, line = raw[base], bytearray(raw[base + 1:base + 1 + stride])
        if ftype == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif ftype == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 255
        elif ftype == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif ftype == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        if bpp == 3:
            out[y * w * 3:(y + 1) * w * 3] = line
        else:
            row = out[y * w * 3:(y + 1) * w * 3]
            row[0::3], row[1::3], row[2::3] = line[0::4], line[1::4], line[2::4]
            out[y * w * 3:(y + 1) * w * 3] = row
    return w, h, bytes(out)


def similarity(a, b, tolerance=40, step=3):
    """Share of sampled pixels (every `step`th row and column) whose channels all lie within
    `tolerance` of each other: 1.0 for the same frame; a clock's digits or a progress bar cost
    a few per cent, another slide or a black screen most of it."""
    (wa, ha, pa), (wb, hb, pb) = a, b
    if (wa, ha) != (wb, hb):
        return 0.0
    same = total = 0
    for y in range(0, ha, step):
        row = y * wa * 3
        for x in range(0, wa, step):
            i = row + x * 3
            total += 1
            if (abs(pa[i] - pb[i]) <= tolerance and abs(pa[i + 1] - pb[i + 1]) <= tolerance
                    and abs(pa[i + 2] - pb[i + 2]) <= tolerance):
                same += 1
    return same / total if total else 0.0


def lit_share(img, threshold=24):
    """Share of pixels brighter than `threshold` in any channel (0 for a dark screen)."""
    w, h, p = img
    stride = 3 * 53  # a prime: the sample walks across columns instead of down a few of them
    lit = sum(1 for i in range(0, len(p) - 2, stride) if max(p[i], p[i + 1], p[i + 2]) > threshold)
    return lit / max(1, len(p) // stride)


class Vm:
    def __init__(self, workdir, name, arch, kernel, initrd, disk, vga, append, rtc, log):
        self.dir = os.path.join(workdir, name)
        os.makedirs(self.dir, exist_ok=True)
        self.name, self.log = name, log
        self.qmp_path = os.path.join(self.dir, "qmp.sock")
        self.probe_path = os.path.join(self.dir, "probe.sock")
        self.console = os.path.join(self.dir, "console.log")
        snapshot = ",snapshot=on" if disk.endswith(".img") else ""
        fmt = "raw" if disk.endswith(".img") else "qcow2"
        if arch == "arm64":
            # The Pi's architecture on QEMU's generic board: virtio-gpu as the only display.
            machine, console, display = ["qemu-system-aarch64", "-M", "virt"], "ttyAMA0", ["-device", "virtio-gpu-pci"]
        else:
            machine, console, display = ["qemu-system-x86_64"], "ttyS0", ["-vga", vga]
        args = machine + ["-m", "1024", "-smp", "1", "-no-user-config", "-nodefaults",
                          "-kernel", kernel, "-initrd", initrd,
                          "-append", f"root=/dev/vda rw console=tty1 console={console},115200 {append}",
                          "-drive", f"file={disk},format={fmt},if=virtio,cache=unsafe{snapshot}",
                          *display, "-nic", "none", "-display", "none",
                          "-device", "virtio-tablet-pci", "-device", "virtio-keyboard-pci",
                          "-rtc", f"base={rtc}",
                          "-serial", f"file:{self.console}",
                          "-device", "virtio-serial-pci",
                          "-chardev", f"socket,id=probe,path={self.probe_path},server=on,wait=off",
                          "-device", "virtserialport,chardev=probe,name=sf.probe",
                          "-qmp", f"unix:{self.qmp_path},server=on,wait=off"]
        # An arm64 guest is a Raspberry Pi 4's CPU (Cortex-A72, ARMv8.0): "max" would add pointer
        # authentication and SVE, which TCG emulates slowly and no Pi has.
        accels = [["-accel", "tcg,thread=multi", "-cpu", "cortex-a72" if arch == "arm64" else "max"]]
        if arch != "arm64" and os.access("/dev/kvm", os.W_OK):
            accels.insert(0, ["-accel", "kvm", "-cpu", "host"])
        self.started = time.monotonic()
        self.clock_offset = 0.0  # seconds the test moved the guest's clock
        self.proc = None
        for accel in accels:
            self.proc = subprocess.Popen(args + accel, stdout=subprocess.DEVNULL,
                                         stderr=open(os.path.join(self.dir, "qemu.log"), "ab"))
            if self._connect_qmp():
                self.accel = accel[1].split(",")[0]
                if self.accel == "tcg" or self._kvm_usable():
                    break
            self.kill()
        else:
            raise QemuError(f"{name}: QEMU did not start (see {self.dir}/qemu.log)")
        self.log(f"{name}: QEMU started ({self.accel}, {' '.join(display)})")
        # Connected before the guest boots: the chardev drops what the guest writes to nobody.
        self.probe = socket.socket(socket.AF_UNIX)
        self.probe.connect(self.probe_path)
        self.probe.settimeout(1)
        self.probe_buf = b""
        self.probe_ready = False

    def _connect_qmp(self):
        for _ in range(100):
            if self.proc.poll() is not None:
                return False
            try:
                s = socket.socket(socket.AF_UNIX)
                s.connect(self.qmp_path)
                self.qmp = s.makefile("rwb", buffering=0)
                json.loads(self.qmp.readline())
                self.command("qmp_capabilities")
                return True
            except (FileNotFoundError, ConnectionRefusedError):
                time.sleep(0.05)
            except (OSError, ValueError, QemuError):
                return False  # QEMU ended while we spoke (a KVM that cannot run this CPU)
        return False

    def _kvm_usable(self):
        # A nested KVM can start and then run the guest a thousand times too slowly: count
        # what the guest's clock managed in half a second of ours.
        time.sleep(3)
        with open(self.console, "rb") as f:
            return len(f.read()) > 0

    def command(self, name, **arguments):
        msg = {"execute": name}
        if arguments:
            msg["arguments"] = arguments
        self.qmp.write(json.dumps(msg).encode() + b"\n")
        while True:
            line = self.qmp.readline()
            if not line:
                raise QemuError(f"{self.name}: QMP closed")
            reply = json.loads(line)
            if "return" in reply:
                return reply["return"]
            if "error" in reply:
                raise QemuError(f"{self.name}: {name}: {reply['error'].get('desc')}")

    def screendump(self, path):
        self.command("screendump", filename=path)
        return read_ppm(path)

    def tap(self, x, y, width, height):
        """A finger on the virtio tablet: SDL takes its absolute axes as screen pixels. The
        position goes first and alone, then the button, so the press lands where it is meant."""
        def abs_event(axis, value):
            return {"type": "abs", "data": {"axis": axis, "value": int(value)}}
        self.command("input-send-event", events=[abs_event("x", x), abs_event("y", y)])
        time.sleep(0.3)
        for down in (True, False):
            self.command("input-send-event", events=[{"type": "btn", "data": {"button": "left", "down": down}}])
            time.sleep(0.15)

    def ask(self, question, timeout=30):
        """One question to the probe in the guest; returns its answer as a dict of lists."""
        deadline = time.monotonic() + timeout
        while not self.probe_ready:
            self._receive(deadline, question)
            if b"@@ready" in self.probe_buf:
                self.probe_buf = self.probe_buf.split(b"@@ready", 1)[1]
                self.probe_ready = True
        self.probe.sendall(question.encode() + b"\n")
        answer = {}
        while True:
            if b"@@end" in self.probe_buf:
                text, _, self.probe_buf = self.probe_buf.partition(b"@@end")
                for line in text.decode(errors="replace").splitlines():
                    key, sep, value = line.strip().partition("=")
                    if sep:
                        answer.setdefault(key, []).append(value)
                return answer
            self._receive(deadline, question)

    def _receive(self, deadline, question):
        if time.monotonic() > deadline:
            raise QemuError(f"{self.name}: the probe did not answer '{question}'")
        try:
            self.probe_buf += self.probe.recv(65536)
        except socket.timeout:
            pass

    def seconds(self):
        return time.monotonic() - self.started

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def power_cut(self):
        """QEMU ends at once: what the guest had not written to the disk is gone."""
        self.kill()


def write_png(path, img):
    """Saves a screendump as PNG (RGB, no filter), for the README and for looking at failures."""
    w, h, p = img
    raw = b"".join(b"\x00" + p[y * w * 3:(y + 1) * w * 3] for y in range(h))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
