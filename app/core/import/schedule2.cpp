// c3voc schedule2 JSON to imported events. Its times carry offsets, so no day bookkeeping is
// needed; what needs care is the references: rooms by guid, tracks by slug, persons by guid.
#include "core/import/schedule2.hpp"

#include <map>

#include "core/base/text_util.hpp"
#include "core/feed/json_reader.hpp"
#include "core/feed/json_scan.hpp"

namespace sf::core {
namespace {

using nlohmann::json;

// guid and slug -> name, for the conference's rooms and tracks.
std::map<std::string, std::string> namesOf(const json* list) {
  std::map<std::string, std::string> out;
  if (!list || !list->is_array()) return out;
  for (const auto& item : *list) {
    const std::string name = jsonText(jsonMember(item, "name"));
    for (const char* key : {"guid", "slug"})
      if (auto k = jsonText(jsonMember(item, key)); !k.empty() && !name.empty()) out[k] = name;
  }
  return out;
}

// A reference such as "room": {"name": …, "guid": …} or a bare guid: its name.
std::string resolve(const json* ref, const std::map<std::string, std::string>& names) {
  if (!ref) return {};
  if (ref->is_string()) {
    const auto it = names.find(jsonText(ref));
    return it != names.end() ? it->second : jsonText(ref);
  }
  if (auto name = jsonText(jsonMember(*ref, "name")); !name.empty()) return name;
  for (const char* key : {"guid", "slug"})
    if (auto it = names.find(jsonText(jsonMember(*ref, key))); it != names.end()) return it->second;
  return {};
}

struct Lookups {
  std::map<std::string, std::string> rooms, tracks, persons;
};

std::vector<std::string> speakers(const json& ev, const Lookups& l) {
  std::vector<std::string> all, onStage;
  if (const json* list = jsonMember(ev, "participants"); list && list->is_array())
    for (const auto& p : *list) {
      std::string name = jsonText(jsonMember(p, "name"));
      if (name.empty())
        if (auto it = l.persons.find(jsonText(jsonMember(p, "guid"))); it != l.persons.end()) name = it->second;
      if (name.empty()) continue;
      all.push_back(name);
      if (jsonText(jsonMember(p, "role")) == "SPEAKER") onStage.push_back(name);
    }
  return onStage.empty() ? all : onStage;
}

std::string describe(const json& ev, const ImportOptions& opts) {
  std::string text = plainText(jsonText(jsonMember(ev, "abstract")));
  if (text.empty()) text = plainText(jsonText(jsonMember(ev, "description")));
  return shorten(text, opts.maxDescription);
}

// The conference's rooms (by GUID, with capacity) and tracks (with the colour meant for dark
// backgrounds, as screens have), in its order.
void readRoomsAndTracks(const json& conf, ImportResult& r) {
  if (const json* rooms = jsonMember(conf, "rooms"); rooms && rooms->is_array())
    for (const auto& room : *rooms) {
      const json* cap = jsonMember(room, "capacity");
      addRoom(r, jsonText(jsonMember(room, "name")), jsonText(jsonMember(room, "guid")),
              cap && cap->is_number_integer() ? std::optional<int>(cap->get<int>()) : std::nullopt);
    }
  if (const json* tracks = jsonMember(conf, "tracks"); tracks && tracks->is_array())
    for (const auto& t : *tracks) {
      std::string color = jsonText(jsonMember(t, "color"));
      if (const json* colors = jsonMember(t, "colors"))
        for (const char* which : {"dark", "light"})
          if (color.empty()) color = jsonText(jsonMember(*colors, which));
      addTrack(r, jsonText(jsonMember(t, "name")), color);
    }
}

}  // namespace

ImportResult importSchedule2(std::string_view text, const ImportOptions& opts) {
  ImportResult r;
  json root;
  if (!parseJsonSource(text, root, r.diagnostics)) return r;
  const json* sch = jsonMember(root, "schedule");
  const json* events = sch ? jsonMember(*sch, "events") : nullptr;
  if (!events || !events->is_array()) {
    report(r.diagnostics, Severity::Error, sch ? "/schedule/events" : "",
           "expected a schedule2 file: {\"schedule\": {\"conference\": {…}, \"events\": […]}}");
    locatePointers(withoutBom(text), r.diagnostics);
    return r;
  }
  const json* conf = jsonMember(*sch, "conference");
  Lookups l;
  if (conf) {
    l.rooms = namesOf(jsonMember(*conf, "rooms"));
    l.tracks = namesOf(jsonMember(*conf, "tracks"));
    r.title = jsonText(jsonMember(*conf, "title"));
    readRoomsAndTracks(*conf, r);
    r.suggestedSourceId = slugify(jsonText(jsonMember(*conf, "acronym")), 32);
    if (auto zone = jsonText(jsonMember(*conf, "time_zone_name")); TimeZone::find(zone)) r.zoneName = zone;
  }
  l.persons = namesOf(jsonMember(*sch, "persons"));
  std::map<std::string, int> seen;  // guid -> how many events had it so far
  for (std::size_t i = 0; i < events->size(); ++i) {
    const json& ev = (*events)[i];
    const std::string p = "/schedule/events/" + std::to_string(i);
    ImportedEvent e;
    e.origin = p;
    e.key = jsonText(jsonMember(ev, "guid"));
    if (e.key.empty()) e.key = jsonText(jsonMember(ev, "code"));
    const std::string title = jsonText(jsonMember(ev, "title"));
    const auto start = parseInstant(jsonText(jsonMember(ev, "start")));
    auto end = parseInstant(jsonText(jsonMember(ev, "end")));
    std::string why = e.key.empty() ? "it has no guid" : title.empty() ? "it has no title"
                    : !start ? "its start is not a date and time with offset" : "";
    if (!why.empty()) {
      report(r.diagnostics, Severity::Warning, p, "event left out: " + why);
      if (!e.key.empty()) r.refusedKeys.push_back(e.key);
      ++r.refused;
      continue;
    }
    // The same guid again (a workshop on several days): each occurrence stays, keyed by its date.
    if (seen[e.key]++ > 0) {
      std::string day = jsonText(jsonMember(ev, "start")).substr(0, 10);  // the date as written, local
      std::erase(day, '-');
      e.key += "_" + day;
      report(r.diagnostics, Severity::Warning, p + "/guid", "the guid appears again; imported as " + quoteShort(e.key));
    }
    e.title = title;
    e.subtitle = jsonText(jsonMember(ev, "subtitle"));
    e.start = *start;
    e.end = end && *end >= *start ? *end : *start;
    e.room = resolve(jsonMember(ev, "room"), l.rooms);
    if (auto url = jsonText(jsonMember(ev, "url")); isWebUrl(url)) e.link = url;
    e.roomKey = addRoom(r, e.room, jsonMember(ev, "room") ? jsonText(jsonMember(*jsonMember(ev, "room"), "guid")) : std::string());
    e.trackKey = addTrack(r, resolve(jsonMember(ev, "track"), l.tracks));
    for (const auto& name : speakers(ev, l)) e.speakers.push_back({name, {}});
    e.kind = kindFromType(jsonText(jsonMember(ev, "type")));
    e.language = languageCodeOf(jsonText(jsonMember(ev, "language")));
    e.description = describe(ev, opts);
    r.events.push_back(std::move(e));
  }
  if (!hasErrors(r.diagnostics) && r.events.empty())
    report(r.diagnostics, Severity::Error, "/schedule/events", "no event with a guid, a title and a start was found");
  locatePointers(withoutBom(text), r.diagnostics);
  return r;
}

int recogniseSchedule2(std::string_view text, std::string_view) {
  const std::string_view t = trimmed(withoutBom(text));
  if (!t.starts_with("{")) return 0;
  const auto head = t.substr(0, 1024);
  return head.find("schedule2") != std::string_view::npos || head.find("schema2.json") != std::string_view::npos ? 3 : 0;
}

}  // namespace sf::core
