// Importers for conference schedules in JSON: the c3voc schedule format that frab and pretalx
// export, and the data behind pretalx's schedule widget. Text in, events and diagnostics out.
#pragma once
#include <string_view>

#include "core/import/common.hpp"

namespace sf::core {

// frab / pretalx `schedule.json`. Lenient where real exports are (extra, null and empty fields,
// ids as strings of digits, a missing or wrong time_zone_name), each oddity warned about at its
// place. An event that cannot be shown is left out alone; the whole file is refused only when its
// shape cannot be read, its day list is cut short, or no event in it can be read.
ImportResult importC3voc(std::string_view text, const ImportOptions& opts);

// A JSON object: 2 (the widget data, which looks alike, scores higher when it is one).
int recogniseC3voc(std::string_view text, std::string_view lowerName);

}  // namespace sf::core
