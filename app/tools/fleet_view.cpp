// The fleet's JSON, Prometheus text and the page's cards. The page is rendered here on the
// server, so it needs no script to show the fleet, and every text from a report is escaped.
#include "fleet_view.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/base/text_util.hpp"
#include "core/show/fleet_metrics.hpp"

namespace sf::tools {
namespace {


}  // namespace

std::string escapeHtml(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string shotUrl(const ShotMeta& shot) {
  return "/fleet/shot/" + shot.id + (shot.type == "png" ? ".png" : ".jpg") + "?at=" + std::to_string(shot.at.time_since_epoch().count());
}

std::vector<ScreenView> fleetView(std::vector<ScreenRow> rows, core::Instant now) {
  std::map<std::string, std::int64_t> newest;
  for (const auto& r : rows) newest[r.report.feedId] = std::max(newest[r.report.feedId], r.report.revision);
  std::vector<ScreenView> out;
  out.reserve(rows.size());
  for (auto& r : rows) {
    ScreenView v;
    v.online = core::screenOnline(r.lastSeen, r.report.seconds, now);
    v.newestRevision = newest[r.report.feedId];
    v.behind = v.newestRevision - r.report.revision;
    v.lastSeenAgo = (now - r.lastSeen).count();
    if (!v.online) v.rank = 3, v.state = "offline";
    else if (!r.report.fault.empty()) v.rank = 2, v.state = "fault";
    else if (v.behind > 0 || (r.report.throttled && (*r.report.throttled & 0xf))) v.rank = 1, v.state = "behind";
    else v.state = r.report.dark ? "dark" : "up";
    v.row = std::move(r);
    out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(), [](const ScreenView& a, const ScreenView& b) {
    if (a.rank != b.rank) return a.rank > b.rank;
    const std::string ga = a.row.report.groups.empty() ? "" : a.row.report.groups[0];
    const std::string gb = b.row.report.groups.empty() ? "" : b.row.report.groups[0];
    return ga != gb ? ga < gb : a.row.report.screen < b.row.report.screen;
  });
  return out;
}

std::string fleetJson(const std::vector<ScreenView>& screens, const std::vector<FleetEvent>& history, core::Instant now) {
  nlohmann::ordered_json j;
  j["now"] = core::formatInstantUtc(now);
  j["screens"] = nlohmann::json::array();
  for (const auto& v : screens) {
    nlohmann::ordered_json s = nlohmann::ordered_json::parse(core::reportJson(v.row.report));
    s.erase("sequence");
    s["state"] = v.state;
    s["online"] = v.online;
    s["lastSeen"] = core::formatInstantUtc(v.row.lastSeen);
    s["lastSeenSecondsAgo"] = v.lastSeenAgo;
    s["firstSeen"] = core::formatInstantUtc(v.row.firstSeen);
    s["address"] = v.row.address;
    s["signed"] = !v.row.key.empty();
    if (!v.row.key.empty()) s["key"] = v.row.key;
    s["newestRevision"] = v.newestRevision;
    s["revisionsBehind"] = v.behind;
    if (const auto& shot = v.row.shot)
      s["screenshot"] = {{"url", shotUrl(*shot)}, {"type", shot->type}, {"width", shot->width}, {"height", shot->height},
                         {"at", core::formatInstantUtc(shot->at)}};
    j["screens"].push_back(std::move(s));
  }
  j["history"] = nlohmann::json::array();
  for (const auto& e : history) j["history"].push_back({{"screen", e.screen}, {"at", core::formatInstantUtc(e.at)}, {"kind", e.kind}, {"detail", e.detail}});
  return j.dump(1) + "\n";
}

std::string fleetMetrics(const std::vector<ScreenView>& screens) {
  core::PromText out;
  std::map<std::pair<std::string, bool>, int> byGroup;
  for (const auto& v : screens) {
    if (v.row.report.groups.empty()) ++byGroup[{"", v.online}];
    for (const auto& g : v.row.report.groups) ++byGroup[{g, v.online}];
  }
  out.family("schaufenster_fleet_screens", "Screens by group and whether they report (a screen in two groups counts in both).");
  std::set<std::string> groups;
  for (const auto& [k, n] : byGroup) groups.insert(k.first);
  for (const auto& g : groups)
    for (bool up : {true, false}) {
      auto it = byGroup.find({g, up});
      out.sample("schaufenster_fleet_screens", {{"group", g}, {"state", up ? "up" : "down"}}, it == byGroup.end() ? 0 : it->second);
    }
  // What only the collector knows, then what each screen says of itself (as in its textfile).
  auto series = [&](const char* name, const char* help, auto value) {
    out.family(name, help);
    for (const auto& v : screens)
      if (const std::optional<double> x = value(v)) out.sample(name, {{"screen", v.row.report.screen}}, *x);
  };
  series("schaufenster_screen_up", "1 while the screen reports, 0 after three missed beats.",
         [](const ScreenView& v) -> std::optional<double> { return v.online ? 1 : 0; });
  series("schaufenster_screen_revision_lag", "Revisions behind the newest any screen of the same feed plays.",
         [](const ScreenView& v) -> std::optional<double> { return static_cast<double>(v.behind); });
  series("schaufenster_screen_last_report_age_seconds", "Seconds since the screen's last report.",
         [](const ScreenView& v) -> std::optional<double> { return static_cast<double>(v.lastSeenAgo); });
  for (const core::ScreenSeries& s : core::screenSeries())
    series(s.name, s.help, [&](const ScreenView& v) { return s.value(v.row.report); });
  std::vector<const core::ScreenReport*> reports;
  reports.reserve(screens.size());
  for (const auto& v : screens) reports.push_back(&v.row.report);
  core::appendScreenInfo(out, reports);
  return out.text();
}

}  // namespace sf::tools
