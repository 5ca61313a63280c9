// Selectors and recurring windows as the feed writes them, and the names of levels and
// pictograms. Each wrong value is reported at its pointer with what was expected.
#include "core/feed/targeting.hpp"

#include <array>

#include "core/base/text_util.hpp"

namespace sf::core {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 3> kLevelNames{"info", "important", "emergency"};
constexpr std::array<std::string_view, 5> kPictogramNames{"none", "exit", "assembly-point", "no-entry", "first-aid"};
// Indexed by LocalDateTime::weekday (0 Sunday).
constexpr std::array<std::string_view, 7> kDayNames{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

std::vector<std::string> selector(JsonReader& r, const json& obj, const std::string& ptr, std::string_view key) {
  const json* v = r.member(obj, ptr, key, false);
  const std::string p = ptr + "/" + std::string(key);
  if (!v) return {};
  if (v->is_string()) {  // one name needs no list
    if (auto s = r.string(v, p)) return {*s};
    return {};
  }
  std::vector<std::string> out = r.strings(v, p);
  if (v->is_array() && v->empty())
    r.warn(p, "an empty list selects no screen by " + std::string(key) + "; leave the key out to show everywhere");
  return out;
}

std::optional<int> clockKey(JsonReader& r, const json& obj, const std::string& ptr, std::string_view key) {
  const json* v = r.member(obj, ptr, key, false);
  if (!v) return std::nullopt;
  const std::string p = ptr + "/" + std::string(key);
  auto s = r.string(v, p);
  if (!s) return std::nullopt;
  auto t = parseClockTime(*s);
  if (!t) r.error(p, "expected a local time \"HH:MM\" from \"00:00\" to \"24:00\", found " + quoteShort(*s));
  return t;
}

}  // namespace

std::string_view levelName(Level level) { return kLevelNames[static_cast<std::size_t>(level)]; }

std::optional<Level> levelNamed(std::string_view name) {
  for (std::size_t i = 0; i < kLevelNames.size(); ++i)
    if (kLevelNames[i] == name) return static_cast<Level>(i);
  return std::nullopt;
}

std::string_view pictogramName(Pictogram p) { return kPictogramNames[static_cast<std::size_t>(p)]; }

std::optional<Pictogram> pictogramNamed(std::string_view name) {
  for (std::size_t i = 0; i < kPictogramNames.size(); ++i)
    if (kPictogramNames[i] == name) return static_cast<Pictogram>(i);
  return std::nullopt;
}

std::optional<int> parseClockTime(std::string_view t) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (t.size() != 5 || t[2] != ':' || !digit(t[0]) || !digit(t[1]) || !digit(t[3]) || !digit(t[4])) return std::nullopt;
  const int h = (t[0] - '0') * 10 + (t[1] - '0');
  const int m = (t[3] - '0') * 10 + (t[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::string formatClockTime(int minutes) {
  const int h = minutes / 60, m = minutes % 60;
  std::string out(5, ':');
  out[0] = static_cast<char>('0' + h / 10);
  out[1] = static_cast<char>('0' + h % 10);
  out[3] = static_cast<char>('0' + m / 10);
  out[4] = static_cast<char>('0' + m % 10);
  return out;
}

std::optional<int> weekdayNamed(std::string_view name) {
  for (std::size_t i = 0; i < kDayNames.size(); ++i)
    if (kDayNames[i] == name) return static_cast<int>(i);
  return std::nullopt;
}

std::string formatDays(std::uint8_t days) {
  if (days == 0x7f) return "";
  std::string out;
  for (int k = 1; k <= 7; ++k) {  // Monday first, as a week is read here
    const int d = k % 7;
    if (!(days & (1u << d))) continue;
    if (!out.empty()) out += ',';
    out += kDayNames[static_cast<std::size_t>(d)];
  }
  return out;
}

Targets readTargets(JsonReader& r, const json& obj, const std::string& ptr) {
  Targets t;
  t.screens = selector(r, obj, ptr, "screens");
  t.groups = selector(r, obj, ptr, "groups");
  t.rooms = selector(r, obj, ptr, "rooms");
  return t;
}

Recurrence readRecurrence(JsonReader& r, const json& obj, const std::string& ptr) {
  Recurrence rec;
  if (const json* v = r.member(obj, ptr, "days", false); v && r.array(*v, ptr + "/days", "of weekdays (\"mon\" … \"sun\")")) {
    std::uint8_t days = 0;
    for (std::size_t i = 0; i < v->size(); ++i) {
      const std::string p = ptr + "/days/" + std::to_string(i);
      auto s = r.string(&(*v)[i], p);
      if (!s) continue;
      if (auto d = weekdayNamed(asciiLower(*s))) days |= static_cast<std::uint8_t>(1u << *d);
      else r.error(p, "expected a weekday \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\" or \"sun\", found " + quoteShort(*s));
    }
    if (v->empty()) r.error(ptr + "/days", "expected at least one weekday; leave \"days\" out for every day");
    if (days) rec.days = days;
  }
  const auto from = clockKey(r, obj, ptr, "from");
  const auto until = clockKey(r, obj, ptr, "until");
  if (from) rec.from = *from == 24 * 60 ? 0 : *from;
  if (until) rec.until = *until == 0 && from ? 24 * 60 : *until;
  if ((from || until) && rec.from == rec.until)
    r.error(ptr + "/until", "the daily window \"from\" " + formatClockTime(rec.from) + " \"until\" " +
                                formatClockTime(rec.until) + " is empty; leave both out for the whole day");
  return rec;
}

}  // namespace sf::core
