// The conference programme as visitors browse it: conference days (talks after midnight belong to
// the day before), talks grouped by start time, filters by room and track, and where "now" falls.
#pragma once
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/feed/model.hpp"

namespace sf::core {

// A conference day runs from this local hour to the same hour the next day: a talk at 00:30 is
// part of the evening before, as frab's day_change and every printed programme have it.
inline constexpr int kDayChangeHour = 5;
// Under this a next talk reads "in 12 min" rather than its time.
inline constexpr std::chrono::minutes kSoonWindow{30};

// The conference day an instant belongs to, in the venue's zone.
Date conferenceDay(Instant t, const TimeZone& zone);
// The first and one-past-last instant of conference day `d` (DST-safe: 23 or 25 hours).
Instant conferenceDayStart(Date d, const TimeZone& zone);
inline Instant conferenceDayEnd(Date d, const TimeZone& zone) { return conferenceDayStart(d + std::chrono::days{1}, zone); }

// The days that have events, in order (all-day events count on each of their days).
std::vector<Date> programmeDays(const Feed& feed);
// The day the programme opens on: today when it has events, else the next day that has,
// else the last day; nullopt when the feed has no events.
std::optional<Date> defaultProgrammeDay(const Feed& feed, Instant now);

// A room as the programme names it: a room of feed.rooms, or a plain room text that events use.
struct RoomKey {
  std::string key;  // a room id, or the plain text (in the feed's first language)
  const Room* room = nullptr;
  const LocalText* name = nullptr;  // what to show
};
// The rooms events take place in: feed.rooms in order (those in use), then plain-text rooms.
std::vector<RoomKey> programmeRooms(const Feed& feed);
// The key an event's room goes by (see RoomKey), empty when it has none.
std::string_view roomKeyOf(const Event& e, const Feed& feed);
// The tracks events use, in feed order.
std::vector<const Track*> programmeTracks(const Feed& feed);

struct ProgrammeFilter {
  std::string room;   // a RoomKey::key; empty: all rooms
  std::string track;  // a track id; empty: all tracks
  bool operator==(const ProgrammeFilter&) const = default;
};
bool matches(const Event& e, const Feed& feed, const ProgrammeFilter& filter);

// Talks that start together.
struct ProgrammeSlot {
  Instant start{};
  std::vector<std::size_t> events;  // indexes into feed.events, in feed order
};

struct Programme {
  Date day{};
  std::vector<ProgrammeSlot> slots;
  // The first slot that has not yet ended at `now` (slots.size() when all are over): where the
  // "now" line goes, above that slot.
  std::size_t nowSlot = 0;
  bool today = false;  // `now` falls on this day: the line is drawn
};
void buildProgramme(const Feed& feed, Date day, const ProgrammeFilter& filter, Instant now, Programme& out);
// Sets `today` and `nowSlot` for `now` (buildProgramme does it too); allocates nothing.
void placeNow(Programme& programme, const Feed& feed, Instant now);

// What the programme view draws from, kept between frames: the day, room and track lists change
// with the feed, the talks with the day and the filter, the "now" line with the clock. Rebuilding
// only what changed keeps a frame of the open programme from allocating.
struct ProgrammeListing {
  std::vector<Date> days;
  std::vector<RoomKey> rooms;
  std::vector<const Track*> tracks;
  Programme programme;
  // The grid of rooms by time: the rooms with timed talks on the day (indexes into `rooms`, in
  // their order), each talk's column (per feed event; -1 when not in the grid), and the span
  // from the day's first start to its last end.
  std::vector<std::size_t> gridRooms;
  std::vector<int> column;
  Instant gridFrom{}, gridTo{};
  // What it was made for; reset() when the feed is replaced (its address may be reused).
  const Feed* feed = nullptr;
  ProgrammeFilter filter;
  bool built = false;
  void reset() {
    feed = nullptr;
    built = false;
  }
};
void updateProgrammeListing(ProgrammeListing& listing, const Feed& feed, Date day, const ProgrammeFilter& filter, Instant now);

// Index of an event in feed.events, kNoProject when absent.
std::size_t eventIndex(const Feed& feed, std::string_view id);

}  // namespace sf::core
