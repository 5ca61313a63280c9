// The iCalendar (RFC 5545) importer: VEVENTs with TZID zones, UTC and floating times, all-day
// events, and recurring series expanded to single events (RRULE, EXDATE, RECURRENCE-ID).
#pragma once
#include <string_view>

#include "core/import/common.hpp"

namespace sf::core {

// Events of a VCALENDAR. Floating times are read in opts.zone (the feed's), else in the
// calendar's own zone, with a warning. Series stop after opts.maxInstances instances or at
// opts.now + opts.horizon, whichever comes first, with a warning when either cuts one short.
// Diagnostics carry the line (of the folded line where the property starts) and no pointer.
ImportResult importIcs(std::string_view text, const ImportOptions& opts);

// "Text with \, \; \n escapes" to plain text.
std::string unescapeIcsText(std::string_view s);

// BEGIN:VCALENDAR: 4; otherwise a name ending in .ics or .ical: 1.
int recogniseIcs(std::string_view text, std::string_view lowerName);

}  // namespace sf::core
