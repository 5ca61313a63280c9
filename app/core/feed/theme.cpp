// Theme rules: how `theme` is read (faults are warnings, the built-in look stands in), the two
// palettes, and the contrast checks whose messages name the colour to change and one that passes.
#include "core/feed/theme.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/base/text_util.hpp"
#include "core/feed/color.hpp"

namespace sf::core {
namespace {

using nlohmann::json;

struct Hsl {
  double h = 0, s = 0, l = 0;
};

Hsl toHsl(Rgb c) {
  const double r = c.r / 255.0, g = c.g / 255.0, b = c.b / 255.0;
  const double mx = std::max({r, g, b}), mn = std::min({r, g, b});
  Hsl o;
  o.l = (mx + mn) / 2;
  const double d = mx - mn;
  if (d <= 0) return o;
  o.s = o.l > 0.5 ? d / (2 - mx - mn) : d / (mx + mn);
  if (mx == r) o.h = (g - b) / d + (g < b ? 6 : 0);
  else if (mx == g) o.h = (b - r) / d + 2;
  else o.h = (r - g) / d + 4;
  o.h /= 6;
  return o;
}

Rgb fromHsl(Hsl c) {
  auto channel = [](double p, double q, double t) {
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1.0 / 6) return p + (q - p) * 6 * t;
    if (t < 0.5) return q;
    if (t < 2.0 / 3) return p + (q - p) * (2.0 / 3 - t) * 6;
    return p;
  };
  double r = c.l, g = c.l, b = c.l;
  if (c.s > 0) {
    const double q = c.l < 0.5 ? c.l * (1 + c.s) : c.l + c.s - c.l * c.s, p = 2 * c.l - q;
    r = channel(p, q, c.h + 1.0 / 3);
    g = channel(p, q, c.h);
    b = channel(p, q, c.h - 1.0 / 3);
  }
  auto byte = [](double v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  return {byte(r), byte(g), byte(b)};
}

std::string ratioText(double r) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f:1", std::floor(r * 10) / 10);  // never rounds a fail up to a pass
  return buf;
}

std::string baseText(const Palette& p, ThemeBase base) { return std::string("the ") + baseName(base) + " base (" + hexColor(p.bg) + ")"; }

// An image in the format: a src string or {"src", "alt"}. Bad ones are left out with a warning.
std::string readImage(JsonReader& r, const json& v, const std::string& ptr, LocalText* alt) {
  const json* src = &v;
  std::string srcPtr = ptr;
  if (v.is_object()) {
    r.unknownKeys(v, ptr, {"src", "alt"});
    src = r.member(v, ptr, "src", false);
    srcPtr = ptr + "/src";
    if (const json* a = r.member(v, ptr, "alt", false); a && alt) *alt = r.text(a, ptr + "/alt", false);
    if (!src) {
      r.warn(ptr, "a logo needs \"src\"; no logo is drawn");
      return {};
    }
  }
  if (!src->is_string()) {
    r.warn(srcPtr, "expected an image: a src string or {\"src\": …, \"alt\": …}, found " + describeJson(*src) + "; no logo is drawn");
    return {};
  }
  const std::string& s = src->get_ref<const std::string&>();
  if (isWebUrl(s) || isSafeRelativePath(s)) return s;
  r.warn(srcPtr, "expected an https:// URL or a relative path inside the feed's folder (no \"..\", no leading \"/\"), found " +
                     quoteShort(s) + "; no logo is drawn");
  return {};
}

void readLogo(JsonReader& r, const json& v, Theme& t) {
  const std::string ptr = "/theme/logo";
  if (v.is_object() && (v.contains("light") || v.contains("dark"))) {
    r.unknownKeys(v, ptr, {"light", "dark", "alt"});
    if (const json* a = r.member(v, ptr, "alt", false)) t.logoAlt = r.text(a, ptr + "/alt", false);
    if (const json* l = r.member(v, ptr, "light", false)) t.logoLight = readImage(r, *l, ptr + "/light", &t.logoAlt);
    if (const json* d = r.member(v, ptr, "dark", false)) t.logoDark = readImage(r, *d, ptr + "/dark", &t.logoAlt);
    const bool light = t.base == ThemeBase::Light;
    if ((light ? t.logoLight : t.logoDark).empty() && !t.logo().empty())
      r.warn(ptr, std::string("no logo made for ") + baseName(t.base) + " backgrounds (\"" + baseName(t.base) + "\"); the " +
                      baseName(light ? ThemeBase::Dark : ThemeBase::Light) + " one is drawn on the " + baseName(t.base) +
                      " base: check that it reads there");
    return;
  }
  if (!v.is_string() && !v.is_object()) {
    r.warn(ptr, "expected an image (a src string or {\"src\": …, \"alt\": …}) or {\"light\": …, \"dark\": …}, found " + describeJson(v) +
                    "; no logo is drawn");
    return;
  }
  t.logoLight = t.logoDark = readImage(r, v, ptr, &t.logoAlt);
}

void readLabels(JsonReader& r, const json& v, Theme& t) {
  const std::string ptr = "/theme/labels";
  if (!v.is_object()) {
    r.warn(ptr, "expected an object such as {\"fields\": {\"de\": \"Hallen\", \"en\": \"Halls\"}}, found " + describeJson(v) +
                    "; the built-in words are used");
    return;
  }
  r.unknownKeys(v, ptr, {"fields", "field"});
  if (const json* f = r.member(v, ptr, "fields", false)) t.fieldsLabel = r.text(f, ptr + "/fields", false, 40);
  if (const json* f = r.member(v, ptr, "field", false)) t.fieldLabel = r.text(f, ptr + "/field", false, 40);
}

}  // namespace

const char* baseName(ThemeBase base) { return base == ThemeBase::Light ? "light" : "dark"; }

std::string hexColor(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
  return buf;
}

Theme readTheme(JsonReader& r, const json& root) {
  Theme t;
  const json* j = r.member(root, "", "theme", false);
  if (j && !j->is_object())
    r.warn("/theme", "expected an object such as {\"base\": \"light\", \"accent\": \"#0B5FA5\"}, found " + describeJson(*j) +
                         "; the built-in look is used");
  if (j && j->is_object()) {
    t.given = true;
    r.unknownKeys(*j, "/theme", {"base", "accent", "logo", "labels"});
    if (const json* b = r.member(*j, "/theme", "base", false)) {
      if (b->is_string() && *b == "light") t.base = ThemeBase::Light;
      else if (!(b->is_string() && *b == "dark"))
        r.warn("/theme/base", "expected \"dark\" or \"light\", found " + describeJson(*b) + "; the dark base is used");
    }
    if (const json* a = r.member(*j, "/theme", "accent", false)) {
      const auto c = a->is_string() ? parseHexColor(a->get_ref<const std::string&>()) : std::nullopt;
      if (c) t.accent = c;
      else r.warn("/theme/accent", "expected a colour as #RRGGBB, found " + describeJson(*a) + "; the built-in accent is used");
    }
    if (const json* l = r.member(*j, "/theme", "logo", false)) readLogo(r, *l, t);
    if (const json* l = r.member(*j, "/theme", "labels", false)) readLabels(r, *l, t);
  }
  t.palette = paletteFor(t);
  return t;
}

bool accentReadable(Rgb accent, Rgb bg) {
  return contrastRatio(accent, bg) >= kAccentOnBase && contrastRatio(readableTextOn(accent), accent) >= kTextOnAccent;
}

std::optional<Rgb> nearestPassing(Rgb c, const std::function<bool(Rgb)>& ok) {
  if (ok(c)) return c;
  const Hsl h = toHsl(c);
  for (int step = 1; step <= 200; ++step) {
    const double d = step * 0.005;
    for (const double l : {h.l + d, h.l - d}) {
      if (l < 0 || l > 1) continue;
      const Rgb cand = fromHsl({h.h, h.s, l});
      if (ok(cand)) return cand;
    }
  }
  return std::nullopt;
}

Rgb legibleOn(Rgb c, Rgb bg, double ratio) {
  return nearestPassing(c, [&](Rgb x) { return contrastRatio(x, bg) >= ratio; }).value_or(readableTextOn(bg));
}

Palette paletteFor(const Theme& theme) {
  Palette p = theme.base == ThemeBase::Light ? kLightPalette : kDarkPalette;
  if (theme.accent) {
    const Rgb bg = p.bg;
    p.accent = nearestPassing(*theme.accent, [&](Rgb x) { return accentReadable(x, bg); }).value_or(p.text);
    p.onAccent = readableTextOn(p.accent);
  }
  return p;
}

void checkTheme(const Feed& feed, Diagnostics& out) {
  const Theme& t = feed.theme;
  const Palette& p = t.palette;
  if (t.accent && !accentReadable(*t.accent, p.bg)) {
    const Rgb a = *t.accent, label = readableTextOn(a);
    report(out, Severity::Warning, "/theme/accent",
           "the accent " + hexColor(a) + " reaches " + ratioText(contrastRatio(a, p.bg)) + " on " + baseText(p, t.base) +
               " and its labels (" + hexColor(label) + ") " + ratioText(contrastRatio(label, a)) +
               " on it; text and marks in the accent and labels on accent buttons need 4.5:1 (WCAG AA): change /theme/accent, e.g. to " +
               hexColor(p.accent) + " (" + ratioText(contrastRatio(p.accent, p.bg)) + " on the base, labels " +
               ratioText(contrastRatio(p.onAccent, p.accent)) + "), which screens use until then");
  }
  if (!t.given) return;  // without a theme, field colours are checked as before (text on them)
  for (std::size_t i = 0; i < feed.fields.size(); ++i) {
    const Rgb c = feed.fields[i].color;
    const double ratio = contrastRatio(c, p.bg);
    if (ratio >= kGraphicOnBase) continue;
    const auto near = nearestPassing(c, [&](Rgb x) {
      return contrastRatio(x, p.bg) >= kGraphicOnBase && contrastRatio(readableTextOn(x), x) >= kWcagAaText;
    });
    std::string msg = "the field colour " + hexColor(c) + " reaches " + ratioText(ratio) + " on " + baseText(p, t.base) +
                      "; its tiles, pills and bars need 3:1 there (WCAG AA for graphics) or they fade into the background";
    if (near) msg += ": change it, e.g. to " + hexColor(*near) + " (" + ratioText(contrastRatio(*near, p.bg)) + ")";
    report(out, Severity::Warning, "/fields/" + std::to_string(i) + "/color", msg);
  }
}

}  // namespace sf::core
