// The merge rules of `schaufenster import`: stable ids, updates in place, removals limited to
// the import's own items, and a final check with the same parser the screens use.
#include "core/import/merge.hpp"

#include "core/import/formats.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include "core/feed/event_fixes.hpp"
#include "core/feed/parse.hpp"
#include "core/base/text_util.hpp"

namespace sf::core {
namespace {

using ojson = nlohmann::ordered_json;

constexpr std::string_view kEventKeys[] = {"title", "subtitle", "description", "start", "end", "allDay", "room", "place", "organiser", "link",
                                           "speakers", "track", "kind", "language", "cancelled"};
constexpr std::string_view kAnnouncementKeys[] = {"title", "text", "start", "end", "priority"};
// Dark enough for white text (WCAG AA), so placeholder fields pass the feed's colour check.
constexpr std::string_view kPalette[] = {"#AD1457", "#1565C0", "#2E7D32", "#6A1B9A", "#00695C", "#4E342E", "#37474F", "#283593"};

struct Incoming {
  std::string id;
  ojson values;  // owned keys with values; owned keys missing here are removed from the item
  std::vector<std::string> owned;
  std::string origin;
};

ojson announcementJson(const ImportedAnnouncement& a, const TimeZone& zone) {
  ojson v = ojson::object();
  if (!a.title.empty()) v["title"] = a.title;
  v["text"] = a.text;
  v["start"] = formatInstant(a.start, zone);
  v["end"] = formatInstant(a.end, zone);
  v["priority"] = a.priority;
  return v;
}

ojson eventJson(const ImportedEvent& e, const TimeZone& zone, std::string_view sourceId) {
  ojson v = ojson::object();
  v["title"] = e.title;
  if (!e.subtitle.empty()) v["subtitle"] = e.subtitle;
  if (!e.description.empty()) v["description"] = e.description;
  if (e.allDay) {
    v["start"] = formatDate(e.firstDay);
    v["end"] = formatDate(e.lastDay);
    v["allDay"] = true;
  } else {
    v["start"] = formatInstant(e.start, zone);
    v["end"] = formatInstant(e.end, zone);
  }
  if (!e.roomKey.empty()) v["room"] = itemId(sourceId, e.roomKey);
  else if (!e.room.empty()) v["room"] = e.room;
  if (!e.place.empty()) v["place"] = e.place;
  if (!e.organiser.empty()) v["organiser"] = e.organiser;
  if (!e.link.empty()) v["link"] = e.link;
  if (!e.speakers.empty()) {
    ojson list = ojson::array();
    for (const auto& s : e.speakers)
      list.push_back(s.affiliation.empty() ? ojson(s.name) : ojson{{"name", s.name}, {"affiliation", s.affiliation}});
    v["speakers"] = std::move(list);
  }
  if (!e.trackKey.empty()) v["track"] = itemId(sourceId, e.trackKey);
  if (e.kind) v["kind"] = std::string(eventKindName(*e.kind));
  if (!e.language.empty()) v["language"] = e.language;
  if (e.cancelled) v["cancelled"] = true;
  return v;
}

Incoming roomIncoming(const ImportedRoom& r, std::string_view sourceId) {
  ojson v = ojson::object();
  v["name"] = r.name;
  if (!r.guid.empty()) v["guid"] = r.guid;
  if (r.capacity) v["capacity"] = *r.capacity;
  v["order"] = r.order;
  return {itemId(sourceId, r.key), std::move(v), {"name", "guid", "capacity", "order"}, {}};
}

// A track's colour belongs to the import only where the source gives one; else the organiser's stays.
Incoming trackIncoming(const ImportedTrack& t, std::string_view sourceId) {
  ojson v = ojson::object();
  v["name"] = t.name;
  std::vector<std::string> owned{"name"};
  if (!t.color.empty()) {
    v["color"] = t.color;
    owned.push_back("color");
  }
  return {itemId(sourceId, t.key), std::move(v), std::move(owned), {}};
}

// Names organisers translated by hand ({"de": "Großer Saal", "en": "Main Hall"}) stay when the
// source still calls the room by one of them.
void keepTranslatedNames(const ojson& feed, const char* key, std::vector<Incoming>& in) {
  if (!feed.contains(key) || !feed[key].is_array()) return;
  for (auto& n : in) {
    for (const auto& item : feed[key]) {
      if (!item.is_object() || item.value("id", ojson()) != n.id || !item.contains("name") || !item["name"].is_object()) continue;
      for (const auto& [lang, text] : item["name"].items())
        if (text == n.values["name"]) n.values["name"] = item["name"];
    }
  }
}

// `key` as an array of the feed, placed before "events" when it is new (as people write feeds).
void ensureListBeforeEvents(ojson& feed, const char* key) {
  if (feed.contains(key) && feed[key].is_array()) return;
  ojson rebuilt = ojson::object();
  for (auto it = feed.begin(); it != feed.end(); ++it) {
    if (it.key() == "events") rebuilt[key] = ojson::array();
    if (it.key() != key) rebuilt[it.key()] = it.value();
  }
  if (!rebuilt.contains(key)) rebuilt[key] = ojson::array();
  feed = std::move(rebuilt);
}

// Applies `in` to the array at feed[key]; returns what happened. Items `keep` accepts are left as
// they are when the source has nothing for them (it lists them, but they could not be read).
MergeCounts mergeArray(ojson& feed, const char* key, const std::string& prefix, std::vector<Incoming> in,
                       const std::function<bool(const std::string&)>& keep = {}) {
  MergeCounts c;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < in.size(); ++i) index.emplace(in[i].id, i);
  if (!feed.contains(key) || !feed[key].is_array()) {
    if (in.empty()) return c;
    feed[key] = ojson::array();
  }
  ojson out = ojson::array();
  std::set<std::size_t> used;
  for (auto& item : feed[key]) {
    const std::string id = item.is_object() && item.contains("id") && item["id"].is_string() ? item["id"].get<std::string>() : "";
    if (!id.starts_with(prefix)) {
      out.push_back(std::move(item));  // not this import's: untouched
      continue;
    }
    auto it = index.find(id);
    if ((it == index.end() || used.contains(it->second)) && keep && keep(id)) {
      ++c.unchanged;
      out.push_back(std::move(item));
      continue;
    }
    if (it == index.end() || used.contains(it->second)) {
      ++c.removed;  // gone from the source
      continue;
    }
    used.insert(it->second);
    const Incoming& n = in[it->second];
    ojson updated = item;
    for (const auto& k : n.owned) {
      if (n.values.contains(k)) updated[k] = n.values[k];
      else updated.erase(k);
    }
    ++(updated == item ? c.unchanged : c.updated);
    out.push_back(std::move(updated));
  }
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (used.contains(i)) continue;
    ojson item = ojson::object();
    item["id"] = in[i].id;
    for (auto it = in[i].values.begin(); it != in[i].values.end(); ++it) item[it.key()] = it.value();
    out.push_back(std::move(item));
    ++c.added;
  }
  feed[key] = std::move(out);
  return c;
}

}  // namespace

ojson newFeedJson(const NewFeed& f) {
  ojson j = ojson::object();
  j["format"] = std::string(kFeedFormat);
  j["version"] = kFeedVersion;
  j["id"] = f.id;
  j["revision"] = 1;
  j["generated"] = formatInstant(f.now, f.zone);
  j["timeZone"] = f.zone.name();
  j["languages"] = f.languages;
  if (!f.title.empty()) j["title"] = f.title;
  return j;
}

MergeResult mergeImport(ojson feed, const ImportResult& source, std::string_view sourceId, std::string_view sourceName,
                        const TimeZone& zone, bool createFields) {
  MergeResult m;
  const std::string prefix = std::string(sourceId) + ":";
  auto originOf = [&](const std::string& o) { return std::string(sourceName) + (o.starts_with("/") ? " at " : " ") + o; };

  std::vector<const ImportedEvent*> events;
  for (const auto& e : source.events) events.push_back(&e);
  // New events go in time order; the key breaks ties so the order never depends on the source's.
  std::stable_sort(events.begin(), events.end(), [](const ImportedEvent* a, const ImportedEvent* b) {
    return a->start != b->start ? a->start < b->start : a->key < b->key;
  });
  std::vector<Incoming> in;
  std::set<std::string> ids;
  for (const auto* e : events) {
    Incoming n{itemId(sourceId, e->key), eventJson(*e, zone, sourceId), {kEventKeys, kEventKeys + std::size(kEventKeys)}, originOf(e->origin)};
    if (!ids.insert(n.id).second) continue;  // the importers already reported duplicates
    m.origins[n.id] = n.origin;
    in.push_back(std::move(n));
  }
  // A refused event keeps its earlier version, and so do the dated occurrences of a refused guid.
  std::set<std::string> keptIds;
  for (const auto& k : source.refusedKeys) keptIds.insert(itemId(sourceId, k));
  auto keep = [&](const std::string& id) {
    if (keptIds.contains(id)) return true;
    const auto under = id.rfind('_');
    return under != std::string::npos && keptIds.contains(id.substr(0, under));
  };
  const ImportItems items = source.format ? source.format->items : ImportItems::Events;
  if (items == ImportItems::Events) {
    // Rooms and tracks first: the events name them. An import without any leaves the lists alone.
    std::vector<Incoming> rooms, tracks;
    for (const auto& r : source.rooms) rooms.push_back(roomIncoming(r, sourceId));
    for (const auto& t : source.tracks) tracks.push_back(trackIncoming(t, sourceId));
    keepTranslatedNames(feed, "rooms", rooms);
    keepTranslatedNames(feed, "tracks", tracks);
    if (!rooms.empty()) ensureListBeforeEvents(feed, "rooms");
    if (!tracks.empty()) ensureListBeforeEvents(feed, "tracks");
    m.rooms = mergeArray(feed, "rooms", prefix, std::move(rooms));
    m.tracks = mergeArray(feed, "tracks", prefix, std::move(tracks));
    // A list the import emptied goes again, so removing an import gives back the feed before it.
    for (const auto& [key, counts] : {std::pair{"rooms", m.rooms}, std::pair{"tracks", m.tracks}})
      if (counts.removed > 0 && feed.contains(key) && feed[key].empty()) feed.erase(key);
    m.events = mergeArray(feed, "events", prefix, std::move(in), keep);
  }

  in.clear();
  for (const auto& p : source.projects) {
    Incoming n{itemId(sourceId, p.key), p.values, p.ownedKeys, originOf(p.origin)};
    if (!ids.insert(n.id).second) continue;
    m.origins[n.id] = n.origin;
    in.push_back(std::move(n));
  }
  if (items == ImportItems::Projects) m.projects = mergeArray(feed, "projects", prefix, std::move(in));

  in.clear();
  for (const auto& a : source.announcements) {
    Incoming n{itemId(sourceId, a.key), announcementJson(a, zone), {kAnnouncementKeys, kAnnouncementKeys + std::size(kAnnouncementKeys)},
               originOf(a.origin)};
    if (!ids.insert(n.id).second) continue;
    m.origins[n.id] = n.origin;
    in.push_back(std::move(n));
  }
  if (items == ImportItems::Announcements) m.announcements = mergeArray(feed, "announcements", prefix, std::move(in));

  if (createFields && !source.fieldIds.empty()) {
    if (!feed.contains("fields") || !feed["fields"].is_array()) {
      // Fields go before the projects, as people write feeds (and as the guide's example does).
      ojson rebuilt = ojson::object();
      for (auto it = feed.begin(); it != feed.end(); ++it) {
        if (it.key() == "projects") rebuilt["fields"] = ojson::array();
        if (it.key() != "fields") rebuilt[it.key()] = it.value();
      }
      if (!rebuilt.contains("fields")) rebuilt["fields"] = ojson::array();
      feed = std::move(rebuilt);
    }
    std::set<std::string> have;
    for (const auto& f : feed["fields"])
      if (f.is_object() && f.contains("id") && f["id"].is_string()) have.insert(f["id"].get<std::string>());
    for (const auto& id : source.fieldIds) {
      if (have.contains(id)) continue;
      const auto colour = kPalette[feed["fields"].size() % std::size(kPalette)];
      feed["fields"].push_back(ojson{{"id", id}, {"name", id}, {"color", std::string(colour)}});
      m.addedFields.push_back(id);
      report(m.diagnostics, Severity::Warning, "/fields/" + std::to_string(feed["fields"].size() - 1),
             "added field of action " + quoteShort(id) + " with its id as name and colour " + std::string(colour) + "; give it a real name and colour");
    }
  }
  // The organiser's pinned fixes go back on top of what the source says (cancelled, moved, renamed).
  applyEventFixes(feed);
  m.feed = std::move(feed);
  return m;
}

std::string serializeFeed(const ojson& feed) { return feed.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n"; }

Diagnostics checkMergedFeed(const std::string& text, std::string_view fileName, const ojson& feed,
                            const std::map<std::string, std::string>& origins) {
  ParseResult pr = parseFeed(text, fileName);
  for (auto& d : pr.diagnostics) {
    for (const char* coll : {"/events/", "/projects/", "/announcements/"}) {
      if (!d.jsonPointer.starts_with(coll)) continue;
      const std::string_view rest = std::string_view(d.jsonPointer).substr(std::string_view(coll).size());
      std::size_t index = 0, digits = 0;
      while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') index = index * 10 + (rest[digits++] - '0');
      const std::string key(std::string_view(coll).substr(1, std::string_view(coll).size() - 2));
      if (digits == 0 || !feed.contains(key) || index >= feed[key].size()) continue;
      const auto& item = feed[key][index];
      if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) continue;
      if (auto o = origins.find(item["id"].get<std::string>()); o != origins.end()) d.message += " (imported from " + o->second + ")";
    }
  }
  return pr.diagnostics;
}

}  // namespace sf::core
