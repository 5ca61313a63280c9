// How the rotation's slides are arranged: generated spotlights spread between the written items
// with the fields taking turns, and the schedule's frequency following the events' nearness.
#pragma once
#include <optional>
#include <vector>

#include "core/show/rotation.hpp"

namespace sf::core {

// Whether an event (not cancelled) runs at `now` or starts within kEventsNear of it.
bool eventsNear(const Feed& feed, Instant now);
// The next instant eventsNear changes its answer, if any.
std::optional<Instant> nextEventsNearChange(const Feed& feed, Instant now);

// Merges `written` (the playlist's items one by one, in their order) and `generated` (the
// spotlights `spotlights` items stand for) into `out`: the generated ones evenly into the gaps
// between written ones, the fields in turn (most even spread first, no field twice in a row while
// another field has spotlights left, an adjacent written spotlight included).
void mixSlots(const Feed& feed, const std::vector<RotationSlot>& written, const std::vector<RotationSlot>& generated,
              std::vector<RotationSlot>& out);

// Adds copies of the first schedule slot where the gap between two schedule slides is longest,
// until no gap is longer than `every` (and never more schedule slides than others). Nothing
// when `slots` holds no schedule slot.
void addScheduleSlots(std::vector<RotationSlot>& slots, std::chrono::milliseconds every);

}  // namespace sf::core
