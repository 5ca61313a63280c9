// The fleet page: one card per screen, problems first, rendered on the server with every report
// text escaped, in German or English. Plain HTML and CSS, nothing from elsewhere; one small script of
// its own refreshes it in place (without JavaScript it reloads itself).
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/base/text_util.hpp"
#include "core/show/ui_text.hpp"
#include "fleet_view.hpp"

namespace sf::tools {
namespace {

constexpr const char* kStyle = R"CSS(
:root{color-scheme:light;--ink:#15191e;--muted:#525c68;--line:#d8dee5;--bg:#f2f4f7;--card:#fff;
--up:#1a7339;--fault:#b42318;--offline:#6b21a8;--behind:#8a4b00;--dark:#3f4b5b;--focus:#0b5cad}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:16px/1.45 Inter,"Segoe UI",system-ui,-apple-system,Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
header,main,section{max-width:1360px;margin:0 auto;padding-left:24px;padding-right:24px}
header{padding-top:22px;padding-bottom:4px}
.bar{display:flex;justify-content:space-between;align-items:flex-start;gap:16px}
.brand{margin:0;font-size:.78rem;font-weight:650;letter-spacing:.09em;text-transform:uppercase;color:var(--muted)}
h1{font-size:1.75rem;line-height:1.15;margin:2px 0 0;letter-spacing:-.01em}
.lang{flex:none;display:flex;gap:2px;border:1px solid var(--line);border-radius:999px;background:var(--card);padding:3px}
.lang a{min-width:44px;padding:7px 12px;border-radius:999px;color:var(--muted);text-decoration:none;font-weight:650;font-size:.85rem;text-align:center}
.lang a:hover{color:var(--ink);background:var(--bg)}
.lang a[aria-current]{background:var(--ink);color:#fff}
a:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.stats{list-style:none;display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:10px;padding:0;margin:18px 0 0;max-width:720px}
.stats li{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px 9px}
.stats b{display:block;font-size:1.75rem;line-height:1.1;font-weight:700;font-variant-numeric:tabular-nums}
.stats span{display:block;font-size:.85rem;color:var(--muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.stats .up b{color:var(--up)}.stats .offline b{color:var(--offline)}.stats .look b{color:var(--fault)}
.stats .none b{color:var(--muted);font-weight:600}
.meta{color:var(--muted);font-size:.875rem;margin:12px 0 0}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:14px;padding-top:16px;padding-bottom:16px}
.card{background:var(--card);border:1px solid var(--line);border-top:5px solid var(--up);border-radius:10px;padding:14px 16px 16px;min-width:0;
box-shadow:0 1px 2px rgba(16,24,40,.05)}
.card.fault{border-top-color:var(--fault)}.card.offline{border-top-color:var(--offline)}
.card.behind{border-top-color:var(--behind)}.card.dark{border-top-color:var(--dark)}
.top{display:flex;justify-content:space-between;align-items:flex-start;gap:10px}
h2{font-size:1.15rem;line-height:1.3;margin:0;font-weight:650;overflow-wrap:anywhere}
.badge{flex:none;margin-top:1px;font-size:.75rem;line-height:1.5;font-weight:700;color:#fff;background:var(--up);border-radius:999px;padding:1px 10px;
text-transform:uppercase;letter-spacing:.05em}
.fault .badge{background:var(--fault)}.offline .badge{background:var(--offline)}.behind .badge{background:var(--behind)}.dark .badge{background:var(--dark)}
.where{color:var(--muted);margin:2px 0 12px;font-size:.925rem;overflow-wrap:anywhere}
dl{display:grid;grid-template-columns:minmax(7.5em,auto) 1fr;gap:5px 14px;margin:0;padding-top:10px;border-top:1px solid var(--line);font-size:.95rem}
dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere;font-variant-numeric:tabular-nums}
.problem{color:var(--fault);font-weight:600}
section{padding-top:8px;padding-bottom:32px}
h3{font-size:1.05rem;margin:8px 0 10px}
section ol{list-style:none;padding:0;margin:0;font-size:.9rem;background:var(--card);border:1px solid var(--line);border-radius:10px}
section li{padding:7px 14px;border-top:1px solid var(--line);overflow-wrap:anywhere}
section li:first-child{border-top:0}
time{color:var(--muted);margin-right:10px;font-variant-numeric:tabular-nums}
.empty{max-width:1360px;margin:0 auto;padding:24px;color:var(--muted)}
code{font-size:.9em;background:var(--card);border:1px solid var(--line);border-radius:4px;padding:1px 4px}
.shot{margin:0 0 12px;aspect-ratio:16/9;background:#111820;border-radius:6px;overflow:hidden;display:flex;align-items:center;justify-content:center}
.shot img{display:block;width:100%;height:100%;object-fit:contain}
.shot span{color:#aab4c0;font-size:.85rem;padding:8px;text-align:center}
@media (max-width:560px){
header,main,section{padding-left:14px;padding-right:14px}
header{padding-top:16px}
h1{font-size:1.45rem}
.stats{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px;margin-top:14px}
.stats b{font-size:1.5rem}
main{grid-template-columns:minmax(0,1fr);gap:12px}
section time{display:block;font-size:.85rem}
}
)CSS";

using core::Ui;

}  // namespace

std::string fleetAgo(std::int64_t s, std::string_view lang) {
  char buf[48];
  const long long v = s < 0 ? 0 : s;
  if (v < 120) std::snprintf(buf, sizeof buf, core::ui(Ui::FleetSecondsAgo, lang), v);
  else if (v < 7200) std::snprintf(buf, sizeof buf, core::ui(Ui::FleetMinutesAgo, lang), v / 60);
  else if (v < 172800) std::snprintf(buf, sizeof buf, core::ui(Ui::FleetHoursAgo, lang), v / 3600);
  else std::snprintf(buf, sizeof buf, core::ui(Ui::FleetDaysAgo, lang), v / 86400);
  return buf;
}

namespace {

std::string duration(std::int64_t s, std::string_view lang) {
  char buf[48];
  const long long v = s < 0 ? 0 : s;
  if (v < 3600) std::snprintf(buf, sizeof buf, core::ui(Ui::FleetMinutes, lang), v / 60);
  else if (v < 172800) std::snprintf(buf, sizeof buf, core::ui(Ui::FleetHours, lang), v / 3600);
  else std::snprintf(buf, sizeof buf, core::ui(Ui::FleetDays, lang), v / 86400);
  return buf;
}

}  // namespace

const char* fleetStateText(const std::string& state, std::string_view lang) {
  if (state == "offline") return core::ui(Ui::FleetStateOffline, lang);
  if (state == "fault") return core::ui(Ui::FleetStateFault, lang);
  if (state == "behind") return core::ui(Ui::FleetStateBehind, lang);
  if (state == "dark") return core::ui(Ui::FleetStateDark, lang);
  return core::ui(Ui::FleetStateUp, lang);
}

namespace {

// The history's kinds as words; an unknown kind (a newer collector's) as it is.
std::string eventText(const std::string& kind, std::string_view lang) {
  if (kind == "revision") return core::ui(Ui::FleetEventRevision, lang);
  if (kind == "fault") return core::ui(Ui::FleetEventFault, lang);
  if (kind == "recovered") return core::ui(Ui::FleetEventRecovered, lang);
  if (kind == "offline") return core::ui(Ui::FleetEventOffline, lang);
  if (kind == "online") return core::ui(Ui::FleetEventOnline, lang);
  if (kind == "key-forgotten") return core::ui(Ui::FleetEventKeyForgotten, lang);
  return kind;
}

std::string list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

void row(std::string& out, const char* name, const std::string& value, bool problem = false) {  // name: our own words
  out += "<dt>";
  out += name;
  out += "</dt><dd";
  out += problem ? " class=\"problem\">" : ">";
  out += escapeHtml(value) + "</dd>";
}

// The latest screenshot in a 16:9 box (a portrait screen's shows whole, with bars), or a note
// in the same box, so cards line up whether or not a screen has sent one.
void screenshot(std::string& out, const ScreenView& v, std::string_view lang) {
  out += "<figure class=\"shot\">";
  if (const auto& shot = v.row.shot) {
    std::string when = core::formatInstant(shot->at, core::TimeZone::utc()).substr(0, 16);
    when[10] = ' ';
    out += "<img src=\"" + escapeHtml(shotUrl(*shot)) + "\" width=\"" + std::to_string(shot->width) + "\" height=\"" +
           std::to_string(shot->height) + "\" alt=\"" + escapeHtml(v.row.report.screen) + " " + core::ui(Ui::FleetShowedAt, lang) + " " +
           when + " UTC\" title=\"" + when + " UTC\" loading=\"lazy\">";
  } else {
    out += std::string("<span>") + core::ui(Ui::FleetNoShot, lang) + "</span>";
  }
  out += "</figure>";
}

void card(std::string& out, const ScreenView& v, std::string_view lang) {
  const core::ScreenReport& r = v.row.report;
  auto t = [lang](Ui key) { return std::string(core::ui(key, lang)); };
  out += "<article class=\"card " + v.state + "\"><div class=\"top\"><h2>" + escapeHtml(r.screen) + "</h2><span class=\"badge\">" +
         fleetStateText(v.state, lang) + "</span></div>";
  std::string where = list(r.groups);
  if (!r.rooms.empty()) where += (where.empty() ? "" : " · ") + t(Ui::FleetRoom) + " " + list(r.rooms);
  out += "<p class=\"where\">" + (where.empty() ? t(Ui::FleetNoGroup) : escapeHtml(where)) + "</p>";
  screenshot(out, v, lang);
  out += "<dl>";
  std::string rev = (r.feedId.empty() ? std::string("feed") : r.feedId) + " r" + std::to_string(r.revision);
  rev += v.behind > 0 ? " (" + std::to_string(v.behind) + " " + t(Ui::FleetBehind) + " r" + std::to_string(v.newestRevision) + ")"
                      : " (" + t(Ui::FleetNewest) + ")";
  row(out, t(Ui::FleetShows).c_str(), rev, v.behind > 0);
  row(out, t(Ui::FleetLastSeen).c_str(), fleetAgo(v.lastSeenAgo, lang), !v.online);
  if (!r.fault.empty()) row(out, t(Ui::FleetFault).c_str(), r.faultText.empty() ? r.fault : r.faultText, true);
  if (r.contentAgeSeconds) row(out, t(Ui::FleetContent).c_str(), t(Ui::FleetMade) + " " + fleetAgo(*r.contentAgeSeconds, lang));
  if (r.temperatureC) {
    char deg[32];
    std::snprintf(deg, sizeof deg, "%.1f °C", *r.temperatureC);
    std::string shown = deg;
    if (lang == "de") std::replace(shown.begin(), shown.end(), '.', ',');
    row(out, t(Ui::FleetTemperature).c_str(), shown, *r.temperatureC >= 80);
  }
  if (r.throttled && *r.throttled) {
    char bits[32];
    std::snprintf(bits, sizeof bits, "0x%x", *r.throttled);
    row(out, t(Ui::FleetThrottled).c_str(), bits + ((*r.throttled & 0x1) ? " (" + t(Ui::FleetUnderVoltage) + ")" : std::string()),
        (*r.throttled & 0xf) != 0);
  }
  if (r.dark) row(out, t(Ui::FleetScreen).c_str(), t(Ui::FleetDarkBySchedule));
  // The key's first characters are enough to compare with what the screen's journal printed.
  row(out, t(Ui::FleetSignature).c_str(), v.row.key.empty() ? t(Ui::FleetTokenOnly) : t(Ui::FleetOwnKey) + " " + v.row.key.substr(0, 8) + "…");
  row(out, t(Ui::FleetUpFor).c_str(), duration(r.uptimeSeconds, lang) + (r.version.empty() ? "" : ", " + t(Ui::FleetVersion) + " " + r.version));
  out += "</dl></article>";
}

}  // namespace

std::string fleetPage(const std::vector<ScreenView>& screens, const std::vector<FleetEvent>& history, core::Instant now,
                      std::string_view lang) {
  auto t = [lang](Ui key) { return std::string(core::ui(key, lang)); };
  int up = 0, offline = 0, problems = 0;
  for (const auto& v : screens) {
    if (!v.online) ++offline;
    else ++up;
    if (v.rank > 0) ++problems;
  }
  auto stat = [&](const char* cls, int n, Ui label) {
    return std::string("<li class=\"") + cls + (n == 0 ? " none" : "") + "\"><b>" + std::to_string(n) + "</b><span>" + t(label) +
           "</span></li>";
  };
  auto langLink = [&](const char* code) {
    return std::string("<a href=\"?lang=") + code + "\" hreflang=\"" + code + "\" lang=\"" + code + "\"" +
           (lang == code ? " aria-current=\"page\"" : "") + ">" + (code[0] == 'd' ? "DE" : "EN") + "</a>";
  };
  std::string out;
  out.reserve(6144 + screens.size() * 900);
  out += std::string("<!doctype html><html lang=\"") + std::string(lang) + "\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
         "<script src=\"refresh.js\" defer></script><noscript><meta http-equiv=\"refresh\" content=\"15\"></noscript>"
         "<title>" + t(Ui::FleetTitle) + " · Schaufenster</title><style>";
  out += kStyle;
  out += "</style></head><body><header><div class=\"bar\"><div><p class=\"brand\">Schaufenster</p><h1>" + t(Ui::FleetTitle) +
         "</h1></div><nav class=\"lang\" aria-label=\"Sprache / Language\">" + langLink("de") + langLink("en") + "</nav></div>";
  out += "<ul class=\"stats\">" + stat("total", static_cast<int>(screens.size()), Ui::FleetScreens) + stat("up", up, Ui::FleetUp) +
         stat("offline", offline, Ui::FleetOffline) + stat("look", problems, Ui::FleetNeedLook) + "</ul>";
  out += "<p class=\"meta\">" + t(Ui::FleetAsOf) + " " + core::formatInstant(now, core::TimeZone::utc()).substr(11, 5) + " UTC · " +
         t(Ui::FleetRefreshes) + "</p></header>";
  if (screens.empty()) out += "<p class=\"empty\">" + t(Ui::FleetEmpty) +
                              " <code>\"report\": {\"url\": \"…/fleet/report\", \"token\": \"…\"}</code></p>";
  out += "<main>";
  for (const auto& v : screens) card(out, v, lang);
  out += "</main>";
  if (!history.empty()) {
    out += "<section aria-labelledby=\"recent\"><h3 id=\"recent\">" + t(Ui::FleetRecent) + "</h3><ol>";
    for (const auto& e : history) {
      std::string when = core::formatInstant(e.at, core::TimeZone::utc()).substr(0, 16);
      when[10] = ' ';
      out += "<li><time>" + when + "</time><b>" + escapeHtml(e.screen) + "</b> " +
             escapeHtml(eventText(e.kind, lang)) + (e.detail.empty() ? "" : ": " + escapeHtml(e.detail)) + "</li>";
    }
    out += "</ol></section>";
  }
  out += "</body></html>\n";
  return out;
}

std::string fleetScript() {
  // Every 15 s the page asks for itself and swaps in the new body: no reload, so the scroll
  // position stays and nothing flashes; paused while the tab is hidden. The same URL keeps the
  // language. Without JavaScript the <noscript> refresh reloads the page instead.
  return R"JS(// The fleet page's refresh in place (Schaufenster).
(function () {
  'use strict';
  var busy = false;
  function refresh() {
    if (document.hidden || busy) return;
    busy = true;
    fetch(location.href, { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var next = new DOMParser().parseFromString(html, 'text/html');
        if (next.body && next.querySelector('main')) document.body.replaceWith(document.adoptNode(next.body));
      })
      .catch(function () {})
      .then(function () { busy = false; });
  }
  setInterval(refresh, 15000);
  document.addEventListener('visibilitychange', function () { if (!document.hidden) refresh(); });
})();
)JS";
}

std::string fleetLanguage(const std::string& asked, const std::string& acceptLanguage) {
  if (asked == "de" || asked == "en") return asked;
  // Accept-Language: "en-GB,en;q=0.9,de;q=0.8": the best-rated of ours; ties go to the first.
  std::string best = "de";
  double bestQ = 0;
  std::size_t pos = 0;
  while (pos <= acceptLanguage.size()) {
    std::size_t end = acceptLanguage.find(',', pos);
    if (end == std::string::npos) end = acceptLanguage.size();
    const std::string item(core::trimmed(std::string_view(acceptLanguage).substr(pos, end - pos)));
    pos = end + 1;
    const std::string tag = core::asciiLower(item.substr(0, item.find(';')));
    const std::string primary = tag.substr(0, tag.find('-'));
    double q = 1;
    if (const auto qp = item.find(";q="); qp != std::string::npos) {
      char* stop = nullptr;
      q = std::strtod(item.c_str() + qp + 3, &stop);
      if (stop == item.c_str() + qp + 3 || q < 0 || q > 1) q = 0;
    }
    if ((primary == "de" || primary == "en") && q > bestQ) {
      best = primary;
      bestQ = q;
    }
  }
  return best;
}

}  // namespace sf::tools
