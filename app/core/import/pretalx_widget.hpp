// The importer for pretalx's schedule widget data (widgets/schedule.json), which pretalx serves
// for every event even where its schedule.json export is switched off.
#pragma once
#include <string_view>

#include "core/import/common.hpp"

namespace sf::core {

// Talks (with a submission code) and, unless opts.includeBreaks is false, the slots without one
// (breaks, openings, keynotes).
ImportResult importPretalxWidget(std::string_view text, const ImportOptions& opts);

// A JSON object whose first keys have "talks" but no "schedule": 3.
int recognisePretalxWidget(std::string_view text, std::string_view lowerName);

}  // namespace sf::core
