// Text exposition of the fleet's series. Names end in their base unit (seconds, bytes, celsius)
// as `promtool check metrics` expects, and every text from a report is escaped for its place.
#include "core/show/fleet_metrics.hpp"

#include <cmath>
#include <cstdio>

#include "core/base/text_util.hpp"

namespace sf::core {

std::string promLabelValue(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    const std::size_t bad = firstInvalidUtf8(s);
    const std::string_view good = s.substr(0, bad == std::string_view::npos ? s.size() : bad);
    for (char c : good) {
      if (c == '\\') out += "\\\\";
      else if (c == '"') out += "\\\"";
      else if (c == '\n') out += "\\n";
      else out += c;
    }
    if (bad == std::string_view::npos) break;
    out += "\xEF\xBF\xBD";
    s.remove_prefix(bad + 1);
  }
  return out;
}

std::string promNumber(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[40];
  if (v == std::floor(v) && std::fabs(v) < 9.0e15) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

void PromText::family(std::string_view name, std::string_view help, std::string_view type) {
  // HELP text escapes backslash and line feed (our texts are constants, but stay correct).
  out_ += "# HELP ";
  out_ += name;
  out_ += ' ';
  for (char c : help) {
    if (c == '\\') out_ += "\\\\";
    else if (c == '\n') out_ += "\\n";
    else out_ += c;
  }
  out_ += "\n# TYPE ";
  out_ += name;
  out_ += ' ';
  out_ += type;
  out_ += '\n';
}

void PromText::sample(std::string_view name, const PromLabels& labels, double value) {
  out_ += name;
  if (!labels.empty()) {
    out_ += '{';
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (i) out_ += ',';
      out_ += labels[i].first;
      out_ += "=\"";
      out_ += promLabelValue(labels[i].second);
      out_ += '"';
    }
    out_ += '}';
  }
  out_ += ' ';
  out_ += promNumber(value);
  out_ += '\n';
}

namespace {

template <class T>
std::optional<double> maybe(const std::optional<T>& v) {
  if (!v) return std::nullopt;
  return static_cast<double>(*v);
}

constexpr ScreenSeries kSeries[] = {
    {"schaufenster_screen_revision", "The revision of the feed the screen plays.",
     [](const ScreenReport& r) -> std::optional<double> { return static_cast<double>(r.revision); }},
    {"schaufenster_screen_content_age_seconds", "Seconds since the playing feed was generated.",
     [](const ScreenReport& r) { return maybe(r.contentAgeSeconds); }},
    {"schaufenster_screen_fault", "1 while the screen has a fault (feed unreachable, invalid, cache not writable), else 0.",
     [](const ScreenReport& r) -> std::optional<double> { return r.fault.empty() ? 0 : 1; }},
    {"schaufenster_screen_dark", "1 while the screen is dark by its schedule, else 0.",
     [](const ScreenReport& r) -> std::optional<double> { return r.dark ? 1 : 0; }},
    {"schaufenster_screen_uptime_seconds", "Seconds since the player started.",
     [](const ScreenReport& r) -> std::optional<double> { return static_cast<double>(r.uptimeSeconds); }},
    {"schaufenster_screen_frames_per_second", "Frames drawn per second (low while nothing moves).",
     [](const ScreenReport& r) -> std::optional<double> { return r.framesPerSecond; }},
    {"schaufenster_screen_slowest_frame_seconds", "The longest frame since the previous report.",
     [](const ScreenReport& r) -> std::optional<double> { return r.slowestFrameMs / 1000.0; }},
    {"schaufenster_screen_free_disk_bytes", "Free bytes on the file system of the screen's state folder.",
     [](const ScreenReport& r) { return maybe(r.freeDiskBytes); }},
    {"schaufenster_screen_temperature_celsius", "SoC temperature (Raspberry Pi).",
     [](const ScreenReport& r) { return r.temperatureC; }},
    {"schaufenster_screen_throttled", "The firmware's get_throttled bits (Raspberry Pi): 0 is fine.",
     [](const ScreenReport& r) { return maybe(r.throttled); }},
};

}  // namespace

std::span<const ScreenSeries> screenSeries() { return kSeries; }

void appendScreenInfo(PromText& out, const std::vector<const ScreenReport*>& reports) {
  out.family("schaufenster_screen_info", "Always 1: the screen's package version and the feed it plays, as labels.");
  for (const ScreenReport* r : reports)
    out.sample("schaufenster_screen_info", {{"screen", r->screen}, {"version", r->version}, {"feed", r->feedId}}, 1);
}

std::string screenMetricsText(const ScreenReport& r) {
  PromText out;
  for (const ScreenSeries& s : kSeries) {
    const std::optional<double> v = s.value(r);
    if (!v) continue;
    out.family(s.name, s.help);
    out.sample(s.name, {{"screen", r.screen}}, *v);
  }
  appendScreenInfo(out, {&r});
  return out.text();
}

}  // namespace sf::core
