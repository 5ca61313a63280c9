// Which screen this is (its name, groups and rooms) and what follows from it: whether a targeted
// item is for it, and whether an item's recurring window is open at an instant.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/base/time.hpp"
#include "core/feed/model.hpp"

namespace sf::core {

struct Config;

// What targeted items select a screen by. An empty identity matches only items for every screen.
struct ScreenIdentity {
  std::string name;                 // the config's screenName
  std::vector<std::string> groups;  // the config's groups
  std::vector<std::string> rooms;   // the config's room(s): ids, names or GUIDs
};
ScreenIdentity screenIdentity(const Config& config);

// True when the item has no selector, or when one of them names this screen. A room selector
// matches the screen's room by id, GUID or name, whichever each side uses (see sameRoom).
bool shownOn(const Targets& targets, const ScreenIdentity& screen, const Feed& feed);

// True when `now`, read in `zone`, lies in the window. Wall-clock times, so a window keeps its
// local hours across DST changes; a night that crosses midnight belongs to the day it began.
bool recursAt(const Recurrence& rec, const TimeZone& zone, Instant now);
// The next instant after `now` at which the window may open or close (never later than the real
// change; sometimes a local midnight where nothing changes, which costs a rebuild only).
std::optional<Instant> nextRecurrenceChange(const Recurrence& rec, const TimeZone& zone, Instant now);

}  // namespace sf::core
