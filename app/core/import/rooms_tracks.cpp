// Rooms, tracks, kinds and languages as schedules write them, made into what a feed lists: keys
// that stay the same across re-imports (from GUIDs or names), kinds and language codes.
#include <algorithm>
#include <array>

#include "core/base/text_util.hpp"
#include "core/feed/color.hpp"
#include "core/import/common.hpp"

namespace sf::core {
namespace {

// A key from a name: its slug, unless that is empty or taken by another name; then the name
// behind a character ids do not allow, so itemId makes a readable id with a hash of the name.
template <class T>
std::string keyFromName(const std::vector<T>& items, std::string_view name) {
  std::string key = slugify(name, 64);
  const bool taken = std::any_of(items.begin(), items.end(), [&](const T& t) { return t.key == key; });
  return key.empty() || taken ? "~" + std::string(name) : key;
}

bool contains(std::string_view text, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

}  // namespace

std::string addRoom(ImportResult& r, std::string_view rawName, std::string_view rawGuid, std::optional<int> capacity) {
  const std::string name(trimmed(rawName));
  const std::string guid = asciiLower(trimmed(rawGuid));
  if (name.empty()) return {};
  for (auto& room : r.rooms) {
    if (room.name != name) continue;
    if (room.guid.empty() && !guid.empty() &&
        std::none_of(r.rooms.begin(), r.rooms.end(), [&](const ImportedRoom& o) { return o.guid == guid; }))
      room.guid = guid;
    if (!room.capacity && capacity && *capacity > 0 && *capacity <= 1000000) room.capacity = capacity;
    return room.key;
  }
  ImportedRoom room;
  room.name = name;
  room.capacity = capacity && *capacity > 0 && *capacity <= 1000000 ? capacity : std::nullopt;  // as the feed allows
  room.order = static_cast<int>(r.rooms.size()) + 1;
  // Some exports give several rooms one GUID: only the first keeps it as its key.
  const bool guidFree = !guid.empty() && isValidId(guid) &&
                        std::none_of(r.rooms.begin(), r.rooms.end(), [&](const ImportedRoom& o) { return o.guid == guid || o.key == guid; });
  if (guidFree) {
    room.guid = guid;
    room.key = guid;
  } else {
    room.key = keyFromName(r.rooms, name);
  }
  r.rooms.push_back(std::move(room));
  return r.rooms.back().key;
}

std::string addTrack(ImportResult& r, std::string_view rawName, std::string_view color) {
  const std::string name(trimmed(rawName));
  if (name.empty()) return {};
  const std::string colour = parseHexColor(trimmed(color)) ? std::string(trimmed(color)) : std::string();
  for (auto& t : r.tracks) {
    if (t.name != name) continue;
    if (t.color.empty()) t.color = colour;
    return t.key;
  }
  r.tracks.push_back({keyFromName(r.tracks, name), name, colour});
  return r.tracks.back().key;
}

std::optional<EventKind> kindFromType(std::string_view raw) {
  const std::string type = asciiLower(trimmed(raw));
  if (type.empty()) return std::nullopt;
  if (contains(type, {"workshop", "tutorial", "hands-on", "werkstatt", "übung"})) return EventKind::Workshop;
  if (contains(type, {"break", "pause", "coffee", "lunch", "kaffee", "mittag", "dinner", "breakfast"})) return EventKind::Break;
  if (contains(type, {"social", "party", "reception", "meetup", "get-together", "empfang", "networking"})) return EventKind::Social;
  if (contains(type, {"talk", "lecture", "vortrag", "keynote", "lightning", "panel", "presentation", "session", "podium",
                      "opening", "closing", "welcome", "plenary", "q&a"}))
    return EventKind::Talk;
  return EventKind::Other;
}

std::string languageCodeOf(std::string_view raw) {
  std::string s = asciiLower(trimmed(raw));
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> names{{
      {"english", "en"}, {"englisch", "en"}, {"german", "de"}, {"deutsch", "de"}, {"french", "fr"},
      {"français", "fr"}, {"spanish", "es"}, {"español", "es"}, {"italian", "it"}, {"dutch", "nl"}}};
  for (const auto& [name, code] : names)
    if (s == name) return std::string(code);
  if (const auto cut = s.find_first_of("-_,;/ "); cut != std::string::npos) s.resize(cut);  // "de-DE", "en, de": the (first) language
  return isLanguageCode(s) ? s : std::string();
}

}  // namespace sf::core
