// Importers for conference schedules in JSON: the c3voc schedule format that frab and pretalx
// export, and the data behind pretalx's schedule widget. Text in, events and diagnostics out.
#pragma once
#include <string_view>

#include "import_common.hpp"

namespace sf::core {

// frab / pretalx `schedule.json`. Lenient where real exports are (extra, null and empty fields,
// a missing or wrong time_zone_name); strict where the data would be misread (missing or
// malformed times and keys, rooms or ids the schema forbids, a truncated day list).
ImportResult importC3voc(std::string_view text, const ImportOptions& opts);

// pretalx `widgets/schedule.json`: talks (with a submission code) and, unless
// opts.includeBreaks is false, the slots without one (breaks, openings, keynotes).
ImportResult importPretalxWidget(std::string_view text, const ImportOptions& opts);

// Shared by both: scans and parses JSON, reporting syntax errors with line and column.
// Returns false (with diagnostics) when the text is not JSON.
bool parseJsonSource(std::string_view text, nlohmann::json& out, Diagnostics& ds);

}  // namespace sf::core
