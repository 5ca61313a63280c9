// Schedule slicing in one pass over the start-sorted events. All-day events count as running
// from the start of their first local day to the start of the day after their last.
#include "core/show/schedule.hpp"

#include <algorithm>

namespace sf::core {

Schedule scheduleAt(const Feed& feed, Instant now, const TimeZone& zone, const ScheduleOptions& options) {
  Schedule s;
  const Date today = zone.toLocal(now).date;
  const Instant endOfToday = zone.startOfDay(today + std::chrono::days{1});
  std::optional<Instant> nextStart;

  for (const Event& e : feed.events) {
    if (e.start <= now && now < e.end) {
      s.now.push_back(&e);
    } else if (e.start > now) {
      if (!nextStart || e.start == *nextStart) {
        nextStart = e.start;
        s.next.push_back(&e);
      } else if (e.start < endOfToday && s.laterToday.size() < options.maxLaterToday) {
        s.laterToday.push_back(&e);
      }
    } else if (e.end <= now && e.end > now - options.justEndedWindow) {
      s.justEnded.push_back(&e);
    }
  }
  std::sort(s.justEnded.begin(), s.justEnded.end(), [](const Event* a, const Event* b) { return a->end > b->end; });

  if (s.isReview()) {
    for (auto it = feed.events.rbegin(); it != feed.events.rend(); ++it) {
      if (it->end <= now) s.review.push_back(&*it);
    }
    std::stable_sort(s.review.begin(), s.review.end(), [](const Event* a, const Event* b) { return a->end > b->end; });
    if (s.review.size() > options.maxReview) s.review.resize(options.maxReview);
  }
  return s;
}

}  // namespace sf::core
