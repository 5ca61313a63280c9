// The importer for c3voc's "schedule2" JSON, the flat successor of the frab schedule: one list
// of events with start and end, rooms and tracks referenced by guid or slug, persons by guid.
#pragma once
#include <string_view>

#include "core/import/common.hpp"

namespace sf::core {

// Events keyed by guid (by guid and start date where one repeats on several days), the room's
// name, speakers (role SPEAKER, else every participant) and the track's name in the text.
ImportResult importSchedule2(std::string_view text, const ImportOptions& opts);

// A JSON object that names the schedule2 schema in its first keys: 3.
int recogniseSchedule2(std::string_view text, std::string_view lowerName);

}  // namespace sf::core
