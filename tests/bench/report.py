# The benchmark's table: Markdown from results.json, the goals checked as ratios of the same run,
# and the helpers around it (installed sizes, the machine, reading a reference PNG).
import os
import platform
import struct
import subprocess
import zlib

GOALS = "PSS and CPU at most 1/10 of Chromium's, first content at least 5x sooner; idle under 2 wake-ups/s"


# ---------------------------------------------------------------- PNG (8-bit RGB/RGBA, as SDL_image writes)
def read_png(path):
    """Rows of 0xRRGGBB values."""
    with open(path, "rb") as f:
        data = f.read()
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError(f"{path}: only 8-bit RGB/RGBA without interlace is read here")
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, prev, rows = zlib.decompress(idat), width * bpp, bytearray(width * bpp), []
    for y in range(height):
        ftype, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([line[x * bpp] << 16 | line[x * bpp + 1] << 8 | line[x * bpp + 2] for x in range(width)])
        prev = line
    return rows


# ---------------------------------------------------------------- installed sizes
def _installed_kib(packages):
    """Installed-Size in KiB of each package: dpkg's figure where it is installed, apt's otherwise
    (one call each for all of them; several installed architectures count once)."""
    sizes = {}
    q = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Installed-Size}\n"] + list(packages),
                       capture_output=True, text=True)
    for line in q.stdout.splitlines():
        name, _, kib = line.partition(" ")
        if kib.strip().isdigit():
            sizes.setdefault(name, int(kib))
    missing = [p for p in packages if p not in sizes]
    if missing:
        s = subprocess.run(["apt-cache", "show", "--no-all-versions"] + missing, capture_output=True, text=True)
        name = None
        for line in s.stdout.splitlines():
            if line.startswith("Package:"):
                name = line.split()[1]
            elif line.startswith("Installed-Size:") and name:
                sizes.setdefault(name, int(line.split()[1]))
    return sum(sizes.get(p, 0) for p in packages)


def _closure(packages):
    """Every package reached through Depends/PreDepends, recursively (Recommends not followed)."""
    out = subprocess.run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts",
                          "--no-breaks", "--no-replaces", "--no-enhances"] + packages,
                         capture_output=True, text=True).stdout
    names = {line.strip().split(":")[0] for line in out.splitlines() if line and not line.startswith((" ", "<"))}
    return sorted(names)


def _owner(path):
    q = subprocess.run(["dpkg", "-S", os.path.realpath(path)], capture_output=True, text=True)
    if q.returncode != 0:
        q = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
    return q.stdout.split(":")[0].strip() if q.returncode == 0 else None


def installed_sizes(build):
    """Chromium: dpkg's Installed-Size of chromium + chromium-common. Schaufenster: what its package
    installs, staged with `cmake --install --strip` (the files CPack puts in the .deb), and the
    packages that own the libraries the binary links (what dpkg-shlibdeps makes its Depends) plus
    the package's fixed ones. Both also with the closure of their dependencies."""
    sizes = {}
    chromium = ["chromium", "chromium-common"]
    sizes["chromium_kib"] = _installed_kib(chromium)
    deps = _closure(chromium)
    sizes["chromium_with_deps_kib"] = _installed_kib(deps)
    sizes["chromium_deps_count"] = len(deps)
    stage = os.path.join(build, "bench", "install")
    subprocess.run(["rm", "-rf", stage], check=True)
    subprocess.run(["cmake", "--install", build, "--strip"], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, DESTDIR=stage))
    files = [os.path.join(d, f) for d, _, fs in os.walk(stage) for f in fs]
    sizes["schaufenster_kib"] = sum((os.path.getsize(f) + 1023) // 1024 for f in files)
    binary = os.path.join(build, "app", "schaufenster")
    ldd = subprocess.run(["ldd", binary], capture_output=True, text=True).stdout
    needed = [x.split()[1] for x in subprocess.run(["objdump", "-p", binary], capture_output=True, text=True).stdout.splitlines()
              if x.strip().startswith("NEEDED")]
    paths = [line.split("=>")[1].split("(")[0].strip() for line in ldd.splitlines()
             if "=>" in line and line.split("=>")[0].strip() in needed]
    direct = sorted({o for o in (_owner(p) for p in paths) if o} | {"fonts-inter", "tzdata", "ca-certificates", "adduser"})
    deps = _closure(direct)
    sizes["schaufenster_with_deps_kib"] = sizes["schaufenster_kib"] + _installed_kib(deps)
    sizes["schaufenster_deps_count"] = len(deps)
    sizes["schaufenster_depends"] = direct
    return sizes


def machine():
    cpu = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "chromium"], capture_output=True, text=True).stdout
    return dict(kernel=platform.release(), cpus=os.cpu_count(), cpu=cpu, chromium=version)


# ---------------------------------------------------------------- the table
def _f(v, fmt="{:.2f}"):
    return "n/a" if v is None else fmt.format(v)


def _range(m, key, fmt):
    r = m.get(key + "_range")
    return "" if not r or r[0] == r[1] else f" ({fmt.format(r[0])}–{fmt.format(r[1])})"


def side_by_side_table(sbs):
    s, c = sbs["median"]["schaufenster"], sbs["median"]["chromium"]
    lines = [f"**Side by side**: Xvfb 1920x1080, the same slides every 8 s with a 1.5 s fade, a clock with seconds and "
             f"an event list, median of {len(sbs['runs']['schaufenster'])} runs each, alternating, {sbs['duration_s']:.0f} s "
             "per run; all figures wall clock or kernel counters, summed over every process of the program.", "",
             "| metric | Schaufenster | Chromium kiosk | ratio | goal | met |", "|---|---|---|---|---|---|"]

    def row(name, key, fmt, unit, goal=None, better_low=True, ratio_kind="fraction"):
        a, b = s.get(key), c.get(key)
        ratio, met = "", ""
        if a and b:
            if ratio_kind == "faster":
                ratio = f"{b / a:.1f}x sooner"
            else:
                ratio = f"1/{b / a:.1f}"
            if goal:
                met = "yes" if goal(a, b) else "**no**"
        lines.append(f"| {name} | {_f(a, fmt)}{unit}{_range(s, key, fmt)} | {_f(b, fmt)}{unit}{_range(c, key, fmt)} "
                     f"| {ratio} | {goal.__doc__ if goal else ''} | {met} |")

    def first(a, b):
        """≥ 5x sooner"""
        return b / a >= 5

    def tenth(a, b):
        """≤ 1/10"""
        return a * 10 <= b
    row("launch → first content", "first_content_s", "{:.3f}", " s", first, ratio_kind="faster")
    row(f"PSS at {sbs['duration_s']:.0f} s", "pss_mib", "{:.1f}", " MiB", tenth)
    row(f"PSS, highest of the samples every 2 s", "pss_peak_mib", "{:.1f}", " MiB")
    row(f"RSS at {sbs['duration_s']:.0f} s (shared pages counted per process)", "rss_mib", "{:.1f}", " MiB")
    row(f"CPU over {sbs['duration_s']:.0f} s (start included)", "cpu_s", "{:.2f}", " s", tenth)
    qa, qb = s.get("quiet_wakeups_per_s"), c.get("quiet_wakeups_per_s")
    lines.append(f"| wake-ups/s between transitions | {_f(qa, '{:.2f}')}{_range(s, 'quiet_wakeups_per_s', '{:.2f}')} "
                 f"| {_f(qb, '{:.1f}')}{_range(c, 'quiet_wakeups_per_s', '{:.1f}')} | | < 2 | "
                 f"{'' if qa is None else 'yes' if qa < 2 else '**no**'} |")
    lines.append(f"| … of them in the main thread | {_f(s.get('quiet_main_thread_wakeups_per_s'), '{:.2f}')} "
                 f"| {_f(c.get('quiet_main_thread_wakeups_per_s'), '{:.1f}')} | | | |")
    lines.append(f"| wake-ups/s over the whole run | {_f(s.get('wakeups_per_s_overall'), '{:.1f}')} "
                 f"| {_f(c.get('wakeups_per_s_overall'), '{:.1f}')} | | | |")
    lines.append(f"| processes / threads | {s['processes']:.0f} / {s['threads']:.0f} | {c['processes']:.0f} / {c['threads']:.0f} | | | |")
    z = sbs.get("sizes") or {}
    if z:
        lines.append(f"| installed size: the package (Schaufenster: its files as the .deb installs them; Chromium: "
                     f"chromium + chromium-common) "
                     f"| {z['schaufenster_kib'] / 1024:.1f} MiB | {z['chromium_kib'] / 1024:.0f} MiB "
                     f"| 1/{z['chromium_kib'] / z['schaufenster_kib']:.0f} | | |")
        lines.append(f"| installed size with every dependency (Depends, recursively) "
                     f"| {z['schaufenster_with_deps_kib'] / 1024:.0f} MiB ({z['schaufenster_deps_count']} packages) "
                     f"| {z['chromium_with_deps_kib'] / 1024:.0f} MiB ({z['chromium_deps_count']} packages) "
                     f"| 1/{z['chromium_with_deps_kib'] / z['schaufenster_with_deps_kib']:.1f} | | |")
    return lines


def markdown(r):
    out = [f"Machine: {r['machine']['cpus']} cores ({r['machine']['cpu']}), kernel {r['machine']['kernel']}, "
           f"Chromium {r['machine']['chromium'] or 'not installed'}.", ""]
    if "side_by_side" in r:
        out += side_by_side_table(r["side_by_side"]) + [""]
    if "scaling" in r:
        out += ["**Scaling with the feed** (parse+validate: callgrind instruction count, stable, and the wall-clock "
                "median; the rest wall clock): heap held by the parsed feed; a full repaint of a slide at "
                "1920x1080 (what painting a slide into its layer costs); the kiosk loop's frames on that feed "
                "(22 s offscreen, p50).", "",
                "| feed | size | parse+validate | instructions | heap | repaint: slide / schedule | kiosk frame p50: "
                "transition / rest |", "|---|---|---|---|---|---|---|"]
        for x in r["scaling"]:
            k = x.get("kiosk", {})
            out.append(f"| {x['feed']} | {x['bytes'] / 1024:.0f} KiB | {x['parse_ms']:.1f} ms | "
                       f"{_f(x.get('parse_instructions'), '{:,}')} | {x['heap_mib']:.2f} MiB | "
                       f"{x['repaint_rotation_ms']:.1f} / {x['repaint_schedule_ms']:.1f} ms | "
                       f"{k.get('transition', {}).get('p50_ms', 0):.2f} / {k.get('rest', {}).get('p50_ms', 0):.2f} ms |")
        out.append("")
    if "frames" in r:
        out += ["**Frame times** of the kiosk loop (bench feed, X11 window on Xvfb, software renderer, wall clock "
                "per frame from the loop's hook) and wake-ups (context switches of all threads) between transitions.",
                "", "| screen | transition frames | p50 | p99 | max | at rest: frames, p50 | wake-ups/s between transitions "
                "(main thread) | CPU |", "|---|---|---|---|---|---|---|---|"]
        for x in r["frames"]:
            t, z = x["transition"], x["rest"]
            out.append(f"| {x['width']}x{x['height']} | {t['frames']} | {t['p50_ms']:.2f} ms | {t['p99_ms']:.2f} ms | "
                       f"{t['max_ms']:.2f} ms | {z['frames']}, {z['p50_ms']:.2f} ms | {_f(x.get('quiet_wakeups_per_s'))} "
                       f"({_f(x.get('quiet_main_thread_wakeups_per_s'))}) | "
                       f"{x['cpu_s']:.2f} s in {x['seconds']} s |")
        out.append("")
        for line in r.get("fade_frames", []):
            out.append(f"- {line[0].upper()}{line[1:]}")
        if r.get("fade_frames"):
            out.append("")
    if "feed_latency" in r:
        f = r["feed_latency"]
        if "p50" in f:
            out += [f"**Feed latency** (publish to screen, {f['players']} player processes polling one local HTTPS server "
                    f"every 5 s, wall clock): p50 {f['p50']:.2f} s, p99 {f['p99']:.2f} s, max {f['max']:.2f} s over "
                    f"{f['samples']} samples; the server answered {f['requestsPerSecond']:.1f} requests/s with "
                    f"{f['serverCpuPercent']:.1f} % of one core.", ""]
        else:
            out += ["**Feed latency**: the fleet benchmark failed; see results.json.", ""]
    return "\n".join(out) + "\n"
