// The console's Screens page: the fleet as the collector keeps it (problems first) and each sync
// source's last import, for signed-in organisers; the session stands in for the fleet token, so
// screenshots are served here too, looked up by id in the database (no path reaches the disk).
#include <nlohmann/json.hpp>

#include "console.hpp"
#include "console_internal.hpp"
#include "console_publish_pages.hpp"
#include "console_text.hpp"
#include "core/show/ui_text.hpp"
#include "fleet_store.hpp"
#include "fleet_view.hpp"

namespace sf::tools {

namespace ct = console_text;
using ct::say;
using core::Ui;
using namespace console_detail;

namespace {

constexpr std::size_t kMaxSyncStatus = 1u << 20;

ScreenCard screenCardOf(const ScreenView& v, const std::string& lang) {
  const core::ScreenReport& r = v.row.report;
  ScreenCard card;
  card.name = r.screen;
  card.state = v.state;
  card.stateText = fleetStateText(v.state, lang);
  card.where = core::join(r.groups);
  if (!r.rooms.empty()) card.where += (card.where.empty() ? "" : " · ") + std::string(core::ui(Ui::FleetRoom, lang)) + " " + core::join(r.rooms);
  if (card.where.empty()) card.where = core::ui(Ui::FleetNoGroup, lang);
  if (const auto& shot = v.row.shot) {
    card.shotUrl = "/console/screens/shot/" + shot->id + (shot->type == "png" ? ".png" : ".jpg") + "?at=" +
                   std::to_string(shot->at.time_since_epoch().count());
    card.shotAlt = r.screen + " " + core::ui(Ui::FleetShowedAt, lang) + " " + core::formatInstantUtc(shot->at).substr(11, 5) + " UTC";
  }
  std::string shows = (r.feedId.empty() ? std::string("feed") : r.feedId) + " r" + std::to_string(r.revision);
  shows += v.behind > 0 ? " (" + std::to_string(v.behind) + " " + core::ui(Ui::FleetBehind, lang) + " r" + std::to_string(v.newestRevision) + ")"
                        : " (" + std::string(core::ui(Ui::FleetNewest, lang)) + ")";
  card.facts.push_back({core::ui(Ui::FleetShows, lang), shows, v.behind > 0});
  card.facts.push_back({core::ui(Ui::FleetLastSeen, lang), fleetAgo(v.lastSeenAgo, lang), !v.online});
  if (!r.fault.empty()) card.facts.push_back({core::ui(Ui::FleetFault, lang), r.faultText.empty() ? r.fault : r.faultText, true});
  return card;
}

std::string statusString(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// An ISO time from the status file in the venue's zone, "never" when empty.
std::string statusTime(const std::string& iso, const core::TimeZone& zone, const std::string& lang) {
  if (iso.empty()) return say(ct::kNever, lang);
  const auto t = core::parseInstant(iso);
  if (!t) return iso;
  const auto l = zone.toLocal(*t);
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", l.hour, l.minute);
  return core::formatDate(l.date) + " " + hm;
}

void readSyncStatus(const std::string& path, const core::TimeZone& zone, ScreensView& v) {
  const auto text = platform::readFile(path, kMaxSyncStatus);
  if (!text) {
    v.syncError = text.error().message;
    return;
  }
  const auto doc = nlohmann::json::parse(*text, nullptr, false);
  if (!doc.is_object() || !doc.contains("sources") || !doc["sources"].is_array()) {
    v.syncError = path + ": not a status file of `schaufenster sync`";
    return;
  }
  if (doc.contains("lastRevision") && doc["lastRevision"].is_number_integer() && doc["lastRevision"].get<std::int64_t>() > 0)
    v.syncSummary = std::string(say(ct::kSyncPublished, v.lang)) + ": r" + std::to_string(doc["lastRevision"].get<std::int64_t>()) + ", " +
                    statusTime(statusString(doc, "lastPublished"), zone, v.lang);
  if (const std::string err = statusString(doc, "lastError"); !err.empty()) v.syncSummary += (v.syncSummary.empty() ? "" : " · ") + err;
  for (const auto& s : doc["sources"]) {
    if (!s.is_object()) continue;
    SourceRow row;
    row.id = statusString(s, "id");
    row.location = statusString(s, "location");
    row.lastCheck = statusTime(statusString(s, "lastCheck"), zone, v.lang);
    row.lastChange = statusTime(statusString(s, "lastChange"), zone, v.lang);
    const std::string error = statusString(s, "lastError");
    row.failing = !error.empty();
    row.result = error.empty() ? std::string(say(ct::kResultOk, v.lang)) : error;
    for (const char* items : {"events", "projects", "announcements"})
      if (s.contains(items) && s[items].is_number_unsigned()) row.items = std::to_string(s[items].get<std::size_t>()) + " " + items;
    if (row.items.empty()) row.items = "–";
    if (s.contains("heldBack") && s["heldBack"].is_boolean() && s["heldBack"].get<bool>()) {
      row.held = statusString(s, "heldReason") + " (" + statusTime(statusString(s, "heldSince"), zone, v.lang) + ")";
      row.accept = statusString(s, "accept");
    }
    v.sources.push_back(std::move(row));
  }
}

}  // namespace

HttpResponse Console::screensPage(Context& c) {
  if (!c.session) return redirect("/console/login");
  const core::Instant t = now();
  ScreensView v;
  v.lang = c.lang;
  v.fleet = o_.fleet != nullptr;
  v.sync = !o_.syncStatus.empty();
  if (o_.fleet) {
    auto rows = o_.fleet->screens();
    for (const auto& s : fleetView(rows ? std::move(*rows) : std::vector<ScreenRow>{}, t)) v.screens.push_back(screenCardOf(s, c.lang));
  }
  if (v.sync) {
    const auto shown = shownFeed(o_.feed);
    readSyncStatus(o_.syncStatus, shown ? shown->zone : core::TimeZone::utc(), v);
  }
  PageFrame f{c.lang, say(ct::kScreens, c.lang), "/console/screens", c.session->user, c.session->role, c.session->csrf};
  return HttpResponse{200, {{"Content-Type", "text/html; charset=utf-8"}}, consolePage(f, screensMain(v))};
}

HttpResponse Console::screenShot(Context& c, const std::string& name) {
  const auto text = [](int status, const char* body) {
    return HttpResponse{status, {{"Content-Type", "text/plain; charset=utf-8"}}, std::string(body) + "\n"};
  };
  if (!c.session) return text(403, "sign in first");
  // Only ID.png or ID.jpg with a 16-digit hex id, looked up in the database.
  const bool png = name.ends_with(".png"), jpg = name.ends_with(".jpg");
  const std::string id = name.substr(0, name.size() > 4 ? name.size() - 4 : 0);
  const bool wellFormed = (png || jpg) && id.size() == 16 &&
                          std::all_of(id.begin(), id.end(), [](char ch) { return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'); });
  if (!o_.fleet || !wellFormed) return text(404, "no such screenshot");
  auto stored = o_.fleet->shot(id);
  if (!stored) return text(503, "the fleet database cannot be read");
  if (!*stored || ((*stored)->type == "png") != png) return text(404, "no such screenshot");
  return HttpResponse{200,
                      {{"Content-Type", png ? "image/png" : "image/jpeg"}, {"Cache-Control", "private, max-age=86400"}},
                      std::move((*stored)->bytes)};
}

}  // namespace sf::tools
