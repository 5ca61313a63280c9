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
    if (isToday) s.today.push_back(&e);
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

bool placeDayBlocks(const std::vector<const Event*>& talks, float x, float w, float minW, float gap, DayBlock* out,
                    std::size_t cap) {
  const std::size_t n = talks.size();
  if (n == 0 || n > cap || w <= 0) return false;
  const Instant t0 = talks.front()->start;
  Instant t1 = t0;
  for (const Event* e : talks) t1 = std::max(t1, e->end);
  const double span = static_cast<double>((t1 - t0).count());
  auto at = [&](Instant t) { return span > 0 ? x + static_cast<float>(static_cast<double>((t - t0).count()) / span * w) : x; };
  // Left to right: each where its time puts it, but clear of the one before and at least minW.
  float right = x - gap;
  for (std::size_t i = 0; i < n; ++i) {
    const float left = std::max(at(talks[i]->start), right + gap);
    right = std::max(at(talks[i]->end), left + minW);
    out[i] = {left, right - left};
  }
  // Right to left: whatever the minimum widths pushed past the end comes back inside.
  float limit = x + w;
  for (std::size_t i = n; i-- > 0;) {
    const float r = std::min(out[i].x + out[i].w, limit);
    const float l = std::min(out[i].x, r - minW);
    out[i] = {l, r - l};
    limit = l - gap;
  }
  if (out[0].x >= x - 0.01f) return true;
  // Too full to follow the clock: equal widths in order.
  const float each = (w - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
  if (each < minW) return false;
  for (std::size_t i = 0; i < n; ++i) out[i] = {x + static_cast<float>(i) * (each + gap), each};
  return true;
}

}  // namespace sf::core
