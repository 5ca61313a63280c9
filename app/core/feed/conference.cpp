// Reads rooms, tracks and the conference keys of events, then ties events to rooms and tracks.
// Every key is optional, so feeds written before these keys existed read as they did.
#include "core/feed/conference.hpp"

#include <algorithm>
#include <cstdio>

#include "core/base/text_util.hpp"
#include "core/feed/color.hpp"

namespace sf::core {

using nlohmann::json;

Room readRoom(JsonReader& r, const json& j, const std::string& p) {
  Room room;
  if (!r.isObject(j, p, "a room")) return room;
  r.unknownKeys(j, p, {"id", "name", "guid", "capacity", "place", "order"});
  room.id = r.id(r.member(j, p, "id", true), p + "/id");
  room.name = r.text(r.member(j, p, "name", true), p + "/name", true, 60);
  if (auto g = r.string(r.member(j, p, "guid", false), p + "/guid")) room.guid = *g;
  if (auto c = r.integer(r.member(j, p, "capacity", false), p + "/capacity", 1, 1000000)) room.capacity = static_cast<int>(*c);
  if (const json* pl = r.member(j, p, "place", false); pl && r.isObject(*pl, p + "/place", "a place: {\"building\", \"floor\"}")) {
    const std::string pp = p + "/place";
    r.unknownKeys(*pl, pp, {"building", "floor"});
    room.building = r.text(r.member(*pl, pp, "building", false), pp + "/building", false, 60);
    room.floor = r.text(r.member(*pl, pp, "floor", false), pp + "/floor", false, 40);
  }
  room.order = static_cast<int>(r.integer(r.member(j, p, "order", false), p + "/order", -1000000, 1000000).value_or(0));
  return room;
}

Track readTrack(JsonReader& r, const json& j, const std::string& p) {
  Track t;
  if (!r.isObject(j, p, "a track")) return t;
  r.unknownKeys(j, p, {"id", "name", "color"});
  t.id = r.id(r.member(j, p, "id", true), p + "/id");
  t.name = r.text(r.member(j, p, "name", true), p + "/name", true, 60);
  if (auto s = r.string(r.member(j, p, "color", false), p + "/color")) {
    if (auto c = parseHexColor(*s)) t.color = *c;
    else r.error(p + "/color", "expected a colour as #RRGGBB, found " + quoteShort(*s));
  }
  return t;
}

namespace {

std::vector<Speaker> readSpeakers(JsonReader& r, const json* v, const std::string& p) {
  std::vector<Speaker> out;
  if (!v || !r.array(*v, p, "of speakers: names, or {\"name\", \"affiliation\"}")) return out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const std::string sp = p + "/" + std::to_string(i);
    const json& s = (*v)[i];
    Speaker speaker;
    if (s.is_string()) {
      if (auto n = r.string(&s, sp)) speaker.name = trimmed(*n);
    } else if (r.isObject(s, sp, "a speaker: a name, or {\"name\", \"affiliation\"}")) {
      r.unknownKeys(s, sp, {"name", "affiliation"});
      if (auto n = r.string(r.member(s, sp, "name", true), sp + "/name")) speaker.name = trimmed(*n);
      if (auto a = r.string(r.member(s, sp, "affiliation", false), sp + "/affiliation", true)) speaker.affiliation = trimmed(*a);
    }
    if (!speaker.name.empty()) out.push_back(std::move(speaker));
  }
  return out;
}

std::string eventKindList() {
  std::string out;
  for (auto k : {EventKind::Talk, EventKind::Workshop, EventKind::Break, EventKind::Social, EventKind::Other})
    out += (out.empty() ? "\"" : ", \"") + std::string(eventKindName(k)) + "\"";
  return out;
}

}  // namespace

void readEventConference(JsonReader& r, const json& j, const std::string& p, Event& e) {
  e.subtitle = r.text(r.member(j, p, "subtitle", false), p + "/subtitle", false, 150);
  e.speakers = readSpeakers(r, r.member(j, p, "speakers", false), p + "/speakers");
  if (const json* t = r.member(j, p, "track", false)) e.track = r.id(t, p + "/track");
  if (auto k = r.string(r.member(j, p, "kind", false), p + "/kind")) {
    if (auto kind = eventKindNamed(*k)) e.kind = *kind;
    else {
      e.kind = EventKind::Other;
      r.warn(p + "/kind", "unknown kind " + quoteShort(*k) + " is shown as \"other\"; known kinds: " + eventKindList());
    }
  }
  if (auto l = r.string(r.member(j, p, "language", false), p + "/language")) {
    if (isLanguageCode(*l)) e.language = *l;
    else r.warn(p + "/language", "expected a language code such as \"de\" or \"en\", found " + quoteShort(*l) + "; it is not shown");
  }
  e.cancelled = r.boolean(r.member(j, p, "cancelled", false), p + "/cancelled").value_or(false);
}

namespace {

// The room an event's room text names: a room id first, else a room's name in any language.
const Room* roomNamed(const Feed& feed, const Event& e) {
  const auto& values = e.room.values();
  if (values.empty()) return nullptr;
  // An id is one plain string, which the reader stored under the first language only.
  if (values.size() == 1)
    if (const Room* byId = feed.findRoom(values.front().second)) return byId;
  for (const auto& room : feed.rooms)
    for (const auto& [lang, name] : room.name.values())
      for (const auto& [elang, text] : values)
        if (lang == elang && name == text) return &room;
  return nullptr;
}

}  // namespace

void resolveConference(Feed& feed, Diagnostics& out) {
  for (std::size_t i = 0; i < feed.events.size(); ++i) {
    Event& e = feed.events[i];
    if (const Room* room = roomNamed(feed, e); room && !room->id.empty()) {
      e.roomId = room->id;
      LocalText name;
      for (const auto& lang : feed.languages)
        if (!room->name.in(lang).empty()) name.set(lang, room->name.in(lang));
      e.room = std::move(name);
    }
    if (!e.track.empty() && !feed.findTrack(e.track)) {
      std::vector<std::string> ids;
      for (const auto& t : feed.tracks) ids.push_back(t.id);
      report(out, Severity::Warning, "/events/" + std::to_string(i) + "/track",
             "unknown track " + quoteShort(e.track) + " is left out; the feed defines: " + (ids.empty() ? "none (add /tracks)" : join(ids)));
      e.track.clear();
    }
  }
}

void checkConference(const Feed& feed, Diagnostics& out) {
  for (std::size_t i = 0; i < feed.tracks.size(); ++i) {
    if (!feed.tracks[i].color) continue;
    const Rgb bg = feed.theme.palette.bg;  // the theme's base, dark unless the feed says light
    const bool light = feed.theme.base == ThemeBase::Light;
    const double ratio = contrastRatio(*feed.tracks[i].color, bg);
    if (ratio >= kWcagAaText) continue;
    char buf[16], hex[8];
    std::snprintf(buf, sizeof buf, "%.1f", ratio);
    std::snprintf(hex, sizeof hex, "#%02X%02X%02X", bg.r, bg.g, bg.b);
    report(out, Severity::Warning, "/tracks/" + std::to_string(i) + "/color",
           std::string("room names and labels in this colour reach a contrast of only ") + buf + ":1 on the screens' " +
               (light ? "light" : "dark") + " background (" + hex + "); WCAG AA needs 4.5:1, so pick a " + (light ? "darker" : "lighter") + " colour");
  }
}

const Room* roomNamed(const Feed& feed, std::string_view entry) {
  if (entry.empty()) return nullptr;
  for (const Room& r : feed.rooms)
    if (r.id == entry) return &r;
  for (const Room& r : feed.rooms)
    if (equalsIgnoringAsciiCase(r.guid, entry)) return &r;
  for (const Room& r : feed.rooms)
    for (const auto& [lang, name] : r.name.values())
      if (equalsIgnoringAsciiCase(name, entry)) return &r;
  return nullptr;
}

namespace {

// A `rooms` selector that names no room: organisers type what the door sign says, and a typo
// would silently leave the message off the screen it was for.
void checkRoomSelector(const Feed& feed, const Targets& t, const std::string& ptr, Diagnostics& out) {
  for (const std::string& entry : t.rooms) {
    if (roomNamed(feed, entry)) continue;
    const bool plain = std::any_of(feed.events.begin(), feed.events.end(), [&](const Event& e) {
      return std::any_of(e.room.values().begin(), e.room.values().end(), [&](const auto& v) { return equalsIgnoringAsciiCase(v.second, entry); });
    });
    if (plain) continue;
    std::vector<std::string> known;
    for (const Room& r : feed.rooms) known.push_back(r.id);
    report(out, Severity::Warning, ptr,
           "no room of this feed is called " + quoteShort(entry) + " (by id, GUID or name); only a screen whose config names exactly " +
               "that room shows it" + (known.empty() ? std::string() : "; the feed's rooms: " + join(known)));
  }
}

}  // namespace

void checkRoomSelectors(const Feed& feed, Diagnostics& out) {
  if (feed.rooms.empty() && std::none_of(feed.events.begin(), feed.events.end(), [](const Event& e) { return !e.room.empty(); }))
    return;  // no rooms to name: selectors match the screens' own words
  for (std::size_t i = 0; i < feed.playlist.size(); ++i)
    checkRoomSelector(feed, feed.playlist[i].targets, "/playlist/" + std::to_string(i) + "/rooms", out);
  for (std::size_t i = 0; i < feed.announcements.size(); ++i)
    checkRoomSelector(feed, feed.announcements[i].targets, "/announcements/" + std::to_string(i) + "/rooms", out);
}

void sortRooms(Feed& feed) {
  const std::string& lang = feed.languages.empty() ? std::string() : feed.languages.front();
  std::stable_sort(feed.rooms.begin(), feed.rooms.end(), [&](const Room& a, const Room& b) {
    return a.order != b.order ? a.order < b.order : naturalLess(a.name.in(lang), b.name.in(lang));
  });
}

}  // namespace sf::core
