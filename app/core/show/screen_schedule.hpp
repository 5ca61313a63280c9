// When the screen is switched off (config `screenOff`, e.g. 22:00–07:00 and all of Sunday), read
// in the venue's time zone, and whether a touch has woken it for the idle time.
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostic.hpp"
#include "core/show/rotation.hpp"
#include "core/base/time.hpp"

namespace sf::core {

struct PlayerState;

// One daily off period in local wall time. It starts on the days in `days` (bit 0 = Sunday …
// bit 6 = Saturday) and, when `until` is not after `from`, ends on the next day.
struct OffPeriod {
  int from = 0;   // minutes after midnight, 0…1439
  int until = 0;  // minutes after midnight, 1…1440 (24:00)
  unsigned days = 0x7f;
};
using ScreenSchedule = std::vector<OffPeriod>;

struct ScreenPhase {
  bool off = false;
  std::optional<Instant> until;  // when `off` next changes; none: never (no periods)
};

// Off periods that touch or overlap act as one: Friday 22:00–24:00 and Saturday all day keep the
// screen dark from Friday night to Sunday morning with no flash of content at midnight.
ScreenPhase screenPhaseAt(const ScreenSchedule& schedule, Instant now, const TimeZone& zone);

// The screen is dark in an off phase unless a touch woke it less than the idle time ago.
bool screenDark(const ScreenPhase& phase, const PlayerState& state, Millis now);
// A touch on a dark screen wakes it (and does nothing else: the visitor cannot see what is there).
void wakeScreen(PlayerState& state, Millis now);
// When a dark screen woken by touch goes dark again (none while no touch keeps it awake).
std::optional<Millis> screenSleepsAt(const ScreenPhase& phase, const PlayerState& state);

// Reads `[{"from": "22:00", "until": "07:00", "days": ["mon", …]}, …]`; each bad entry is
// reported at its JSON pointer and left out.
ScreenSchedule parseScreenSchedule(const nlohmann::json& value, const std::string& pointer, Diagnostics& out);

}  // namespace sf::core
