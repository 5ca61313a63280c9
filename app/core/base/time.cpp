// Time zone arithmetic on Howard Hinnant's date/tz over the system tz database, since g++ 12's
// <chrono> has calendars but no zones. Parsing is hand-written to be strict and allocation-free.
#include "core/base/time.hpp"

#include <charconv>
#include <cstdio>

#include <date/tz.h>

namespace sf::core {
namespace {

const date::time_zone* zoneOf(const void* p) { return static_cast<const date::time_zone*>(p); }

bool readInt(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  for (std::size_t i = pos; i < pos + len; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  std::from_chars(s.data() + pos, s.data() + pos + len, out);
  return true;
}

std::optional<Date> makeDate(int y, int m, int d) {
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

// Reads "HH:MM[:SS[.fff]]" at `pos`; advances `pos`.
bool readClock(std::string_view s, std::size_t& pos, int& h, int& mi, int& se) {
  if (!readInt(s, pos, 2, h) || pos + 2 >= s.size() || s[pos + 2] != ':' || !readInt(s, pos + 3, 2, mi)) return false;
  pos += 5;
  se = 0;
  if (pos < s.size() && s[pos] == ':') {
    if (!readInt(s, pos + 1, 2, se)) return false;
    pos += 3;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      const std::size_t digitsStart = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      if (pos == digitsStart) return false;
    }
  }
  return h <= 23 && mi <= 59 && se <= 60;  // 60: a leap second, read as the next minute
}

}  // namespace

std::optional<TimeZone> TimeZone::find(std::string_view name) {
  if (name.empty()) return std::nullopt;
  try {
    const date::time_zone* z = date::locate_zone(name);
    return TimeZone(z, std::string(name));
  } catch (const std::exception&) {
    return std::nullopt;  // unknown zone, or no tz database: the caller reports it
  }
}

TimeZone TimeZone::utc() {
  if (auto z = find("UTC")) return *z;
  return TimeZone(nullptr, "UTC");
}

LocalDateTime TimeZone::toLocal(Instant t) const {
  LocalDateTime out;
  std::chrono::seconds offset{0};
  if (zone_) offset = zoneOf(zone_)->get_info(t).offset;
  const auto local = t + offset;
  out.date = std::chrono::floor<std::chrono::days>(local);
  const auto sinceMidnight = local - out.date;
  out.hour = static_cast<int>(sinceMidnight.count() / 3600);
  out.minute = static_cast<int>(sinceMidnight.count() / 60 % 60);
  out.second = static_cast<int>(sinceMidnight.count() % 60);
  out.weekday = static_cast<int>(std::chrono::weekday{out.date}.c_encoding());
  out.offsetMinutes = static_cast<int>(offset.count() / 60);
  return out;
}

Instant TimeZone::fromLocal(Date d, int hour, int minute, int second) const {
  const auto localSecs = std::chrono::seconds{d.time_since_epoch()} + std::chrono::hours{hour} +
                         std::chrono::minutes{minute} + std::chrono::seconds{second};
  if (!zone_) return Instant{localSecs};
  const date::local_seconds lt{localSecs};
  const auto info = zoneOf(zone_)->get_info(lt);
  switch (info.result) {
    case date::local_info::unique:
    case date::local_info::ambiguous:  // the first occurrence
      return Instant{localSecs - info.first.offset};
    case date::local_info::nonexistent:  // skipped by DST: the moment of the change
    default:
      return Instant{info.second.begin};
  }
}

Instant TimeZone::startOfDay(Date d) const { return fromLocal(d, 0, 0, 0); }

std::optional<Date> parseDate(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !readInt(s, 0, 4, y) || !readInt(s, 5, 2, m) ||
      !readInt(s, 8, 2, d))
    return std::nullopt;
  return makeDate(y, m, d);
}

std::optional<Instant> parseInstant(std::string_view s) {
  if (s.size() < 16) return std::nullopt;
  const auto date = parseDate(s.substr(0, 10));
  if (!date || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return std::nullopt;
  std::size_t pos = 11;
  int h = 0, mi = 0, se = 0;
  if (!readClock(s, pos, h, mi, se)) return std::nullopt;
  int offsetMinutes = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh = 0, om = 0;
    const bool colon = pos + 3 < s.size() && s[pos + 3] == ':';
    if (!readInt(s, pos + 1, 2, oh) || !readInt(s, pos + (colon ? 4 : 3), 2, om) || oh > 23 || om > 59)
      return std::nullopt;
    offsetMinutes = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
    pos += colon ? 6 : 5;
  } else {
    return std::nullopt;  // no offset: ambiguous, refused
  }
  if (pos != s.size()) return std::nullopt;
  return Instant{std::chrono::seconds{date->time_since_epoch()}} + std::chrono::hours{h} +
         std::chrono::minutes{mi} + std::chrono::seconds{se} - std::chrono::minutes{offsetMinutes};
}

std::optional<Instant> parseInstantOrLocal(std::string_view s, const TimeZone& zone) {
  if (auto t = parseInstant(s)) return t;
  if (s.size() == 10) {
    if (auto d = parseDate(s)) return zone.startOfDay(*d);
    return std::nullopt;
  }
  if (s.size() < 16) return std::nullopt;
  const auto date = parseDate(s.substr(0, 10));
  if (!date || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
  std::size_t pos = 11;
  int h = 0, mi = 0, se = 0;
  if (!readClock(s, pos, h, mi, se) || pos != s.size()) return std::nullopt;
  return zone.fromLocal(*date, h, mi, se);
}

std::string formatDate(Date d) {
  const std::chrono::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string formatInstant(Instant t, const TimeZone& z) {
  const auto l = z.toLocal(t);
  char buf[40];
  const int off = l.offsetMinutes < 0 ? -l.offsetMinutes : l.offsetMinutes;
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", formatDate(l.date).c_str(), l.hour, l.minute, l.second,
                l.offsetMinutes < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

std::string formatInstantUtc(Instant t) { return formatInstant(t, TimeZone::utc()); }

}  // namespace sf::core
