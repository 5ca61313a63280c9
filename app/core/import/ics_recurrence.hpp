// RRULE (RFC 5545) for the iCalendar importer: parsing a rule and walking its dates in order.
// Dates only: the caller adds the time of day in the event's zone, so DST never shifts a series.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/time.hpp"

namespace sf::core {

enum class Frequency { Daily, Weekly, Monthly, Yearly };

struct RecurrenceRule {
  Frequency freq = Frequency::Weekly;
  int interval = 1;
  std::optional<int> count;
  std::string until;                         // the raw UNTIL value; the caller reads it in the event's zone
  std::vector<std::pair<int, int>> byDay;    // (ordinal, weekday 0 = Sunday); ordinal 0 = every such day
  std::vector<int> byMonthDay;               // 1..31 or -31..-1 (from the month's end)
  std::vector<int> byMonth;                  // 1..12
  int weekStart = 1;                         // Monday
};

// Parses "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10". On failure returns nothing and says why in `error`.
// Rule parts this importer does not know (BYHOUR, BYSETPOS, …) are listed in `ignored`.
std::optional<RecurrenceRule> parseRecurrenceRule(std::string_view value, std::string& error, std::vector<std::string>& ignored);

// Calls `visit` with each date of the series in increasing order, starting with `first` (the
// DTSTART date, always the first instance), until `visit` returns false or the rule runs out of
// periods to look at (a safety bound for rules that match nothing).
void forEachRecurrenceDate(const RecurrenceRule& rule, Date first, const std::function<bool(Date)>& visit);

}  // namespace sf::core
