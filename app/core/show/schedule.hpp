// What is on: now, next, later today and just ended, for a given instant in the venue's zone.
// When nothing lies ahead it falls back to the most recent events, so a schedule is never empty.
#pragma once
#include <chrono>
#include <vector>

#include "core/feed/model.hpp"

namespace sf::core {

struct ScheduleOptions {
  std::chrono::minutes justEndedWindow{30};
  std::size_t maxReview = 6;
  std::size_t maxLaterToday = 12;
};

struct Schedule {
  std::vector<const Event*> now;         // started, not yet ended
  std::vector<const Event*> next;        // the earliest upcoming start (parallel tracks share it)
  std::vector<const Event*> laterToday;  // after `next`, before the end of the local day
  std::vector<const Event*> justEnded;   // ended within the window, most recent first
  std::vector<const Event*> review;      // only when nothing is on or ahead: latest first
  bool isReview() const { return now.empty() && next.empty(); }
};

// `feed.events` must be sorted by start (parseFeed does it). Pointers stay valid while the
// feed lives.
Schedule scheduleAt(const Feed& feed, Instant now, const TimeZone& zone, const ScheduleOptions& options = {});

}  // namespace sf::core
