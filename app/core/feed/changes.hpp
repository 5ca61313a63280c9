// What changed between two revisions of a feed, in the terms an organiser checks after a
// publication: events added, moved (time or room), cancelled, removed, and other edits.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/feed/model.hpp"

namespace sf::core {

struct EventMove {
  std::string id;
  std::string title;
  Instant fromStart{}, fromEnd{}, toStart{}, toEnd{};
  std::string fromRoom, toRoom;  // the room (or place) as shown; equal when only the time moved
};

struct FeedChanges {
  std::vector<const Event*> added;      // in `after`
  std::vector<const Event*> removed;    // in `before`
  std::vector<const Event*> cancelled;  // in `after`: marked cancelled, which they were not before
  std::vector<EventMove> moved;
  int otherEventEdits = 0;     // same time and room, other text (title, speakers, description …)
  std::vector<const Event*> edited;  // in `after`: those otherEventEdits counts, for lists by event
  // Projects, playlist, announcements, figures, fields or the header: compareFeeds leaves it
  // false; the caller, who has the feeds' JSON, sets it.
  bool otherContent = false;
  bool empty() const {
    return added.empty() && removed.empty() && cancelled.empty() && moved.empty() && otherEventEdits == 0 && !otherContent;
  }
};

// Compares by event id. The result points into `before` and `after`, which must outlive it.
FeedChanges compareFeeds(const Feed& before, const Feed& after, std::string_view lang);

// "2 events added, 1 moved, 1 cancelled" (or "no change in events"), for a log line.
std::string changeCounts(const FeedChanges& c);
// One line per change ("moved: Keynote 10:00–11:00 Hall A → 11:30–12:30 Hall B"), in venue
// time, at most `maxLines` of them and then "… and N more".
std::vector<std::string> describeChanges(const FeedChanges& c, const TimeZone& zone, std::string_view lang,
                                         std::size_t maxLines);

}  // namespace sf::core
