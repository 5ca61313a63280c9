// The programme model: conference days, rooms and tracks in use, filters and start-time slots.
// Everything is computed from the feed and an instant; the views only lay it out.
#include "core/show/programme.hpp"

#include <algorithm>

#include "core/show/rotation.hpp"

namespace sf::core {

Date conferenceDay(Instant t, const TimeZone& zone) {
  const LocalDateTime l = zone.toLocal(t);
  return l.hour < kDayChangeHour ? l.date - std::chrono::days{1} : l.date;
}

Instant conferenceDayStart(Date d, const TimeZone& zone) { return zone.fromLocal(d, kDayChangeHour, 0); }

namespace {

// The days an event is listed on: all-day events on each of their dates, others on their start's
// conference day.
template <typename F>
void forEachDay(const Event& e, const TimeZone& zone, F&& f) {
  if (!e.allDay) return f(conferenceDay(e.start, zone));
  const Date first = zone.toLocal(e.start).date;
  const Date last = zone.toLocal(e.end - std::chrono::seconds{1}).date;
  for (Date d = first; d <= last && d - first < std::chrono::days{400}; d += std::chrono::days{1}) f(d);
}

bool onDay(const Event& e, Date day, const TimeZone& zone) {
  bool yes = false;
  forEachDay(e, zone, [&](Date d) { yes = yes || d == day; });
  return yes;
}

}  // namespace

std::vector<Date> programmeDays(const Feed& feed) {
  std::vector<Date> days;
  for (const Event& e : feed.events)
    forEachDay(e, feed.zone, [&](Date d) {
      if (std::find(days.begin(), days.end(), d) == days.end()) days.push_back(d);
    });
  std::sort(days.begin(), days.end());
  return days;
}

std::optional<Date> defaultProgrammeDay(const Feed& feed, Instant now) {
  const std::vector<Date> days = programmeDays(feed);
  if (days.empty()) return std::nullopt;
  const Date today = conferenceDay(now, feed.zone);
  for (Date d : days)
    if (d >= today) return d;
  return days.back();
}

std::string_view roomKeyOf(const Event& e, const Feed& feed) {
  if (!e.roomId.empty()) return e.roomId;
  if (e.room.empty()) return {};
  return e.room.in(feed.languages.empty() ? std::string_view{kHomeLanguage} : std::string_view{feed.languages.front()});
}

std::vector<RoomKey> programmeRooms(const Feed& feed) {
  std::vector<RoomKey> out;
  for (const Room& r : feed.rooms) {
    const bool used = std::any_of(feed.events.begin(), feed.events.end(), [&](const Event& e) { return e.roomId == r.id; });
    if (used) out.push_back({r.id, &r, &r.name});
  }
  for (const Event& e : feed.events) {
    if (!e.roomId.empty() || e.room.empty()) continue;
    const std::string_view key = roomKeyOf(e, feed);
    if (std::none_of(out.begin(), out.end(), [&](const RoomKey& k) { return k.key == key; }))
      out.push_back({std::string(key), nullptr, &e.room});
  }
  return out;
}

std::vector<const Track*> programmeTracks(const Feed& feed) {
  std::vector<const Track*> out;
  for (const Track& t : feed.tracks)
    if (std::any_of(feed.events.begin(), feed.events.end(), [&](const Event& e) { return e.track == t.id; }))
      out.push_back(&t);
  return out;
}

bool matches(const Event& e, const Feed& feed, const ProgrammeFilter& filter) {
  if (!filter.track.empty() && e.track != filter.track) return false;
  if (!filter.room.empty() && roomKeyOf(e, feed) != filter.room) return false;
  return true;
}

void buildProgramme(const Feed& feed, Date day, const ProgrammeFilter& filter, Instant now, Programme& out) {
  out.day = day;
  out.slots.clear();
  const Instant dayStart = conferenceDayStart(day, feed.zone);
  for (std::size_t i = 0; i < feed.events.size(); ++i) {
    const Event& e = feed.events[i];
    if (!onDay(e, day, feed.zone) || !matches(e, feed, filter)) continue;
    // All-day events head the day; the rest start where they start (events are start-sorted).
    const Instant start = e.allDay ? dayStart : e.start;
    auto slot = std::find_if(out.slots.begin(), out.slots.end(), [&](const ProgrammeSlot& s) { return s.start == start; });
    if (slot == out.slots.end()) {
      out.slots.push_back({start, {}});
      slot = out.slots.end() - 1;
    }
    slot->events.push_back(i);
  }
  std::stable_sort(out.slots.begin(), out.slots.end(), [](const ProgrammeSlot& a, const ProgrammeSlot& b) { return a.start < b.start; });
  // Parallel talks in the rooms' order, as a printed programme lists them (Saal 1, Saal 2, …).
  auto roomRank = [&](std::size_t event) {
    const std::string& id = feed.events[event].roomId;
    for (std::size_t r = 0; r < feed.rooms.size(); ++r)
      if (feed.rooms[r].id == id) return r;
    return feed.rooms.size();
  };
  for (ProgrammeSlot& slot : out.slots)
    std::stable_sort(slot.events.begin(), slot.events.end(), [&](std::size_t a, std::size_t b) { return roomRank(a) < roomRank(b); });
  placeNow(out, feed, now);
}

void placeNow(Programme& p, const Feed& feed, Instant now) {
  p.today = conferenceDay(now, feed.zone) == p.day;
  p.nowSlot = p.slots.size();
  for (std::size_t i = 0; i < p.slots.size(); ++i)
    if (p.slots[i].start > now) {
      p.nowSlot = i;
      break;
    }
}

namespace {

void buildGrid(ProgrammeListing& l, const Feed& feed) {
  l.gridRooms.clear();
  l.column.assign(feed.events.size(), -1);
  auto roomIndex = [&](const Event& e) {
    const std::string_view key = roomKeyOf(e, feed);
    for (std::size_t r = 0; r < l.rooms.size(); ++r)
      if (!key.empty() && l.rooms[r].key == key) return static_cast<int>(r);
    return -1;
  };
  bool any = false;
  for (const ProgrammeSlot& slot : l.programme.slots)
    for (std::size_t i : slot.events) {
      const Event& e = feed.events[i];
      const int r = e.allDay ? -1 : roomIndex(e);
      if (r < 0) continue;  // all-day and room-less talks stay in the list
      l.column[i] = r;      // the room for now; its column below
      if (std::find(l.gridRooms.begin(), l.gridRooms.end(), static_cast<std::size_t>(r)) == l.gridRooms.end())
        l.gridRooms.push_back(static_cast<std::size_t>(r));
      if (!any || e.start < l.gridFrom) l.gridFrom = e.start;
      if (!any || std::max(e.end, e.start) > l.gridTo) l.gridTo = std::max(e.end, e.start);
      any = true;
    }
  std::sort(l.gridRooms.begin(), l.gridRooms.end());
  for (int& c : l.column)
    if (c >= 0) c = static_cast<int>(std::lower_bound(l.gridRooms.begin(), l.gridRooms.end(), static_cast<std::size_t>(c)) - l.gridRooms.begin());
}

}  // namespace

void updateProgrammeListing(ProgrammeListing& l, const Feed& feed, Date day, const ProgrammeFilter& filter, Instant now) {
  if (l.feed != &feed) {
    l.days = programmeDays(feed);
    l.rooms = programmeRooms(feed);
    l.tracks = programmeTracks(feed);
    l.feed = &feed;
    l.built = false;
  }
  if (!l.built || l.programme.day != day || !(l.filter == filter)) {
    buildProgramme(feed, day, filter, now, l.programme);
    buildGrid(l, feed);
    l.filter = filter;
    l.built = true;
    return;
  }
  placeNow(l.programme, feed, now);
}

std::size_t eventIndex(const Feed& feed, std::string_view id) {
  for (std::size_t i = 0; i < feed.events.size(); ++i)
    if (feed.events[i].id == id) return i;
  return kNoProject;
}

}  // namespace sf::core
