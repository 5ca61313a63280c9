#!/usr/bin/env python3
# The system test's scenarios: each boots the image and checks, as assertions, what an installer
# and a visitor would see. `make-feeds` writes the test feeds; `run WORK BINARY` runs them all.
import base64
import datetime
import glob
import json
import os
import subprocess
import sys
import threading
import time
import zoneinfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vm import QemuError, Vm, lit_share, read_png, similarity, write_png  # noqa: E402

# Every boot starts its clock at 07:58 UTC today (the test feed's event day is moved to today):
# systemd moves a clock that is older than its own release forward, so a fixed date in the past
# would not hold. The offline scenario's off period is the minute from 12:00 in Berlin; the test
# moves the guest's clock into it and out again, so no boot has to wait for it however slow.
RTC_BASE = datetime.datetime.now(datetime.timezone.utc).replace(hour=7, minute=58, second=0, microsecond=0)
OFF_PERIOD = ("12:00", "12:01")
OFF_UTC = datetime.datetime.combine(RTC_BASE.date(), datetime.time(12, 0),
                                    zoneinfo.ZoneInfo("Europe/Berlin")).astimezone(datetime.timezone.utc)
EVENT_DAY = "2024-06-15"
SAME = 0.93       # a frame this close to a reference shows that slide (a clock's digits differ)


def make_feeds(example, out):
    os.makedirs(out, exist_ok=True)
    with open(example) as f:
        text = f.read()
    day = datetime.date.fromisoformat(EVENT_DAY)
    for shift in (-1, 0, 1):  # the day before (when it was made), the event day, the day after
        text = text.replace(str(day + datetime.timedelta(days=shift)), str(RTC_BASE.date() + datetime.timedelta(days=shift)))
    feed = json.loads(text)
    for p in feed.get("projects", []):
        p.pop("image", None)  # no image server in the guest; the generated visual shows instead
    feed.pop("announcements", None)  # an urgent message would rightly keep the off period light
    feeds = {}
    for rev, title in ((1, "Systemtest Revision 1"), (2, "Systemtest Revision 2")):
        f = dict(feed, id="system-test", revision=rev, title={"de": title, "en": title})
        f["fields"] = [dict(fd, color="#1565C0" if rev == 1 else "#2E7D32") for fd in feed["fields"]]
        feeds[rev] = f
        with open(os.path.join(out, f"feed-v{rev}.json"), "w") as fh:
            json.dump(f, fh, ensure_ascii=False, indent=1)
    # The player's cache envelope, as an earlier run at this screen would have left it.
    envelope = {"url": "http://127.0.0.1:8080/feed.json", "etag": "", "lastModified": "", "signature": "",
                "feed": json.dumps(feeds[1], ensure_ascii=False)}
    with open(os.path.join(out, "cache-v1.json"), "w") as fh:
        json.dump(envelope, fh, ensure_ascii=False)


class Run:
    def __init__(self, work, binary, arch):
        self.work, self.binary, self.arch = work, binary, arch
        self.failures, self.figures = [], {}
        self.lock = threading.Lock()
        self.refs, self.making = {}, {}
        # An arm64 guest is emulated instruction by instruction (TCG, no KVM for another
        # architecture): on this 2-core machine, beside other builds, its boot to the unit took
        # 106 s alone and more than 480 s with the second guest beside it. So arm64 runs its
        # guests one after the other and waits twice as long for each step.
        self.patience = 2 if arch == "arm64" else 1

    def log(self, msg):
        with self.lock:
            print(msg, flush=True)

    def check(self, scenario, ok, what):
        self.log(f"  {'ok' if ok else 'FAILED'}: {scenario}: {what}")
        if not ok:
            with self.lock:
                self.failures.append(f"{scenario}: {what}")
        return ok

    def references(self, feed, size, at):
        """Every slide of the rotation at `at`, drawn offscreen by the package's own binary."""
        key = (feed, size, at.strftime("%H"))
        with self.lock:
            if key in self.refs:
                return self.refs[key]
            making = self.making.setdefault(key, threading.Lock())
        with making:  # one thread draws a set; the others wait for it
            with self.lock:
                if key in self.refs:
                    return self.refs[key]
            return self._draw_references(key, feed, size, at)

    def _draw_references(self, key, feed, size, at):
        out = os.path.join(self.work, "refs", f"{os.path.basename(feed)}-{size}-{at:%H}")
        os.makedirs(out, exist_ok=True)
        env = dict(os.environ, SDL_VIDEODRIVER="offscreen")
        subprocess.run([self.binary, "preview", feed, "--at", at.strftime("%Y-%m-%dT%H:%M:%SZ"), "--sizes", size,
                        "-o", out], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        refs = [(os.path.basename(p), read_png(p)) for p in sorted(glob.glob(f"{out}/{size}-*.png"))]
        with self.lock:
            self.refs[key] = refs
        return refs

    def render(self, view, size, extra=()):
        out = os.path.join(self.work, "refs", f"{view}-{size}.png")
        env = dict(os.environ, SDL_VIDEODRIVER="offscreen")
        at = self.guest_time(None).strftime("%Y-%m-%dT%H:%M:%SZ")
        res = subprocess.run([self.binary, "render", "--view", view, "--size", size, "--at", at, "--targets", "-o", out,
                              *extra], check=True, capture_output=True, text=True, env=env)
        targets = [line.split()[1:] for line in res.stdout.splitlines() if line.startswith("target ")]
        return read_png(out), targets

    @staticmethod
    def guest_time(vm):
        return RTC_BASE + datetime.timedelta(seconds=vm.seconds() + vm.clock_offset if vm else 0)

    def set_clock(self, vm, when):
        vm.ask("clock " + when.strftime("%Y-%m-%d %H:%M:%S"))
        vm.clock_offset = (when - RTC_BASE).total_seconds() - vm.seconds()

    def wait_content(self, vm, scenario, feed, timeout, label, accept_dark=False):
        """Screendumps until one matches a slide of `feed` (the guest's clock picks the slide);
        returns (seconds since power-on, score, slide) or None."""
        best, shot = (0.0, "none"), os.path.join(vm.dir, f"{label}.ppm")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            img = vm.screendump(shot)
            size = f"{img[0]}x{img[1]}"
            if lit_share(img) > 0.05:
                # A coarse look at every slide, then a close one at the likeliest few.
                refs = self.references(feed, size, self.guest_time(vm))
                coarse = sorted(((similarity(img, ref, step=17), name, ref) for name, ref in refs), reverse=True)
                for _, name, ref in coarse[:3]:
                    score = similarity(img, ref)
                    best = max(best, (score, name))
                    if score >= SAME:
                        return vm.seconds(), score, name, img
            time.sleep(0.5)
        self.log(f"  {scenario}: closest to a slide: {best[0]:.3f} ({best[1]}); last screendump {shot}")
        return None

    def wait_dark(self, vm, timeout, label):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if lit_share(vm.screendump(os.path.join(vm.dir, f"{label}.ppm"))) < 0.01:
                return vm.seconds()
            time.sleep(0.5)
        return None

    def boot(self, name, disk, vga, scenario=""):
        append = "quiet systemd.show_status=0"
        if scenario:
            append += f" sf.scenario={scenario} sf.off={OFF_PERIOD[0]}-{OFF_PERIOD[1]}"
        return Vm(self.work, name, self.arch, os.path.join(self.work, "vmlinuz"), os.path.join(self.work, "initrd.img"), disk,
                  vga, append, RTC_BASE.strftime("%Y-%m-%dT%H:%M:%S"), self.log)

    def unit_checks(self, s, vm, state):
        one = lambda k: (state.get(k) or [""])[0]  # noqa: E731
        self.check(s, one("enabled") == "enabled", f"the package enabled the unit (is-enabled: {one('enabled')})")
        self.check(s, one("active") == "active", f"the unit is active ({one('active')})")
        self.check(s, one("user") == "schaufenster", f"the player runs as schaufenster ({one('user')})")
        self.check(s, one("tty") == "/dev/tty1", f"on tty1 ({one('tty')})")
        self.check(s, one("nonewprivs") == "1" and one("capeff") == "0000000000000000"
                   and one("rootmount").startswith("ro"),
                   f"sandboxed (NoNewPrivs {one('nonewprivs')}, CapEff {one('capeff')}, / {one('rootmount')})")
        log = state.get("log", [])
        display = [line for line in log if "display:" in line]
        self.check(s, any("KMS/DRM" in line for line in display), f"drives KMS/DRM itself ({display[-1:]})")
        bad = [line for line in log if any(w in line.lower() for w in ("error", "fail", "could not", "cannot",
                                                                         "invalid", "not set", "warning"))]
        self.check(s, not bad, f"no error in the journal ({bad[:3]})")
        return display[-1] if display else ""

    def timing(self, vm, seen, state):
        """Power-on and unit start to first content, in the guest's own time: the unit's start
        (monotonic, from systemd) plus the player's "first frame on screen N ms after start".
        `seen` is when the host's screendumps first matched, which adds their own latency."""
        started = int(state["started"][0]) / 1e6
        frames = [line for line in state.get("log", []) if "first frame on screen" in line]
        first_ms = int(frames[0].split("first frame on screen ")[1].split()[0]) if frames else None
        return {"unit_start_s": round(started, 1),
                "player_first_frame_ms": first_ms,
                "power_on_to_content_s": round(started + first_ms / 1000, 1) if first_ms is not None else None,
                "screendump_match_s": round(seen, 1)}

    def first_content(self, vm, s, feed, label, what):
        """Waits for `feed` on the screen, records the timings and the screendump, and checks the
        unit. Returns (screendump, the display line, the probe's state) or None."""
        seen = self.wait_content(vm, s, feed, 480 * self.patience, label)
        if not self.check(s, seen is not None, what):
            self.log("\n".join("    " + line for line in vm.ask("state").get("log", [])))
            return None
        state = vm.ask("state")
        self.figures[s] = dict(self.timing(vm, seen[0], state), match=round(seen[1], 3), slide=seen[2], accel=vm.accel)
        self.log(f"  {s}: {json.dumps(self.figures[s])}")
        write_png(os.path.join(self.work, f"{s}-{label}.png"), seen[3])
        display = self.figures[s]["display"] = self.unit_checks(s, vm, state)
        return seen[3], display, state

    def scenario_gpu(self):
        """-vga virtio: a render node. The package as installed, playing the built-in feed."""
        s = "virtio-gpu"
        vm = self.boot(s, os.path.join(self.work, "disk.img"), "virtio")
        try:
            first = self.first_content(vm, s, "embedded", "first-content",
                                       "first content on the screen matches an offscreen render")
            if not first:
                return
            shot, display, state = first
            # A render node: OpenGL ES where Mesa has a hardware driver for it (a Pi's v3d). QEMU's
            # virtio-gpu without 3D has none, so Mesa offers only llvmpipe: there the player must
            # say so and draw on the CPU itself.
            cpu_gl = [line for line in state.get("log", []) if "no hardware OpenGL ES" in line]
            self.check(s, "opengles2 renderer on the GPU" in display or ("dumb buffers" in display and cpu_gl),
                       f"a render node: OpenGL ES on a hardware driver, else the CPU path with the reason ({cpu_gl[:1]})")
            status = (state.get("status") or [""])[0]
            self.check(s, status.startswith("{") and json.loads(status).get("origin") == "embedded",
                       f"status.json says what plays ({status[:80]})")

            # A visitor taps "Entdecken": the fields of action appear, titles and all.
            w, h = shot[0], shot[1]
            fields, _ = self.render("fields", f"{w}x{h}")
            _, targets = self.render("spotlight", f"{w}x{h}")
            explore = [t for t in targets if t[0] == "browse-fields"]
            if self.check(s, bool(explore), "the spotlight has an Entdecken button"):
                x, y, tw, th = (float(v) for v in explore[0][2:6])
                vm.tap(x + tw / 2, y + th / 2, w, h)
                score, deadline = 0.0, time.monotonic() + 20
                while time.monotonic() < deadline and score < SAME:
                    time.sleep(1)
                    score = similarity(vm.screendump(os.path.join(vm.dir, "after-tap.ppm")), fields)
                self.figures[s]["fields_match"] = round(score, 3)
                write_png(os.path.join(self.work, f"{s}-after-tap.png"), vm.screendump(os.path.join(vm.dir, "after-tap.ppm")))
                self.check(s, score >= SAME, f"a tap on Entdecken shows the whole fields view (similarity {score:.3f})")

            # A hung player: the watchdog restarts it and content comes back.
            vm.ask("stop")
            hung = vm.seconds()
            back, deadline = None, time.monotonic() + 90 * self.patience
            while time.monotonic() < deadline:
                time.sleep(2)
                st = vm.ask("state")
                if int((st.get("restarts") or ["0"])[0]) >= 1 and st.get("active") == ["active"]:
                    back = self.wait_content(vm, s, "embedded", 60 * self.patience, "after-watchdog")
                    break
            self.check(s, back is not None, "after SIGSTOP the watchdog restarts the player and content is back")
            if back:
                self.figures[s]["watchdog_back_s"] = round(back[0] - hung, 1)
        finally:
            vm.kill()

    def scenario_offline(self):
        """-vga std: no render node, so the CPU path. No feed server at boot: the cache plays; the
        off period darkens the screen and ends; a power cut while revision 2 arrives."""
        s = "std-vga-offline"
        overlay = os.path.join(self.work, "powercut.qcow2")
        subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", "-b", os.path.join(self.work, "disk.img"), "-F", "raw",
                        overlay], check=True)
        feeds = os.path.join(self.work, "feeds")
        vm = self.boot(s, overlay, "std", "offline")
        try:
            first = self.first_content(vm, s, os.path.join(feeds, "feed-v1.json"), "cached-content",
                                       "with no feed server the cached revision 1 plays")
            if not first:
                return
            _, display, _ = first
            if self.arch == "amd64":
                self.check(s, "dumb buffers" in display, "without a render node the CPU draws into dumb buffers")
            self.set_clock(vm, OFF_UTC + datetime.timedelta(seconds=5))
            dark = self.wait_dark(vm, 30 * self.patience, "off-period")
            self.check(s, dark is not None, f"the off period {OFF_PERIOD[0]}–{OFF_PERIOD[1]} darkens the screen")
            self.set_clock(vm, OFF_UTC + datetime.timedelta(seconds=65))
            back = self.wait_content(vm, s, os.path.join(feeds, "feed-v1.json"), 60 * self.patience, "after-off")
            self.check(s, back is not None, "content is back when the off period ends")

            # Revision 2 appears on the feed server; the moment the player has fetched it (and
            # writes its cache), the power goes.
            vm.ask("serve-v2")
            fetched = vm.ask("await-fetch", timeout=120 * self.patience)
            vm.power_cut()
            self.check(s, (fetched.get("fetched") or ["0"])[0] != "0", "the player fetched revision 2 when it appeared")
        finally:
            vm.kill()

        s = "after-power-cut"
        vm = self.boot(s, overlay, "virtio")
        try:
            cache = base64.b64decode((vm.ask("cache", timeout=480 * self.patience).get("cache") or [""])[0])
            whole, revision = False, None
            try:
                envelope = json.loads(cache)
                revision = json.loads(envelope["feed"])["revision"]
                whole = revision in (1, 2)
            except (ValueError, KeyError, TypeError):
                pass
            self.check(s, whole, f"the cache is whole after the power cut (revision {revision})")
            found = self.wait_content(vm, s, os.path.join(feeds, f"feed-v{revision or 1}.json"), 300 * self.patience, "content")
            self.check(s, found is not None, f"revision {revision} plays after the power cut")
            self.figures[s] = {"cache_revision": revision}
        finally:
            vm.kill()

    def prepare_references(self):
        """Draws the likely references while the guests boot (QEMU's screens start at 1280x800)."""
        for at in (RTC_BASE + datetime.timedelta(minutes=4), RTC_BASE):
            for feed in (os.path.join(self.work, "feeds", "feed-v1.json"), "embedded"):
                self.references(feed, "1280x800", at)

    def run(self):
        threading.Thread(target=self.prepare_references, daemon=True).start()
        threads = [threading.Thread(target=self.guard, args=(f,)) for f in (self.scenario_gpu, self.scenario_offline)]
        for t in threads:
            t.start()
            if self.arch == "arm64":
                t.join()  # one emulated guest at a time (see self.patience)
        for t in threads:
            t.join()
        print("figures: " + json.dumps(self.figures), flush=True)
        with open(os.path.join(self.work, "figures.json"), "w") as f:
            json.dump(self.figures, f, indent=1)
        if self.failures:
            print(f"{len(self.failures)} failed:\n  " + "\n  ".join(self.failures))
        return 1 if self.failures else 0

    def guard(self, fn):
        try:
            fn()
        except (QemuError, OSError, subprocess.CalledProcessError) as e:
            self.check(fn.__name__, False, f"{type(e).__name__}: {e}")


if __name__ == "__main__":
    if sys.argv[1] == "make-feeds":
        make_feeds(sys.argv[2], sys.argv[3])
    else:
        sys.exit(Run(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "amd64").run())
