// Sessionize "All" JSON to imported events. Ids are strings in new exports and numbers in some
// old ones, rooms and speakers are referenced by id: every lookup that fails is a located warning.
#include "core/import/sessionize.hpp"

#include <algorithm>
#include <map>

#include "core/base/text_util.hpp"
#include "core/feed/json_reader.hpp"
#include "core/feed/json_scan.hpp"

namespace sf::core {
namespace {

using nlohmann::json;

// id -> name of the list at `key`, each item with "id" and `nameKey` (rooms, category items).
std::map<std::string, std::string> namesById(const json* list, const char* nameKey) {
  std::map<std::string, std::string> out;
  if (!list || !list->is_array()) return out;
  for (const auto& item : *list)
    if (item.is_object())
      if (auto id = jsonText(jsonMember(item, "id")); !id.empty()) out[id] = jsonText(jsonMember(item, nameKey));
  return out;
}

std::map<std::string, std::string> speakerNames(const json& root) {
  std::map<std::string, std::string> out;
  const json* list = jsonMember(root, "speakers");
  if (!list || !list->is_array()) return out;
  for (const auto& s : *list) {
    if (!s.is_object()) continue;
    std::string name = jsonText(jsonMember(s, "fullName"));
    if (name.empty()) name = std::string(trimmed(jsonText(jsonMember(s, "firstName")) + " " + jsonText(jsonMember(s, "lastName"))));
    if (auto id = jsonText(jsonMember(s, "id")); !id.empty() && !name.empty()) out[id] = name;
  }
  return out;
}

// What a category of the event tells about a session.
enum class CategoryRole { Other, Track, Language, Format };

struct CategoryItem {
  CategoryRole role = CategoryRole::Other;
  std::string name;
};

// Every category item, by id, with what its category is: "Track" items say which track a
// session is in, "Language" items its language, "Session format" items its kind.
std::map<std::string, CategoryItem> categoryItems(const json& root) {
  std::map<std::string, CategoryItem> out;
  const json* cats = jsonMember(root, "categories");
  if (!cats || !cats->is_array()) return out;
  for (const auto& c : *cats) {
    if (!c.is_object()) continue;
    const std::string title = asciiLower(jsonText(jsonMember(c, "title")));
    const CategoryRole role = title.find("track") != std::string::npos || title.find("topic") != std::string::npos ? CategoryRole::Track
                              : title.find("language") != std::string::npos || title.find("sprache") != std::string::npos ? CategoryRole::Language
                              : title.find("format") != std::string::npos || title.find("type") != std::string::npos ? CategoryRole::Format
                                                                                                                     : CategoryRole::Other;
    for (auto& [id, name] : namesById(jsonMember(c, "items"), "name")) out[id] = {role, name};
  }
  return out;
}

struct SessionizeLookups {
  std::map<std::string, std::string> rooms, speakers;
  std::map<std::string, CategoryItem> categories;
};

// The rooms in Sessionize's own order ("sort"), so the feed lists them as the organisers do.
void addRooms(const json& root, ImportResult& r) {
  const json* list = jsonMember(root, "rooms");
  if (!list || !list->is_array()) return;
  std::vector<std::pair<std::int64_t, std::string>> rooms;
  for (const auto& room : *list) {
    const json* sort = jsonMember(room, "sort");
    rooms.emplace_back(sort && sort->is_number_integer() ? sort->get<std::int64_t>() : 0, jsonText(jsonMember(room, "name")));
  }
  std::stable_sort(rooms.begin(), rooms.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [sort, name] : rooms) addRoom(r, name);
}

class SessionReader {
 public:
  SessionReader(const ImportOptions& opts, const SessionizeLookups& lookups, ImportResult& r)
      : opts_(opts), lookups_(lookups), r_(r) {}

  // False when the file cannot be read at all (local times and no zone).
  bool read(const json& s, const std::string& p) {
    if (!s.is_object()) {
      warn(p, "expected a session object, found " + describeJson(s) + "; left out");
      ++r_.refused;
      return true;
    }
    ImportedEvent e;
    e.key = jsonText(jsonMember(s, "id"));
    e.origin = p;
    if (e.key.empty()) {
      warn(p + "/id", "a session without an id cannot be followed across imports; left out");
      ++r_.refused;
      return true;
    }
    const bool service = jsonMember(s, "isServiceSession") && s["isServiceSession"] == true;
    if (service && !opts_.includeBreaks) {
      ++r_.skipped;
      return true;
    }
    const std::string title = jsonText(jsonMember(s, "title"));
    if (title.empty()) return refuse(e, p + "/title", "a session without a title cannot be shown; left out");
    e.title = title;
    const json* starts = jsonMember(s, "startsAt");
    const json* ends = jsonMember(s, "endsAt");
    if (!starts) {  // not scheduled yet: Sessionize lists accepted sessions before they have a slot
      ++r_.skipped;
      return true;
    }
    auto start = time(starts, p + "/startsAt");
    if (needZone_) return false;  // said once, at the first time: the rest would repeat it
    auto end = ends ? time(ends, p + "/endsAt") : start;
    if (!start || !end) return refuse(e, p, "left out: its times cannot be read");
    if (*end < *start) {
      warn(p + "/endsAt", "the session ends before it starts; shown without an end");
      end = start;
    }
    e.start = *start;
    e.end = *end;
    if (auto room = jsonText(jsonMember(s, "roomId")); !room.empty()) {
      const auto it = lookups_.rooms.find(room);
      if (it != lookups_.rooms.end()) e.roomKey = addRoom(r_, e.room = it->second);
      else warn(p + "/roomId", "no room " + quoteShort(room) + " in /rooms; shown without a room");
    }
    e.description = text(s, p, e);
    if (service) e.kind = EventKind::Break;
    r_.events.push_back(std::move(e));
    return true;
  }

 private:
  std::optional<Instant> time(const json* v, const std::string& p) {
    const std::string s = jsonText(v);
    if (auto t = parseInstant(s)) return t;
    if (!opts_.zone) {
      if (parseInstantOrLocal(s, TimeZone::utc())) {
        report(r_.diagnostics, Severity::Error, p,
               "the time " + quoteShort(s) + " has no UTC offset and Sessionize does not say where it is; name the "
               "venue's zone with --time-zone, e.g. --time-zone Europe/Vienna (or import into a feed that has one)");
        needZone_ = true;
      } else {
        warn(p, "expected a date and time such as 2024-04-20T09:00:00, found " + describeJson(v ? *v : json()));
      }
      return std::nullopt;
    }
    if (auto t = parseInstantOrLocal(s, *opts_.zone)) return t;
    warn(p, "expected a date and time such as 2024-04-20T09:00:00, found " + describeJson(v ? *v : json()));
    return std::nullopt;
  }

  // The abstract; the speakers and the categories (track, language, format) go into `e`.
  std::string text(const json& s, const std::string& p, ImportedEvent& e) {
    if (const json* ids = jsonMember(s, "speakers"); ids && ids->is_array()) {
      for (std::size_t i = 0; i < ids->size(); ++i) {
        const std::string id = jsonText(&(*ids)[i]);
        const auto it = lookups_.speakers.find(id);
        if (it != lookups_.speakers.end()) e.speakers.push_back({it->second, {}});
        else if (!id.empty()) warn(p + "/speakers/" + std::to_string(i), "no speaker " + quoteShort(id) + " in /speakers");
      }
    }
    if (const json* items = jsonMember(s, "categoryItems"); items && items->is_array())
      for (const auto& item : *items) {
        const auto it = lookups_.categories.find(jsonText(&item));
        if (it == lookups_.categories.end() || it->second.name.empty()) continue;
        const CategoryItem& c = it->second;
        if (c.role == CategoryRole::Track && e.trackKey.empty()) e.trackKey = addTrack(r_, c.name);
        if (c.role == CategoryRole::Language && e.language.empty()) e.language = languageCodeOf(c.name);
        if (c.role == CategoryRole::Format && !e.kind) e.kind = kindFromType(c.name);
      }
    return shorten(plainText(jsonText(jsonMember(s, "description"))), opts_.maxDescription);
  }

  bool refuse(const ImportedEvent& e, const std::string& p, std::string why) {
    warn(p, std::move(why));
    r_.refusedKeys.push_back(e.key);
    ++r_.refused;
    return true;
  }
  void warn(const std::string& p, std::string msg) { report(r_.diagnostics, Severity::Warning, p, std::move(msg)); }

  const ImportOptions& opts_;
  const SessionizeLookups& lookups_;
  ImportResult& r_;
  bool needZone_ = false;
};

}  // namespace

ImportResult importSessionize(std::string_view text, const ImportOptions& opts) {
  ImportResult r;
  json root;
  if (!parseJsonSource(text, root, r.diagnostics)) return r;
  const json* sessions = root.is_object() ? jsonMember(root, "sessions") : nullptr;
  if (!sessions || !sessions->is_array()) {
    report(r.diagnostics, Severity::Error, root.is_object() ? "/sessions" : "",
           "expected Sessionize's \"All\" export: an object with \"sessions\": […], \"speakers\" and \"rooms\"");
  } else {
    const SessionizeLookups lookups{namesById(jsonMember(root, "rooms"), "name"), speakerNames(root), categoryItems(root)};
    addRooms(root, r);
    SessionReader reader(opts, lookups, r);
    for (std::size_t i = 0; i < sessions->size(); ++i)
      if (!reader.read((*sessions)[i], "/sessions/" + std::to_string(i))) {
        r.events.clear();  // no zone: none of its times can be placed
        break;
      }
    if (!hasErrors(r.diagnostics) && r.events.empty())
      report(r.diagnostics, Severity::Error, "/sessions", "no session with a title and a start time was found");
    r.suggestedSourceId = "sessionize";
  }
  locatePointers(withoutBom(text), r.diagnostics);
  return r;
}

int recogniseSessionize(std::string_view text, std::string_view) {
  const std::string_view t = trimmed(withoutBom(text));
  if (!t.starts_with("{")) return 0;
  const auto head = t.substr(0, 8192);
  return head.find("\"sessions\"") != std::string_view::npos && head.find("\"startsAt\"") != std::string_view::npos ? 3 : 0;
}

}  // namespace sf::core
