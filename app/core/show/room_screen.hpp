// A screen at a room's door: which room the config names (by id, by name in any language or by
// frab/pretalx GUID), and what that room's screen shows at an instant.
#pragma once
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/feed/model.hpp"
#include "core/show/programme.hpp"

namespace sf::core {

// A config "room" entry resolved against a feed. An entry that matches no room of feed.rooms
// may still match the plain room text events carry.
struct RoomBinding {
  std::string entry;           // as the config wrote it
  const Room* room = nullptr;  // the room it names, when the feed lists rooms
  const LocalText* name = nullptr;  // the room's name as shown; null when nothing matched
  bool found() const { return name != nullptr; }
};
RoomBinding bindRoom(const Feed& feed, std::string_view entry);
// Two entries name the same room: the same text (ASCII case aside), or the same room of the feed,
// so an announcement for "HS 1" reaches the screen configured with that room's id or GUID.
bool sameRoom(const Feed& feed, std::string_view a, std::string_view b);
bool inRoom(const Event& e, const RoomBinding& b);

enum class RoomPhase {
  BeforeFirst,   // today's first talk in the room is still ahead
  During,        // a talk is on
  Between,       // today's talks have begun, one is ahead, none is on
  DoneForToday,  // nothing more today; `nextDayFirst` when a later day has talks here
  NotToday,      // nothing today, a later day has talks here (`nextDayFirst`)
  NoTalks,       // the room has no talks at all (or an entry that names no room)
};
std::string_view roomPhaseName(RoomPhase p);

struct RoomScreen {
  RoomPhase phase = RoomPhase::NoTalks;
  const Event* current = nullptr;
  double progress = 0;         // 0..1 through `current`
  const Event* next = nullptr;  // the next talk today (not cancelled)
  std::vector<const Event*> laterToday;  // today's talks after `next`, cancelled ones included
  const Event* nextDayFirst = nullptr;   // DoneForToday / NotToday: the first talk of a later day
  std::vector<const Event*> otherRoomsNow;  // running in other rooms at `now` (not cancelled)
  std::vector<const Event*> cancelledToday;  // today's cancelled talks here still ahead
  std::vector<const Event*> today;  // every talk here today with an hour (past, cancelled), in the feed's order: by start
};
RoomScreen roomScreenAt(const Feed& feed, const RoomBinding& room, Instant now);

// A talk's place on the door screen's strip of the day.
struct DayBlock {
  float x = 0, w = 0;
};
// Places `talks` (by start, none ending before it starts) across [x, x + w): by their time between
// the first start and the last end, each at least `minW` wide and `gap` from its neighbour, and
// when the day is too full for that, in equal widths. False (and `out` unset) when there are more
// talks than `out` holds or even equal widths would be narrower than `minW`.
bool placeDayBlocks(const std::vector<const Event*>& talks, float x, float w, float minW, float gap, DayBlock* out,
                    std::size_t cap);

}  // namespace sf::core
