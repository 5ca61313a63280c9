// The importer for schedule.xml, the frab/pentabarf XML that FOSDEM, frab, pretalx and wafer
// publish: days with rooms with events, or in the old pentabarf layout events right under days.
#pragma once
#include <string_view>

#include "core/import/common.hpp"

namespace sf::core {

// Events keyed by their guid (else id), at their <date> with offset where there is one, else at
// the day's date and <start> in the schedule's zone (times before day_change belong to the next
// day). Speakers from <persons> or a lone <person>, the track and the abstract in the text.
// Needs opts.parseXml.
ImportResult importScheduleXml(std::string_view text, const ImportOptions& opts);

// An XML document whose root is <schedule>: 4.
int recogniseScheduleXml(std::string_view text, std::string_view lowerName);

}  // namespace sf::core
