// Indico's JSON export to imported events. Its times are objects {date, time, tz}; the tz is
// usually "UTC" even where the event's own zone is another, so each time is read in its own tz.
#include "core/import/indico.hpp"

#include "core/base/text_util.hpp"
#include "core/feed/json_reader.hpp"
#include "core/feed/json_scan.hpp"

namespace sf::core {
namespace {

using nlohmann::json;

// "Peres, Martin" as Indico's fullName writes it reads better as "Martin Peres" on a screen.
std::string personName(const json& p) {
  std::string name = std::string(trimmed(jsonText(jsonMember(p, "first_name")) + " " + jsonText(jsonMember(p, "last_name"))));
  return name.empty() ? jsonText(jsonMember(p, "fullName")) : name;
}

std::vector<Speaker> people(const json& c, const char* key) {
  std::vector<Speaker> out;
  if (const json* list = jsonMember(c, key); list && list->is_array())
    for (const auto& p : *list)
      if (p.is_object())
        if (auto n = personName(p); !n.empty()) out.push_back({n, jsonText(jsonMember(p, "affiliation"))});
  return out;
}

class EventReader {
 public:
  EventReader(const ImportOptions& opts, ImportResult& r, std::optional<TimeZone> eventZone)
      : opts_(opts), r_(r), eventZone_(std::move(eventZone)) {}

  void contribution(const json& c, const std::string& p) {
    if (!c.is_object()) {
      warn(p, "expected a contribution object, found " + describeJson(c) + "; left out");
      ++r_.refused;
      return;
    }
    ImportedEvent e;
    e.key = jsonText(jsonMember(c, "id"));
    if (e.key.empty()) e.key = jsonText(jsonMember(c, "db_id"));
    e.origin = p;
    if (e.key.empty()) {
      warn(p + "/id", "a contribution without an id cannot be followed across imports; left out");
      ++r_.refused;
      return;
    }
    const std::string title = jsonText(jsonMember(c, "title"));
    if (title.empty()) return refuse(e.key, p + "/title", "a contribution without a title cannot be shown; left out");
    e.title = title;
    if (!jsonMember(c, "startDate")) {  // on the list but not in the timetable
      ++r_.skipped;
      return;
    }
    const auto start = time(jsonMember(c, "startDate"), p + "/startDate");
    auto end = jsonMember(c, "endDate") ? time(jsonMember(c, "endDate"), p + "/endDate") : start;
    if (!start) return refuse(e.key, p + "/startDate", "left out: its start cannot be read");
    if (!end || *end < *start) end = start;
    e.start = *start;
    e.end = *end;
    e.room = jsonText(jsonMember(c, "roomFullname"));
    if (e.room.empty()) e.room = jsonText(jsonMember(c, "room"));
    e.roomKey = addRoom(r_, e.room);
    e.place = jsonText(jsonMember(c, "location"));
    e.speakers = people(c, "speakers");
    if (e.speakers.empty()) e.speakers = people(c, "primaryauthors");  // exports often list speakers only as authors
    // Indico's tracks are often formats ("Talk (half slot)"): they give the kind where no type does.
    const std::string track = jsonText(jsonMember(c, "track"));
    e.trackKey = addTrack(r_, track);
    e.kind = kindFromType(jsonText(jsonMember(c, "type")));
    if (!e.kind)
      if (auto k = kindFromType(track); k && *k != EventKind::Other) e.kind = k;
    if (const std::string url = jsonText(jsonMember(c, "url")); isWebUrl(url)) e.link = url;
    e.description = text(c);
    r_.events.push_back(std::move(e));
  }

 private:
  // {"date": "2021-09-15", "time": "11:00:00", "tz": "UTC"}: a local time in the named zone.
  std::optional<Instant> time(const json* v, const std::string& p) {
    if (!v || !v->is_object()) {
      warn(p, "expected {\"date\", \"time\", \"tz\"}, found " + describeJson(v ? *v : json()));
      return std::nullopt;
    }
    const std::string local = jsonText(jsonMember(*v, "date")) + "T" + jsonText(jsonMember(*v, "time"));
    const std::string tz = jsonText(jsonMember(*v, "tz"));
    std::optional<TimeZone> zone = tz.empty() ? std::nullopt : TimeZone::find(tz);
    if (!zone) {
      zone = eventZone_ ? eventZone_ : opts_.zone;
      if (!zone) {
        warn(p + "/tz", "unknown time zone " + quoteShort(tz) + " and the event names none; left out");
        return std::nullopt;
      }
      warn(p + "/tz", "unknown time zone " + quoteShort(tz) + "; read in " + zone->name());
    }
    if (auto t = parseInstantOrLocal(local, *zone)) return t;
    warn(p, "expected a date such as 2021-09-15 and a time such as 11:00:00, found " + quoteShort(local));
    return std::nullopt;
  }

  std::string text(const json& c) { return shorten(plainText(jsonText(jsonMember(c, "description"))), opts_.maxDescription); }

  void refuse(const std::string& key, const std::string& p, std::string why) {
    warn(p, std::move(why));
    r_.refusedKeys.push_back(key);
    ++r_.refused;
  }
  void warn(const std::string& p, std::string msg) { report(r_.diagnostics, Severity::Warning, p, std::move(msg)); }

  const ImportOptions& opts_;
  ImportResult& r_;
  std::optional<TimeZone> eventZone_;
};

}  // namespace

ImportResult importIndico(std::string_view text, const ImportOptions& opts) {
  ImportResult r;
  json root;
  if (!parseJsonSource(text, root, r.diagnostics)) return r;
  const json* results = root.is_object() ? jsonMember(root, "results") : nullptr;
  if (!results || !results->is_array()) {
    report(r.diagnostics, Severity::Error, root.is_object() ? "/results" : "",
           "expected Indico's export: an object with \"results\": [{\"title\": …, \"contributions\": […]}]");
  } else {
    for (std::size_t i = 0; i < results->size(); ++i) {
      const json& ev = (*results)[i];
      const std::string p = "/results/" + std::to_string(i);
      const json* contributions = ev.is_object() ? jsonMember(ev, "contributions") : nullptr;
      if (!contributions || !contributions->is_array()) {
        report(r.diagnostics, Severity::Warning, p,
               "an event without \"contributions\"; export it with ?detail=contributions to import its programme");
        continue;
      }
      const std::string zoneName = jsonText(jsonMember(ev, "timezone"));
      const auto zone = TimeZone::find(zoneName);
      if (r.title.empty()) r.title = jsonText(jsonMember(ev, "title"));
      if (zone && !r.zoneName) r.zoneName = zoneName;
      if (r.suggestedSourceId.empty())
        if (const std::string id = jsonText(jsonMember(ev, "id")); !id.empty()) r.suggestedSourceId = "indico-" + id;
      EventReader reader(opts, r, zone);
      for (std::size_t k = 0; k < contributions->size(); ++k)
        reader.contribution((*contributions)[k], p + "/contributions/" + std::to_string(k));
    }
    if (!hasErrors(r.diagnostics) && r.events.empty())
      report(r.diagnostics, Severity::Error, "/results", "no contribution with a title and a time was found");
  }
  locatePointers(withoutBom(text), r.diagnostics);
  return r;
}

int recogniseIndico(std::string_view text, std::string_view) {
  const std::string_view t = trimmed(withoutBom(text));
  if (!t.starts_with("{")) return 0;
  const auto head = t.substr(0, 8192);
  const bool apiResult = head.find("\"HTTPAPIResult\"") != std::string_view::npos;
  const bool contributions = head.find("\"results\"") != std::string_view::npos &&
                             head.find("\"contributions\"") != std::string_view::npos;
  return apiResult || contributions ? 3 : 0;
}

}  // namespace sf::core
