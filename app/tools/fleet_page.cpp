// The fleet page: one card per screen, problems first, rendered on the server with every report
// text escaped. Plain HTML and CSS, no script and nothing from elsewhere; it reloads itself.
#include <cstdio>

#include "fleet_view.hpp"

namespace sf::tools {
namespace {

constexpr const char* kStyle = R"CSS(
:root{color-scheme:light;--ink:#1b1f24;--muted:#5b6470;--line:#d9dee4;--bg:#f4f6f8;
--up:#1f7a3d;--fault:#b3261e;--offline:#6b1d9a;--behind:#9a5b00;--dark:#3d4a5c}
*{box-sizing:border-box}
body{margin:0;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
header{padding:16px 20px 8px}
h1{font-size:1.4rem;margin:0 0 4px}
.summary{color:var(--muted);margin:0}
.summary b{color:var(--ink)}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(290px,1fr));gap:12px;padding:12px 20px}
.card{background:#fff;border:1px solid var(--line);border-left:6px solid var(--up);border-radius:8px;padding:12px 14px;min-width:0}
.card.fault{border-left-color:var(--fault)}.card.offline{border-left-color:var(--offline)}
.card.behind{border-left-color:var(--behind)}.card.dark{border-left-color:var(--dark)}
.top{display:flex;justify-content:space-between;align-items:baseline;gap:8px}
h2{font-size:1.1rem;margin:0;overflow-wrap:anywhere}
.badge{flex:none;font-size:.8rem;font-weight:600;color:#fff;background:var(--up);border-radius:999px;padding:2px 10px;text-transform:uppercase;letter-spacing:.03em}
.fault .badge{background:var(--fault)}.offline .badge{background:var(--offline)}.behind .badge{background:var(--behind)}.dark .badge{background:var(--dark)}
.where{color:var(--muted);margin:2px 0 8px;overflow-wrap:anywhere}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:0}
dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
.problem{color:var(--fault);font-weight:600}
section{padding:4px 20px 24px}
h3{font-size:1rem;margin:8px 0}
ol{list-style:none;padding:0;margin:0;font-size:.9rem}
li{padding:3px 0;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
time{color:var(--muted);margin-right:6px}
.empty{padding:24px 20px;color:var(--muted)}
.shot{margin:8px 0 10px;aspect-ratio:16/9;background:#111820;border-radius:4px;overflow:hidden;display:flex;align-items:center;justify-content:center}
.shot img{display:block;width:100%;height:100%;object-fit:contain}
.shot span{color:#aab4c0;font-size:.85rem;padding:8px;text-align:center}
)CSS";

std::string ago(std::int64_t s) {
  char buf[48];
  if (s < 120) std::snprintf(buf, sizeof buf, "%lld s ago", static_cast<long long>(s < 0 ? 0 : s));
  else if (s < 7200) std::snprintf(buf, sizeof buf, "%lld min ago", static_cast<long long>(s / 60));
  else if (s < 172800) std::snprintf(buf, sizeof buf, "%lld h ago", static_cast<long long>(s / 3600));
  else std::snprintf(buf, sizeof buf, "%lld days ago", static_cast<long long>(s / 86400));
  return buf;
}

std::string duration(std::int64_t s) {
  char buf[48];
  if (s < 3600) std::snprintf(buf, sizeof buf, "%lld min", static_cast<long long>(s / 60));
  else if (s < 172800) std::snprintf(buf, sizeof buf, "%lld h", static_cast<long long>(s / 3600));
  else std::snprintf(buf, sizeof buf, "%lld days", static_cast<long long>(s / 86400));
  return buf;
}

std::string list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

void row(std::string& out, const char* name, const std::string& value, bool problem = false) {
  out += "<dt>";
  out += name;
  out += "</dt><dd";
  out += problem ? " class=\"problem\">" : ">";
  out += escapeHtml(value) + "</dd>";
}

// The latest screenshot in a 16:9 box (a portrait screen's shows whole, with bars), or a note
// in the same box, so cards line up whether or not a screen has sent one.
void screenshot(std::string& out, const ScreenView& v) {
  out += "<figure class=\"shot\">";
  if (const auto& shot = v.row.shot) {
    std::string when = core::formatInstant(shot->at, core::TimeZone::utc()).substr(0, 16);
    when[10] = ' ';
    out += "<img src=\"" + escapeHtml(shotUrl(*shot)) + "\" width=\"" + std::to_string(shot->width) + "\" height=\"" +
           std::to_string(shot->height) + "\" alt=\"What " + escapeHtml(v.row.report.screen) + " showed at " + when +
           " UTC\" title=\"" + when + " UTC\" loading=\"lazy\">";
  } else {
    out += "<span>No screenshot yet</span>";
  }
  out += "</figure>";
}

void card(std::string& out, const ScreenView& v) {
  const core::ScreenReport& r = v.row.report;
  out += "<article class=\"card " + v.state + "\"><div class=\"top\"><h2>" + escapeHtml(r.screen) + "</h2><span class=\"badge\">" +
         v.state + "</span></div>";
  screenshot(out, v);
  std::string where = list(r.groups);
  if (!r.rooms.empty()) where += (where.empty() ? "" : " · ") + std::string("room ") + list(r.rooms);
  out += "<p class=\"where\">" + (where.empty() ? std::string("no group") : escapeHtml(where)) + "</p><dl>";
  std::string rev = (r.feedId.empty() ? std::string("feed") : r.feedId) + " r" + std::to_string(r.revision);
  rev += v.behind > 0 ? " (" + std::to_string(v.behind) + " behind r" + std::to_string(v.newestRevision) + ")" : " (newest)";
  row(out, "Shows", rev, v.behind > 0);
  row(out, "Last seen", ago(v.lastSeenAgo), !v.online);
  if (!r.fault.empty()) row(out, "Fault", r.faultText.empty() ? r.fault : r.faultText, true);
  if (r.contentAgeSeconds) row(out, "Content", "made " + ago(*r.contentAgeSeconds));
  if (r.temperatureC) {
    char t[32];
    std::snprintf(t, sizeof t, "%.1f °C", *r.temperatureC);
    row(out, "Temperature", t, *r.temperatureC >= 80);
  }
  if (r.throttled && *r.throttled) {
    char t[64];
    std::snprintf(t, sizeof t, "0x%x%s", *r.throttled, (*r.throttled & 0x1) ? " (under-voltage)" : "");
    row(out, "Throttled", t, (*r.throttled & 0xf) != 0);
  }
  if (r.dark) row(out, "Screen", "dark by schedule");
  row(out, "Up for", duration(r.uptimeSeconds) + (r.version.empty() ? "" : ", version " + r.version));
  out += "</dl></article>";
}

}  // namespace

std::string fleetPage(const std::vector<ScreenView>& screens, const std::vector<FleetEvent>& history, core::Instant now) {
  int up = 0, offline = 0, problems = 0;
  for (const auto& v : screens) {
    if (!v.online) ++offline;
    else ++up;
    if (v.rank > 0) ++problems;
  }
  std::string out;
  out.reserve(4096 + screens.size() * 900);
  out += "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
         "<meta http-equiv=\"refresh\" content=\"15\"><title>Schaufenster fleet</title><style>";
  out += kStyle;
  out += "</style></head><body><header><h1>Screens</h1><p class=\"summary\"><b>" + std::to_string(screens.size()) + "</b> screens: <b>" +
         std::to_string(up) + "</b> up, <b>" + std::to_string(offline) + "</b> offline, <b>" + std::to_string(problems) +
         "</b> need a look · " + core::formatInstant(now, core::TimeZone::utc()).substr(11, 5) + " UTC</p></header>";
  if (screens.empty()) out += "<p class=\"empty\">No screen has reported yet. Screens report when their config has "
                              "<code>\"report\": {\"url\": \"…/fleet/report\", \"token\": \"…\"}</code>.</p>";
  out += "<main>";
  for (const auto& v : screens) card(out, v);
  out += "</main>";
  if (!history.empty()) {
    out += "<section><h3>Recent changes</h3><ol>";
    for (const auto& e : history) {
      std::string when = core::formatInstant(e.at, core::TimeZone::utc()).substr(0, 16);
      when[10] = ' ';
      out += "<li><time>" + when + "</time><b>" + escapeHtml(e.screen) + "</b> " +
             escapeHtml(e.kind) + (e.detail.empty() ? "" : ": " + escapeHtml(e.detail)) + "</li>";
    }
    out += "</ol></section>";
  }
  out += "</body></html>\n";
  return out;
}

}  // namespace sf::tools
