// The history file of a release: counted when the release is made (publish_feed.cpp has both
// feeds at hand then), read back for the console's history; a missing or damaged file is "unknown".
#include "release_history.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "core/feed/changes.hpp"
#include "platform/files.hpp"
#include "publish.hpp"

namespace sf::tools {
namespace {

// The feed without what the counts already cover and what every release changes.
nlohmann::json restOfFeed(const std::string& text) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (!doc.is_object()) return nlohmann::json();
  for (const char* key : {"events", "announcements", "revision", "generated"}) doc.erase(key);
  return doc;
}

bool announcementOn(const core::Announcement& a, core::Instant now) { return a.end > now; }

bool sameAnnouncementWords(const core::Announcement& a, const core::Announcement& b) {
  return a.text.values() == b.text.values() && a.title.values() == b.title.values() && a.level == b.level;
}

}  // namespace

ReleaseCounts countReleaseChanges(const core::Feed* before, const std::string& beforeText, const core::Feed& after,
                                  const std::string& afterText, core::Instant now) {
  ReleaseCounts c;
  std::map<std::string, const core::Announcement*> wasOn;
  if (before) {
    const auto events = core::compareFeeds(*before, after, "en");
    c.eventsAdded = static_cast<int>(events.added.size());
    c.eventsMoved = static_cast<int>(events.moved.size());
    c.eventsCancelled = static_cast<int>(events.cancelled.size());
    c.eventsRemoved = static_cast<int>(events.removed.size());
    c.eventsEdited = events.otherEventEdits;
    c.otherContent = restOfFeed(beforeText) != restOfFeed(afterText);
    for (const auto& a : before->announcements)
      if (announcementOn(a, now)) wasOn[a.id] = &a;
  } else {
    c.first = true;
    c.eventsAdded = static_cast<int>(after.events.size());
  }
  std::map<std::string, bool> isOn;
  for (const auto& a : after.announcements) {
    if (!announcementOn(a, now)) continue;
    isOn[a.id] = true;
    const auto it = wasOn.find(a.id);
    if (it == wasOn.end() || !sameAnnouncementWords(*it->second, a)) ++c.announcementsAdded;
  }
  for (const auto& [id, a] : wasOn)
    if (!isOn.count(id)) ++c.announcementsEnded;
  return c;
}

std::string releaseInfoJson(const ReleaseInfo& r) {
  nlohmann::json j = nlohmann::json::object();
  j["revision"] = r.revision;
  j["at"] = core::formatInstantUtc(r.at);
  j["by"] = r.origin.by;
  j["via"] = r.origin.via;
  if (!r.origin.note.empty()) j["note"] = r.origin.note;
  if (r.previous) j["previous"] = *r.previous;
  const ReleaseCounts& c = r.counts;
  j["changes"] = {{"first", c.first},
                  {"eventsAdded", c.eventsAdded},
                  {"eventsMoved", c.eventsMoved},
                  {"eventsCancelled", c.eventsCancelled},
                  {"eventsRemoved", c.eventsRemoved},
                  {"eventsEdited", c.eventsEdited},
                  {"announcementsAdded", c.announcementsAdded},
                  {"announcementsEnded", c.announcementsEnded},
                  {"otherContent", c.otherContent}};
  return j.dump(1) + "\n";
}

std::optional<ReleaseInfo> parseReleaseInfo(const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || !j.contains("revision") || !j["revision"].is_number_integer() || !j.contains("at") || !j["at"].is_string())
    return std::nullopt;
  const auto at = core::parseInstant(j["at"].get<std::string>());
  if (!at) return std::nullopt;
  ReleaseInfo r;
  r.known = true;
  r.revision = j["revision"].get<std::int64_t>();
  r.at = *at;
  const auto str = [&](const nlohmann::json& o, const char* key) { return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string(); };
  const auto num = [](const nlohmann::json& o, const char* key) { return o.contains(key) && o[key].is_number_integer() ? o[key].get<int>() : 0; };
  const auto flag = [](const nlohmann::json& o, const char* key) { return o.contains(key) && o[key].is_boolean() && o[key].get<bool>(); };
  r.origin = {str(j, "by").substr(0, 64), str(j, "via").substr(0, 32), str(j, "note").substr(0, 200)};
  if (j.contains("previous") && j["previous"].is_number_integer()) r.previous = j["previous"].get<std::int64_t>();
  if (j.contains("changes") && j["changes"].is_object()) {
    const nlohmann::json& c = j["changes"];
    r.counts = {num(c, "eventsAdded"),        num(c, "eventsMoved"),        num(c, "eventsCancelled"), num(c, "eventsRemoved"),
                num(c, "eventsEdited"),       num(c, "announcementsAdded"), num(c, "announcementsEnded"), flag(c, "otherContent"),
                flag(c, "first")};
  }
  return r;
}

std::vector<ReleaseInfo> releaseHistory(const std::string& dir) {
  std::vector<ReleaseInfo> out;
  const auto revisions = publishedRevisions(dir);
  for (auto it = revisions.rbegin(); it != revisions.rend(); ++it) {
    ReleaseInfo r;
    if (const auto text = platform::readFile(dir + "/releases/" + std::to_string(*it) + "/" + kReleaseInfoFile, 64 * 1024))
      if (auto parsed = parseReleaseInfo(*text); parsed && parsed->revision == *it) r = std::move(*parsed);
    r.revision = *it;
    out.push_back(std::move(r));
  }
  return out;
}

std::string rollbackNote(std::int64_t revision) { return "rollback to r" + std::to_string(revision); }

std::optional<std::int64_t> rollbackSource(const std::string& note) {
  const std::string lead = "rollback to r";
  if (!note.starts_with(lead) || note.size() == lead.size() || note.size() > lead.size() + 16) return std::nullopt;
  const std::string digits = note.substr(lead.size());
  if (digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(digits);
}

}  // namespace sf::tools
