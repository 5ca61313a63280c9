# The benchmark suite behind tests/bench/run.sh: Schaufenster and a Chromium kiosk side by side,
# cost against feed size, frame times and idle wake-ups, feed latency; one table and one JSON.
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request

import probe
import report

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.abspath(os.environ.get("BUILD", os.path.join(SOURCE, "build-bench")))
OUT = os.path.join(BUILD, "bench")
RUNS = int(os.environ.get("RUNS", "3"))
DURATION = float(os.environ.get("DURATION", "60"))
FRAME_SECONDS = int(os.environ.get("FRAME_SECONDS", "30"))
PARTS = os.environ.get("PARTS", "1234")
DISPLAY = int(os.environ.get("BENCH_DISPLAY", "87"))
PORT = int(os.environ.get("PORT", "8791"))
FLEET = os.environ.get("FLEET", "50 6").split()
BIN = os.path.join(BUILD, "app", "schaufenster")
FEED = os.path.join(HERE, "signage-feed.json")
CHROMIUM = "/usr/bin/chromium"

# The bench feed's rhythm: 11 slides of 8 s, each coming in over 1.5 s. The show clock starts 2 s
# into the first slide, so the first frame is at rest and slides change 6 s, 14 s, ... after launch.
PERIOD, FADE, CYCLE = 8.0, 1.5, 88
SHOW_ORIGIN = 6.0


def show_start():
    """A moment on the feed's event day, 2 s into the rotation's first slide (cycle = 88 s)."""
    base = int(datetime.datetime(2025, 3, 3, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1))).timestamp())
    t = base - base % CYCLE + 2
    return datetime.datetime.fromtimestamp(t, datetime.timezone(datetime.timedelta(hours=1))).isoformat()


# Probe points, chosen where only finished content has these colours: Chromium's are the page's
# CSS colours (header, page, side list, card); Schaufenster's are its background, two spots of the
# first spotlight's visual (dark and light end of its gradient) and the progress bar's accent.
CHROMIUM_POINTS = [((5, 5), 0x12355b), ((20, 150), 0x0f1724), ((1600, 1010), 0x1d2b3a), ((600, 1008), 0xf4f1ea)]
SCHAUFENSTER_POINTS = []  # filled from a reference frame by schaufenster_points()


def say(*a):
    print(*a, flush=True)


def fresh_dir(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def schaufenster_points(at):
    """Colours at fixed spots of the first frame, read from `schaufenster render` of that moment,
    so the probe waits for exactly what the screen must show."""
    png = os.path.join(OUT, "reference-1920x1080.png")
    subprocess.run([BIN, "render", "--feed", FEED, "--at", at, "--clock-seconds", "--size", "1920x1080", "-o", png],
                   check=True, stdout=subprocess.DEVNULL)
    pixels = report.read_png(png)
    spots = [(600, 1000), (1250, 1000), (1800, 1000), (100, 1078)]
    return [((x, y), pixels[y][x]) for x, y in spots]


def schaufenster_argv(rundir, at):
    config = os.path.join(rundir, "config.json")
    with open(config, "w") as f:
        json.dump({"feed": FEED, "transitionMs": int(FADE * 1000), "clockSeconds": True,
                   "cacheDir": os.path.join(rundir, "cache")}, f)
    return [BIN, "--config", config, "--at", at]


def chromium_argv(rundir):
    profile = fresh_dir(os.path.join(rundir, "profile"))
    return [CHROMIUM, "--kiosk", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-quic", f"--user-data-dir={profile}",
            f"http://127.0.0.1:{PORT}/index.html"]


def fresh_env(rundir):
    home = fresh_dir(os.path.join(rundir, "home"))
    return dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
                XDG_CACHE_HOME=os.path.join(home, ".cache"))


def one_run(name, program, duration):
    rundir = fresh_dir(os.path.join(OUT, "runs", name))
    display = probe.XDisplay(DISPLAY, 1920, 1080, rundir)
    try:
        env = fresh_env(rundir)
        if program == "schaufenster":
            r = probe.run(schaufenster_argv(rundir, show_start()), env, display, SCHAUFENSTER_POINTS, duration, rundir)
            origin = SHOW_ORIGIN
        else:
            r = probe.run(chromium_argv(rundir), env, display, CHROMIUM_POINTS, duration, rundir, marker=rundir)
            # The page's script starts its 8 s interval just before the first paint.
            origin = (r.get("first_content_s") or 0.5) + PERIOD
        r["quiet_wakeups_per_s"], r["quiet_windows"] = probe.quiet_rate(r["samples"], origin, r["duration_s"])
        r["quiet_main_thread_wakeups_per_s"], _ = probe.quiet_rate(r["samples"], origin, r["duration_s"], key="main_switches")
        s = r["samples"]
        r["wakeups_per_s_overall"] = (s[-1]["switches"] - s[0]["switches"]) / (s[-1]["t"] - s[0]["t"])
    finally:
        display.close()
        shutil.rmtree(os.path.join(rundir, "profile"), ignore_errors=True)
        shutil.rmtree(os.path.join(rundir, "home"), ignore_errors=True)
    with open(os.path.join(rundir, "run.json"), "w") as f:
        json.dump(r, f, indent=1)
    say(f"  {name}: first content {r.get('first_content_s')} s, PSS {r['pss_mib']:.1f} MiB, RSS {r['rss_mib']:.1f} MiB, "
        f"CPU {r['cpu_s']:.2f} s, quiet wake-ups {r['quiet_wakeups_per_s']}/s, {r['processes']} processes")
    del r["samples"]
    return r


def side_by_side():
    global SCHAUFENSTER_POINTS
    SCHAUFENSTER_POINTS = schaufenster_points(show_start())
    site = os.path.join(HERE, "signage")
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(PORT), "--bind", "127.0.0.1", "--directory", site],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/index.html", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        say("part 1: side by side, warm-up runs (not counted)")
        one_run("warmup-schaufenster", "schaufenster", 10)
        one_run("warmup-chromium", "chromium", 10)
        runs = {"schaufenster": [], "chromium": []}
        for i in range(1, RUNS + 1):
            for program in ("schaufenster", "chromium"):  # alternating, so drift hits both alike
                runs[program].append(one_run(f"{program}-{i}", program, DURATION))
    finally:
        server.terminate()
        server.wait(5)
    medians = {}
    for program, rs in runs.items():
        m = {}
        for key in ("first_content_s", "first_change_s", "pss_mib", "pss_peak_mib", "rss_mib", "cpu_s",
                    "quiet_wakeups_per_s", "quiet_main_thread_wakeups_per_s", "wakeups_per_s_overall", "processes",
                    "threads"):
            vals = [r[key] for r in rs if r.get(key) is not None]
            m[key] = statistics.median(vals) if vals else None
            m[key + "_range"] = [min(vals), max(vals)] if vals else None
        medians[program] = m
    return dict(runs=runs, median=medians, duration_s=DURATION, show_start=show_start(),
                probe_points={"schaufenster": [[p, hex(c)] for p, c in SCHAUFENSTER_POINTS],
                              "chromium": [[p, hex(c)] for p, c in CHROMIUM_POINTS]},
                sizes=report.installed_sizes(BUILD))


def callgrind_parse(index):
    out = os.path.join(OUT, f"callgrind.parse-{index}.out")
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--toggle-collect=sf::core::parseFeed*",
                    os.path.join(BUILD, "tests", "sf_bench_scaling"), "--parse-only", str(index)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out) as f:
        for line in f:
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    return None


def bench_player(args, env=None):
    out = os.path.join(OUT, "player.json")
    subprocess.run([os.path.join(BUILD, "tests", "sf_bench_player"), "--json", out] + args, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    with open(out) as f:
        return json.load(f)


def scaling():
    say("part 2: scaling with the feed (parse, memory, frames)")
    js = os.path.join(OUT, "scaling.json")
    subprocess.run([os.path.join(BUILD, "tests", "sf_bench_scaling"), "5", js], check=True, stdout=subprocess.DEVNULL)
    with open(js) as f:
        rows = json.load(f)
    feeds = fresh_dir(os.path.join(OUT, "feeds"))
    subprocess.run([os.path.join(BUILD, "tests", "sf_bench_scaling"), "--write-feeds", feeds], check=True)
    moments = ["2024-04-25T10:00:08+02:00", "2024-05-10T10:00:08+02:00", "2024-05-10T10:00:08+02:00"]
    for i, row in enumerate(rows):
        row["parse_instructions"] = callgrind_parse(i)
        # The kiosk loop on this feed, offscreen: its frames compose cached slides.
        row["kiosk"] = bench_player(["--seconds", "22", "--feed", os.path.join(feeds, f"feed-{i}.json"), "--at", moments[i]])
        say(f"  {row['feed']}: parse {row['parse_ms']:.2f} ms ({row['parse_instructions']:,} instructions), "
            f"heap {row['heap_mib']:.2f} MiB, kiosk frame p50 {row['kiosk']['transition']['p50_ms']:.2f} ms in transitions")
    return rows


def frame_times():
    say("part 3: frame times and idle wake-ups (X11 window on Xvfb, software renderer)")
    out = []
    for w, h in ((1920, 1080), (800, 480)):
        rundir = fresh_dir(os.path.join(OUT, "runs", f"frames-{w}x{h}"))
        display = probe.XDisplay(DISPLAY, w, h, rundir)
        try:
            js = os.path.join(rundir, "player.json")
            argv = [os.path.join(BUILD, "tests", "sf_bench_player"), "--x11", "--size", f"{w}x{h}", "--feed", FEED,
                    "--at", show_start(), "--transition-ms", str(int(FADE * 1000)), "--clock-seconds",
                    "--seconds", str(FRAME_SECONDS), "--json", js]
            r = probe.run(argv, fresh_env(rundir), display, None, FRAME_SECONDS - 0.5, rundir, wait_exit=True)
        finally:
            display.close()
        with open(js) as f:
            row = json.load(f)
        row["quiet_wakeups_per_s"], row["quiet_windows"] = probe.quiet_rate(r["samples"], SHOW_ORIGIN, r["duration_s"])
        row["quiet_main_thread_wakeups_per_s"], _ = probe.quiet_rate(r["samples"], SHOW_ORIGIN, r["duration_s"],
                                                                     key="main_switches")
        row["cpu_s_probe"] = r["cpu_s"]
        say(f"  {w}x{h}: transitions p50 {row['transition']['p50_ms']:.2f} / p99 {row['transition']['p99_ms']:.2f} / "
            f"max {row['transition']['max_ms']:.2f} ms, at rest p50 {row['rest']['p50_ms']:.2f} ms, "
            f"wake-ups between transitions {report._f(row['quiet_wakeups_per_s'])}/s")
        out.append(row)
    return out


def fade_frames():
    """A cross-fade frame's and a turned frame's cost alone: SDL's blitter against our own loops."""
    lines = []
    for size in ("1920x1080", "800x480"):
        p = subprocess.run([os.path.join(BUILD, "tests", "sf_bench_fade"), size], stdout=subprocess.PIPE, text=True, check=True)
        for line in p.stdout.strip().splitlines():
            lines.append(line)
            say("  " + line)
    return lines


def feed_latency():
    say(f"part 4: feed latency, {FLEET[0]} players, {FLEET[1]} publications")
    p = subprocess.run([os.path.join(BUILD, "tests", "sf_bench_fleet")] + FLEET, stdout=subprocess.PIPE, text=True)
    line = [x for x in p.stdout.splitlines() if x.startswith("{")]
    return json.loads(line[-1]) if line else {"error": p.stdout[-2000:]}


def main():
    os.makedirs(OUT, exist_ok=True)
    results = dict(machine=report.machine(), runs=RUNS, parts=PARTS)
    if "1" in PARTS:
        results["side_by_side"] = side_by_side()
    if "2" in PARTS:
        results["scaling"] = scaling()
    if "3" in PARTS:
        results["frames"] = frame_times()
        results["fade_frames"] = fade_frames()
    if "4" in PARTS:
        results["feed_latency"] = feed_latency()
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    table = report.markdown(results)
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write(table)
    print("\n" + table)
    print(f"written: {OUT}/results.json and results.md")


if __name__ == "__main__":
    main()
