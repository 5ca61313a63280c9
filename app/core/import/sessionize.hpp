// The importer for Sessionize's "All" JSON (API v2: sessions, speakers, rooms, categories), which
// most developer conferences publish. Its times carry no offset: the feed's zone places them.
#pragma once
#include <string_view>

#include "core/import/common.hpp"

namespace sf::core {

// Sessions with a start become events: the room by its id, speakers and the "Track" category in
// the text, service sessions (coffee, lunch) as breaks unless opts.includeBreaks is false.
// Times without an offset are read in opts.zone; without one the file is refused with a message
// that says to pass --time-zone. Times ending in Z are UTC.
ImportResult importSessionize(std::string_view text, const ImportOptions& opts);

// A JSON object whose first keys hold "sessions" and a session's "startsAt": 3.
int recogniseSessionize(std::string_view text, std::string_view lowerName);

}  // namespace sf::core
