// pretalx's widget data (widgets/schedule.json) to imported events: talks keyed by their
// submission code, and the slots without a submission (breaks, openings, keynotes) by room and start.
#include "core/import/pretalx_widget.hpp"

#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "core/feed/json_scan.hpp"
#include "core/base/text_util.hpp"

namespace sf::core {
namespace {

using nlohmann::json;

std::string stringOf(const json& obj, std::string_view key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? std::string(trimmed(it->get_ref<const std::string&>())) : std::string();
}

// A widget text: a string, or an object by language. One language becomes a plain string, so
// it shows in every language of the feed.
nlohmann::ordered_json reduceText(const json* v) {
  if (!v) return nullptr;
  if (v->is_string()) {
    const auto t = trimmed(v->get_ref<const std::string&>());
    return t.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(std::string(t));
  }
  if (!v->is_object()) return nullptr;
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (auto it = v->begin(); it != v->end(); ++it)
    if (it->is_string() && !trimmed(it->get_ref<const std::string&>()).empty())
      out[it.key()] = std::string(trimmed(it->get_ref<const std::string&>()));
  if (out.empty()) return nullptr;
  if (out.size() == 1) return out.begin().value();
  return out;
}

std::string firstText(const nlohmann::ordered_json& t) {
  if (t.is_string()) return t.get<std::string>();
  if (t.is_object() && !t.empty()) return t.begin()->get<std::string>();
  return {};
}

std::string keyOf(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

std::string compactUtc(Instant t) {  // 20241121T2330Z: part of a break's key
  const auto l = TimeZone::utc().toLocal(t);
  std::string d = formatDate(l.date);
  std::erase(d, '-');
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d%02dZ", l.hour, l.minute);
  return d + buf;
}

// pretalx lists a break once per room; visitors need it once. Slots without a submission that
// share title, start and end become one event without a room, keyed by its start and title.
void mergeParallelBreaks(ImportResult& r) {
  std::map<std::tuple<std::string, Instant, Instant>, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < r.events.size(); ++i)
    if (r.events[i].key.starts_with("break-")) groups[{r.events[i].title.dump(), r.events[i].start, r.events[i].end}].push_back(i);
  std::vector<bool> drop(r.events.size(), false);
  for (const auto& [what, members] : groups) {
    if (members.size() < 2) continue;
    ImportedEvent& first = r.events[members.front()];
    first.key = "break-" + compactUtc(first.start) + "-" + slugify(firstText(first.title), 32);
    first.room.clear();
    first.roomKey.clear();
    for (std::size_t k = 1; k < members.size(); ++k) drop[members[k]] = true;
  }
  std::vector<ImportedEvent> kept;
  for (std::size_t i = 0; i < r.events.size(); ++i)
    if (!drop[i]) kept.push_back(std::move(r.events[i]));
  r.events = std::move(kept);
}

}  // namespace

ImportResult importPretalxWidget(std::string_view text, const ImportOptions& opts) {
  ImportResult r;
  json root;
  if (!parseJsonSource(text, root, r.diagnostics)) return r;
  auto error = [&](const std::string& p, std::string m) { report(r.diagnostics, Severity::Error, p, std::move(m)); };
  auto finish = [&]() {
    locatePointers(withoutBom(text), r.diagnostics);
    return std::move(r);
  };
  auto talks = root.is_object() ? root.find("talks") : json::iterator{};
  if (!root.is_object() || talks == root.end() || !talks->is_array()) {
    error(root.is_object() ? "/talks" : "", "expected pretalx widget data: an object with \"talks\": […]");
    return finish();
  }
  std::map<std::string, std::string> rooms, speakers, tracks;
  if (auto it = root.find("rooms"); it != root.end() && it->is_array())
    for (const auto& room : *it)
      if (room.is_object() && room.contains("id")) {
        rooms[keyOf(room["id"])] = firstText(reduceText(room.contains("name") ? &room["name"] : nullptr));
        addRoom(r, rooms[keyOf(room["id"])]);
      }
  if (auto it = root.find("tracks"); it != root.end() && it->is_array())
    for (const auto& t : *it)
      if (t.is_object() && t.contains("id"))
        tracks[keyOf(t["id"])] = addTrack(r, firstText(reduceText(t.contains("name") ? &t["name"] : nullptr)), stringOf(t, "color"));
  // The conference's name, where the widget data carries one (newer pretalx versions do).
  for (const char* key : {"event", "conference"})
    if (auto it = root.find(key); it != root.end() && it->is_object() && it->contains("name") && r.title.empty())
      r.title = firstText(reduceText(&(*it)["name"]));
  if (r.title.empty() && root.contains("title")) r.title = firstText(reduceText(&root["title"]));
  if (auto it = root.find("speakers"); it != root.end() && it->is_array())
    for (const auto& s : *it)
      if (s.is_object()) speakers[stringOf(s, "code")] = stringOf(s, "name");

  std::optional<TimeZone> named;
  const std::string tzText = stringOf(root, "timezone");
  if (!tzText.empty() && !(named = TimeZone::find(tzText)))
    report(r.diagnostics, Severity::Warning, "/timezone", "unknown time zone " + quoteShort(tzText) + "; times are read from their own offsets");
  std::size_t wrongOffsets = 0;
  std::set<std::string> seen;

  for (std::size_t i = 0; i < talks->size(); ++i) {
    const json& t = (*talks)[i];
    const std::string tp = "/talks/" + std::to_string(i);
    if (!t.is_object()) {
      error(tp, "expected a talk object, found something else");
      continue;
    }
    const std::string code = stringOf(t, "code");
    const bool isBreak = code.empty();
    if (isBreak && !opts.includeBreaks) {
      ++r.skipped;
      continue;
    }
    ImportedEvent e;
    e.origin = tp;
    e.title = reduceText(t.contains("title") ? &t["title"] : nullptr);
    if (e.title.is_null()) error(tp + "/title", "expected a title (a string or an object by language), found none");
    bool timesOk = true;
    for (const char* which : {"start", "end"}) {
      const std::string s = stringOf(t, which);
      const auto at = parseInstant(s);
      if (!at) {
        error(tp + "/" + which, std::string("expected the ") + which + " as a date and time with offset such as 2024-11-22T09:20:00+11:00, found " + (s.empty() ? "nothing" : quoteShort(s)));
        timesOk = false;
        continue;
      }
      (which[0] == 's' ? e.start : e.end) = *at;
      const auto off = offsetMinutesOf(s);
      if (named && off && s.back() != 'Z' && named->toLocal(*at).offsetMinutes != *off) ++wrongOffsets;
    }
    if (!timesOk || e.title.is_null()) continue;
    if (e.end < e.start) {
      error(tp + "/end", "the talk ends before it starts");
      continue;
    }
    const std::string roomId = t.contains("room") ? keyOf(t["room"]) : std::string();
    if (auto it = rooms.find(roomId); it != rooms.end()) {
      e.room = it->second;
      e.roomKey = addRoom(r, e.room);
    }
    if (auto it = tracks.find(t.contains("track") ? keyOf(t["track"]) : std::string()); it != tracks.end()) e.trackKey = it->second;
    e.kind = isBreak ? kindFromType(firstText(e.title)) : std::optional<EventKind>(EventKind::Talk);
    // Slot ids change with every schedule release; room and start do not unless the slot moves.
    e.key = isBreak ? "break-" + slugify(roomId) + "-" + compactUtc(e.start) : code;
    if (auto it = t.find("speakers"); it != t.end() && it->is_array())
      for (const auto& s : *it)
        if (s.is_string())
          if (auto n = speakers.find(s.get<std::string>()); n != speakers.end() && !n->second.empty()) e.speakers.push_back({n->second, {}});
    e.description = shorten(plainText(stringOf(t, "abstract")), opts.maxDescription);
    if (!seen.insert(e.key).second) {
      report(r.diagnostics, Severity::Warning, tp, "the same slot " + quoteShort(e.key) + " appears twice; only the first is imported");
      ++r.skipped;
      continue;
    }
    r.events.push_back(std::move(e));
  }
  mergeParallelBreaks(r);
  if (named && wrongOffsets == 0) r.zoneName = named->name();
  else if (named)
    report(r.diagnostics, Severity::Warning, "/timezone",
           "timezone says " + quoteShort(tzText) + ", but " + std::to_string(wrongOffsets) +
               " times carry another offset; every time is read from its own offset");
  return finish();
}

int recognisePretalxWidget(std::string_view text, std::string_view) {
  const std::string_view t = trimmed(withoutBom(text));
  if (!t.starts_with("{")) return 0;
  // The first top-level keys decide; a cheap look that needs no full parse.
  const auto head = t.substr(0, 4096);
  return head.find("\"talks\"") != std::string_view::npos && head.find("\"schedule\"") == std::string_view::npos ? 3 : 0;
}

}  // namespace sf::core
