# The one probe for every program in the benchmark: an Xvfb display with a window manager, a
# libX11 pixel probe for first content, and /proc readings summed over a program's process set.
import ctypes
import os
import signal
import struct
import subprocess
import threading
import time
import zlib

HZ = os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------- /proc
def read_stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        s = f.read()
    fl = s[s.rindex(")") + 2:].split()
    return dict(pid=int(pid), comm=s[s.index("(") + 1:s.rindex(")")], state=fl[0], ppid=int(fl[1]),
                sid=int(fl[3]), utime=int(fl[11]), stime=int(fl[12]), cutime=int(fl[13]),
                cstime=int(fl[14]), threads=int(fl[17]))


def process_set(sid, marker=None):
    """Every process in the program's session (it was started with setsid), every descendant,
    and processes whose command line holds `marker`: Chromium's crashpad handlers double-fork
    into sessions of their own and are found by their run directory only."""
    procs = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                procs[int(d)] = read_stat(d)
            except (OSError, IndexError, ValueError):
                pass
    keep = {p for p, st in procs.items() if st["sid"] == sid}
    if marker:
        mk = marker.encode()
        for p in procs:
            if p in keep or p == os.getpid():
                continue
            try:
                with open(f"/proc/{p}/cmdline", "rb") as f:
                    if mk in f.read():
                        keep.add(p)
            except OSError:
                pass
    grew = True
    while grew:
        grew = False
        for p, st in procs.items():
            if p not in keep and st["ppid"] in keep:
                keep.add(p)
                grew = True
    return [procs[p] for p in sorted(keep) if procs[p]["state"] != "Z"]


def _field_kib(path, key):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def thread_switches(pid, tid):
    """Voluntary + involuntary switches of one thread: each is one wake-up of that thread."""
    total = 0
    try:
        with open(f"/proc/{pid}/task/{tid}/status") as f:
            for line in f:
                if line.startswith(("voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:")):
                    total += int(line.split()[1])
    except OSError:
        pass
    return total


def context_switches(pid):
    """The same, summed over every thread of the process."""
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0
    return sum(thread_switches(pid, tid) for tid in tids)


def cpu_and_switches(procs):
    cpu = sum(st["utime"] + st["stime"] + st["cutime"] + st["cstime"] for st in procs) / HZ
    return cpu, sum(context_switches(st["pid"]) for st in procs)


def main_thread_switches(pid):
    """The count for a process's main thread alone (its thread id is the process id)."""
    return thread_switches(pid, pid)


def memory(procs):
    rss = sum(_field_kib(f"/proc/{st['pid']}/status", "VmRSS") for st in procs)
    pss = sum(_field_kib(f"/proc/{st['pid']}/smaps_rollup", "Pss") for st in procs)
    return dict(rss_mib=rss / 1024, pss_mib=pss / 1024, processes=len(procs),
                threads=sum(st["threads"] for st in procs))


# ---------------------------------------------------------------- X11
class _XImage(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int),
                ("bitmap_pad", ctypes.c_int), ("depth", ctypes.c_int),
                ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int)]


class XProbe:
    """Reads root-window pixels with XGetImage, as a camera in front of the screen would."""

    def __init__(self, display):
        x = ctypes.cdll.LoadLibrary("libX11.so.6")
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XGetImage.restype = ctypes.POINTER(_XImage)
        x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        x.XGetPixel.restype = ctypes.c_ulong
        x.XGetPixel.argtypes = [ctypes.POINTER(_XImage), ctypes.c_int, ctypes.c_int]
        x.XDestroyImage.argtypes = [ctypes.POINTER(_XImage)]
        x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.x = x
        self.d = x.XOpenDisplay(display.encode())
        if not self.d:
            raise RuntimeError("cannot open display " + display)
        self.root = x.XDefaultRootWindow(self.d)

    def pixel(self, px, py):
        img = self.x.XGetImage(self.d, self.root, px, py, 1, 1, 0xFFFFFFFF, 2)  # ZPixmap
        v = self.x.XGetPixel(img, 0, 0) & 0xFFFFFF
        self.x.XDestroyImage(img)
        return v

    def read(self, points):
        return [self.pixel(x, y) for (x, y), _ in points]

    def screenshot_png(self, path, width, height):
        """The whole root window as a PNG (24-bit TrueColor, 32 bits per pixel, BGRX)."""
        img = self.x.XGetImage(self.d, self.root, 0, 0, width, height, 0xFFFFFFFF, 2)
        im = img.contents
        raw = ctypes.string_at(im.data, im.bytes_per_line * height)
        self.x.XDestroyImage(img)
        rows = bytearray()
        for y in range(height):
            line = raw[y * im.bytes_per_line:y * im.bytes_per_line + width * 4]
            rgb = bytearray(width * 3)
            rgb[0::3], rgb[1::3], rgb[2::3] = line[2::4], line[1::4], line[0::4]
            rows += b"\0" + rgb

        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        with open(path, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                    + chunk(b"IDAT", zlib.compress(bytes(rows), 6)) + chunk(b"IEND", b""))

    @staticmethod
    def matches(value, want, tol=6):
        return all(abs(((value >> s) & 255) - ((want >> s) & 255)) <= tol for s in (0, 8, 16))

    def close(self):
        self.x.XCloseDisplay(self.d)


class XDisplay:
    """Xvfb at one size with matchbox (without a window manager a kiosk window cannot go full
    screen). Only the processes started here are stopped, each by its PID."""

    def __init__(self, number, width, height, log_dir):
        self.name, self.width, self.height = f":{number}", width, height
        if os.path.exists(f"/tmp/.X{number}-lock"):
            raise RuntimeError(f"display {self.name} is in use; set BENCH_DISPLAY to a free number")
        self.xvfb = subprocess.Popen(["Xvfb", self.name, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
                                     stdout=open(os.path.join(log_dir, "xvfb.log"), "w"), stderr=subprocess.STDOUT,
                                     start_new_session=True)
        for _ in range(200):
            try:
                XProbe(self.name).close()
                break
            except RuntimeError:
                time.sleep(0.05)
        else:
            raise RuntimeError("Xvfb did not start")
        self.wm = subprocess.Popen(["matchbox-window-manager", "-use_titlebar", "no"],
                                   env=dict(os.environ, DISPLAY=self.name),
                                   stdout=open(os.path.join(log_dir, "wm.log"), "w"), stderr=subprocess.STDOUT,
                                   start_new_session=True)
        time.sleep(0.5)

    def close(self):
        for p in (self.wm, self.xvfb):
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def stop(proc, sid, marker):
    """SIGTERM to the program, then SIGKILL to whatever of its set is left, each by PID."""
    try:
        proc.send_signal(signal.SIGTERM)
        proc.wait(10)
    except subprocess.TimeoutExpired:
        pass
    for st in process_set(sid, marker):
        try:
            os.kill(st["pid"], signal.SIGKILL)
        except ProcessLookupError:
            pass
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def quiet_rate(samples, origin, duration, period=8.0, fade=1.5, key="switches"):
    """Wake-ups per second in the stretches between slide changes: from 0.5 s after a fade ends
    to 1 s before the next change starts, from 10 s on. `origin`: a slide change (s after launch)."""
    def at(t):
        return min(samples, key=lambda s: abs(s["t"] - t))
    n = wakes = secs = 0
    k = -int(origin // period) - 2
    while True:
        a, b = origin + k * period + fade + 0.5, origin + (k + 1) * period - 1.0
        k += 1
        if a < 10:
            continue
        if b > duration - 0.5:
            break
        sa, sb = at(a), at(b)
        if sb["t"] > sa["t"]:
            wakes += sb[key] - sa[key]
            secs += sb["t"] - sa["t"]
            n += 1
    return (wakes / secs if secs else None), n


def run(argv, env, display, points, duration, rundir, marker=None, wait_exit=False):
    """Starts `argv` on `display`, times launch to first content (every probe point shows its
    colour; no timing without points), samples CPU and wake-ups every 0.25 s and memory at
    `duration`, then stops it (or, with `wait_exit`, lets it end by itself first)."""
    probe = XProbe(display.name)
    before = probe.read(points or [])
    if points and all(XProbe.matches(v, want) for v, (_, want) in zip(before, points)):
        raise RuntimeError("the probe points already show the content colours before launch")
    env = dict(env, DISPLAY=display.name)
    log = open(os.path.join(rundir, "program.log"), "w")
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    sid = proc.pid
    paint, done = {}, threading.Event()

    def watch():
        xp = XProbe(display.name)
        while not done.is_set() and time.monotonic() - t0 < 30:
            px = xp.read(points)
            t = time.monotonic() - t0
            if "first_change_s" not in paint and px != before:
                paint["first_change_s"] = t
            if all(XProbe.matches(v, want) for v, (_, want) in zip(px, points)):
                paint["first_content_s"] = t
                break
            time.sleep(0.02)
        xp.close()
    watcher = threading.Thread(target=watch, daemon=True)
    if points:
        watcher.start()

    samples, result = [], {}
    tick = 0
    while True:
        tick += 1
        target = t0 + tick * 0.25
        while time.monotonic() < target:
            time.sleep(max(0.0, min(0.05, target - time.monotonic())))
        procs = process_set(sid, marker)
        cpu, sw = cpu_and_switches(procs)
        t = time.monotonic() - t0
        samples.append(dict(t=round(t, 3), cpu_s=cpu, switches=sw, main_switches=main_thread_switches(sid)))
        if tick % 8 == 0 and t < duration:  # every 2 s: the highest PSS seen, as well as the one at the end
            result["pss_peak_mib"] = max(result.get("pss_peak_mib", 0), memory(procs)["pss_mib"])
        if t >= duration:
            result.update(memory(procs))
            result["pss_peak_mib"] = max(result.get("pss_peak_mib", 0), result["pss_mib"])
            break
    done.set()
    if points:
        watcher.join(2)
    probe.screenshot_png(os.path.join(rundir, "screen.png"), display.width, display.height)
    probe.close()
    if wait_exit:
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            pass
    stop(proc, sid, marker)
    log.close()
    result.update(paint)
    result["cpu_s"] = samples[-1]["cpu_s"]
    result["duration_s"] = samples[-1]["t"]
    result["samples"] = samples
    return result
