// Room binding and the room screen's state. Rooms get renamed between the call for papers and
// the conference, so a GUID or an id binds best; a name is accepted in any of the feed's languages.
#include "core/show/room_screen.hpp"

#include <algorithm>
#include <array>

#include "core/base/text_util.hpp"
#include "core/feed/conference.hpp"
#include "core/show/programme.hpp"

namespace sf::core {
namespace {

bool sameName(std::string_view a, std::string_view b) { return !a.empty() && equalsIgnoringAsciiCase(a, b); }

bool nameMatches(const LocalText& t, std::string_view entry) {
  return std::any_of(t.values().begin(), t.values().end(), [&](const auto& v) { return sameName(v.second, entry); });
}

bool namesMeet(const LocalText& a, const LocalText& b) {
  return std::any_of(a.values().begin(), a.values().end(), [&](const auto& v) { return nameMatches(b, v.second); });
}

}  // namespace

bool sameRoom(const Feed& feed, std::string_view a, std::string_view b) {
  if (a == b || sameName(a, b)) return true;
  const Room* ra = roomNamed(feed, a);
  return ra && ra == roomNamed(feed, b);
}

RoomBinding bindRoom(const Feed& feed, std::string_view entry) {
  RoomBinding b;
  b.entry = std::string(entry);
  b.room = roomNamed(feed, entry);
  if (b.room) {
    b.name = &b.room->name;
    return b;
  }
  for (const Event& e : feed.events)
    if (e.roomId.empty() && nameMatches(e.room, entry)) {
      b.name = &e.room;
      break;
    }
  return b;
}

bool inRoom(const Event& e, const RoomBinding& b) {
  if (!b.found()) return false;
  if (b.room) {
    if (!e.roomId.empty()) return e.roomId == b.room->id;
    return namesMeet(e.room, b.room->name);  // a feed that lists rooms but names some by text
  }
  return e.roomId.empty() && namesMeet(e.room, *b.name);
}

std::string_view roomPhaseName(RoomPhase p) {
  static constexpr std::array<std::string_view, 6> names{"before-first", "during", "between", "done-for-today", "not-today", "no-talks"};
  return names[static_cast<std::size_t>(p)];
}

RoomScreen roomScreenAt(const Feed& feed, const RoomBinding& room, Instant now) {
  RoomScreen s;
  const Date today = conferenceDay(now, feed.zone);
  const Instant dayEnd = conferenceDayEnd(today, feed.zone);
  bool any = false, startedToday = false;
  for (const Event& e : feed.events) {
    if (!inRoom(e, room)) {
      if (!e.cancelled && !e.allDay && e.start <= now && now < e.end) s.otherRoomsNow.push_back(&e);
      continue;
    }
    any = true;
    if (e.allDay) continue;  // a room's screen lists its sessions; all-day events name no hour
    const bool isToday = conferenceDay(e.start, feed.zone) == today;
    if (isToday && e.start <= now) startedToday = true;
    if (e.start <= now && now < e.end) {
      if (!e.cancelled && !s.current) {
        s.current = &e;
        const double len = static_cast<double>((e.end - e.start).count());
        s.progress = len > 0 ? static_cast<double>((now - e.start).count()) / len : 0;
      }
      continue;
    }
    if (e.start <= now) continue;
    if (e.start < dayEnd) {
      if (e.cancelled) {
        s.cancelledToday.push_back(&e);
        s.laterToday.push_back(&e);
      } else if (!s.next) {
        s.next = &e;
      } else {
        s.laterToday.push_back(&e);
      }
    } else if (!s.nextDayFirst && !e.cancelled) {
      s.nextDayFirst = &e;
    }
  }
  if (s.current) s.phase = RoomPhase::During;
  else if (s.next) s.phase = startedToday ? RoomPhase::Between : RoomPhase::BeforeFirst;
  else if (!any) s.phase = RoomPhase::NoTalks;
  else if (startedToday) s.phase = RoomPhase::DoneForToday;
  else if (s.nextDayFirst) s.phase = RoomPhase::NotToday;
  else s.phase = RoomPhase::DoneForToday;  // the conference is over for this room
  return s;
}

}  // namespace sf::core
