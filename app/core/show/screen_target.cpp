// Targeting and recurring windows. Pure: the instant and the zone are parameters, and nothing
// here allocates, since the announcement check runs on every frame.
#include "core/show/screen_target.hpp"

#include <algorithm>

#include "core/show/config.hpp"
#include "core/show/room_screen.hpp"

namespace sf::core {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool anyIn(const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
  for (const std::string& w : wanted)
    if (contains(have, w)) return true;
  return false;
}

bool dayIn(std::uint8_t days, int weekday) { return (days >> (((weekday % 7) + 7) % 7)) & 1u; }

}  // namespace

ScreenIdentity screenIdentity(const Config& config) { return {config.screenName, config.groups, config.rooms}; }

bool shownOn(const Targets& t, const ScreenIdentity& screen, const Feed& feed) {
  if (!t.any()) return true;
  if (!screen.name.empty() && contains(t.screens, screen.name)) return true;
  if (anyIn(t.groups, screen.groups)) return true;
  for (const std::string& wanted : t.rooms)
    for (const std::string& mine : screen.rooms)
      if (sameRoom(feed, wanted, mine)) return true;
  return false;
}

bool recursAt(const Recurrence& rec, const TimeZone& zone, Instant now) {
  if (rec.always()) return true;
  const LocalDateTime local = zone.toLocal(now);
  const int minute = local.hour * 60 + local.minute;
  if (rec.from < rec.until) return dayIn(rec.days, local.weekday) && minute >= rec.from && minute < rec.until;
  // Across midnight: the evening part belongs to today, the morning part to yesterday.
  if (minute >= rec.from) return dayIn(rec.days, local.weekday);
  return minute < rec.until && dayIn(rec.days, local.weekday - 1);
}

std::optional<Instant> nextRecurrenceChange(const Recurrence& rec, const TimeZone& zone, Instant now) {
  if (rec.always()) return std::nullopt;
  const Date today = zone.toLocal(now).date;
  std::optional<Instant> next;
  auto note = [&](Instant t) {
    if (t > now && (!next || t < *next)) next = t;
  };
  // Today and tomorrow hold the next boundary unless days are skipped; the window's start on
  // a later day is found by walking on to it.
  for (int k = 0; k <= 8 && !next; ++k) {
    const Date d = today + std::chrono::days{k};
    const int weekday = zone.toLocal(zone.startOfDay(d) + std::chrono::hours{12}).weekday;
    const bool on = dayIn(rec.days, weekday);
    const bool yesterdayOn = dayIn(rec.days, weekday - 1);
    if (on || yesterdayOn) note(zone.startOfDay(d));  // day membership may change at midnight
    if (on && rec.from > 0) note(zone.fromLocal(d, rec.from / 60, rec.from % 60));
    if (rec.until < 24 * 60 && (on || (rec.from > rec.until && yesterdayOn)))
      note(zone.fromLocal(d, rec.until / 60, rec.until % 60));
  }
  return next;
}

}  // namespace sf::core
