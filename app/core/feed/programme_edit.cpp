// Programme edits go through nlohmann::ordered_json like edit.cpp: keys are set in place, unknown
// keys survive, and the result must pass parseFeed before anyone may write it.
#include "core/feed/programme_edit.hpp"

#include <nlohmann/json.hpp>

#include "core/base/text_util.hpp"
#include "core/feed/edit_json.hpp"
#include "core/feed/event_fixes.hpp"
#include "core/feed/parse.hpp"

namespace sf::core {
namespace {

using edit_json::ojson;

ojson programmeSpeakers(const std::vector<Speaker>& speakers) {
  ojson list = ojson::array();
  for (const auto& s : speakers)
    list.push_back(s.affiliation.empty() ? ojson(s.name) : ojson{{"name", s.name}, {"affiliation", s.affiliation}});
  return list;
}

TimeZone programmeZone(const ojson& doc) {
  return TimeZone::find(doc.value("timeZone", std::string("UTC"))).value_or(TimeZone::utc());
}

// The fix object for `id` in doc["eventFixes"], made (and the list too) when `create`.
ojson* programmeFixFor(ojson& doc, std::string_view id, bool create) {
  if (doc.contains("eventFixes") && doc["eventFixes"].is_array())
    for (auto& f : doc["eventFixes"])
      if (f.is_object() && f.value("event", std::string()) == id) return &f;
  if (!create) return nullptr;
  if (!doc.contains("eventFixes") || !doc["eventFixes"].is_array()) doc["eventFixes"] = ojson::array();
  doc["eventFixes"].push_back(ojson{{"event", std::string(id)}});
  return &doc["eventFixes"].back();
}

}  // namespace

EditResult changeEvent(std::string_view feedText, std::string_view id, const EventChange& c) {
  EditResult r;
  auto doc = edit_json::load(feedText, r.diagnostics);
  if (!doc) return r;
  ojson* event = nullptr;
  if (doc->contains("events"))
    for (auto& e : (*doc)["events"])
      if (e.value("id", std::string()) == id) event = &e;
  if (!event) {
    report(r.diagnostics, Severity::Error, "/events", "no event " + quoteShort(id) + " in the feed");
    return r;
  }
  const TimeZone zone = programmeZone(*doc);
  ojson values = ojson::object();  // the keys this change sets, as the event and a fix hold them
  if (c.cancelled) values["cancelled"] = *c.cancelled;
  if (c.start) values["start"] = formatInstant(*c.start, zone);
  if (c.end) values["end"] = formatInstant(*c.end, zone);
  if (c.room) values["room"] = *c.room;
  if (c.title) values["title"] = edit_json::localText(*c.title);
  if (c.speakers) values["speakers"] = programmeSpeakers(*c.speakers);
  for (auto it = values.begin(); it != values.end(); ++it) {
    if (it.key() == "cancelled" && it.value() == false) event->erase("cancelled");
    else if (it.key() == "room" && it.value() == "") event->erase("room");
    else if (it.key() == "speakers" && it.value().empty()) event->erase("speakers");
    else (*event)[it.key()] = it.value();
  }
  ojson* fix = programmeFixFor(*doc, id, c.pin && !values.empty());
  if (fix)
    for (auto it = values.begin(); it != values.end(); ++it)
      if (c.pin || fix->contains(it.key())) (*fix)[it.key()] = it.value();
  return edit_json::finish(*doc);
}

EditResult addEvent(std::string_view feedText, const NewEvent& e) {
  EditResult r;
  auto doc = edit_json::load(feedText, r.diagnostics);
  if (!doc) return r;
  ojson& events = (*doc)["events"];
  if (!events.is_array()) events = ojson::array();
  for (const auto& existing : events)
    if (existing.value("id", std::string()) == e.id) {
      report(r.diagnostics, Severity::Error, "/events", "an event " + quoteShort(e.id) + " exists already");
      return r;
    }
  const TimeZone zone = programmeZone(*doc);
  ojson item = ojson::object();
  item["id"] = e.id;
  item["title"] = edit_json::localText(e.title);
  item["start"] = formatInstant(e.start, zone);
  item["end"] = formatInstant(e.end, zone);
  if (!e.room.empty()) item["room"] = e.room;
  if (!e.speakers.empty()) item["speakers"] = programmeSpeakers(e.speakers);
  events.push_back(std::move(item));
  return edit_json::finish(*doc);
}

std::map<std::string, std::vector<std::string>> pinnedFixes(std::string_view feedText) {
  std::map<std::string, std::vector<std::string>> out;
  const auto doc = ojson::parse(feedText, nullptr, false);
  if (!doc.is_object() || !doc.contains("eventFixes") || !doc["eventFixes"].is_array()) return out;
  for (const auto& f : doc["eventFixes"]) {
    if (!f.is_object() || !f.contains("event") || !f["event"].is_string()) continue;
    auto& keys = out[f["event"].get<std::string>()];
    for (const auto key : kEventFixKeys)
      if (f.contains(std::string(key))) keys.emplace_back(key);
  }
  return out;
}

}  // namespace sf::core
