// "eventFixes" read with located messages for `validate`, and applied to a feed's JSON after an
// import merged its events, so a pinned fix outlives the schedule it corrects.
#include "core/feed/event_fixes.hpp"

#include <set>

#include "core/base/text_util.hpp"

namespace sf::core {

void readEventFixes(JsonReader& r, const nlohmann::json& root, const Feed& feed) {
  const auto* list = r.member(root, "", "eventFixes", false);
  if (!list || !r.array(*list, "/eventFixes", "of event fixes {\"event\": ID, \"cancelled\": true, …}")) return;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string p = "/eventFixes/" + std::to_string(i);
    const auto& fix = (*list)[i];
    if (!r.isObject(fix, p, "an event fix {\"event\": ID, …}")) continue;
    r.unknownKeys(fix, p, {"event", "cancelled", "start", "end", "room", "title", "speakers"});
    const std::string id = r.id(r.member(fix, p, "event", true), p + "/event");
    if (!id.empty() && !seen.insert(id).second) r.error(p + "/event", "a second fix for event " + quoteShort(id) + "; keep one per event");
    if (!id.empty() && !feed.findEvent(id))
      r.warn(p + "/event", "no event " + quoteShort(id) + " in the feed; the fix applies when an import brings it");
    r.boolean(r.member(fix, p, "cancelled", false), p + "/cancelled");
    const auto start = r.instant(r.member(fix, p, "start", false), p + "/start");
    const auto end = r.instant(r.member(fix, p, "end", false), p + "/end");
    if (start && end && *end < *start) r.error(p + "/end", "the fix ends the event before it starts");
    if (const auto* room = r.member(fix, p, "room", false)) r.text(room, p + "/room", true, 60);
    if (const auto* title = r.member(fix, p, "title", false)) r.text(title, p + "/title", true, 150);
    if (const auto* speakers = r.member(fix, p, "speakers", false);
        speakers && r.array(*speakers, p + "/speakers", "of speakers: names, or {\"name\", \"affiliation\"}"))
      for (std::size_t k = 0; k < speakers->size(); ++k) {
        const auto& s = (*speakers)[k];
        const std::string sp = p + "/speakers/" + std::to_string(k);
        if (s.is_string()) r.string(&s, sp);
        else if (r.isObject(s, sp, "a speaker: a name, or {\"name\", \"affiliation\"}")) r.string(r.member(s, sp, "name", true), sp + "/name");
      }
  }
}

int applyEventFixes(nlohmann::ordered_json& feed) {
  if (!feed.is_object() || !feed.contains("eventFixes") || !feed["eventFixes"].is_array() || !feed.contains("events") ||
      !feed["events"].is_array())
    return 0;
  int applied = 0;
  for (const auto& fix : feed["eventFixes"]) {
    if (!fix.is_object() || !fix.contains("event") || !fix["event"].is_string()) continue;
    for (auto& event : feed["events"]) {
      if (!event.is_object() || event.value("id", nlohmann::ordered_json()) != fix["event"]) continue;
      for (const auto key : kEventFixKeys) {
        const std::string k(key);
        if (!fix.contains(k)) continue;
        if (k == "cancelled" && fix[k] == false) event.erase(k);
        else event[k] = fix[k];
      }
      ++applied;
      break;
    }
  }
  return applied;
}

}  // namespace sf::core
