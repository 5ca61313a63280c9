// The importer for Indico's event export (HTTP API `export/event/ID.json?detail=contributions`),
// what scientific conferences publish: contributions with times given as date, time and zone.
#pragma once
#include <string_view>

#include "core/import/common.hpp"

namespace sf::core {

// Every scheduled contribution of every event in `results` becomes an event: speakers (or, where
// an export leaves them empty, the primary authors) and the track in its text, its room where
// one is named, its page as the link. Contributions without a time are not scheduled: skipped.
ImportResult importIndico(std::string_view text, const ImportOptions& opts);

// A JSON object whose first keys say "HTTPAPIResult" or hold "results" with "contributions": 3.
int recogniseIndico(std::string_view text, std::string_view lowerName);

}  // namespace sf::core
