// Pinned fixes to imported events (the feed's "eventFixes"): an organiser's cancel, move, title or
// speakers kept apart from the event, so that every later import puts the fix back on top.
#pragma once
#include <array>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/feed/json_reader.hpp"
#include "core/feed/model.hpp"

namespace sf::core {

// The event keys a fix may hold; an import owns all of them, which is why they need pinning.
inline constexpr std::array<std::string_view, 6> kEventFixKeys{"cancelled", "start", "end", "room", "title", "speakers"};

// Part of parseFeed: "eventFixes" is an array of {"event": ID, key: value…} with the keys above,
// each of the type an event gives it; a fix whose event the feed lacks is a warning (a schedule
// may drop the event, and the fix then waits without effect).
void readEventFixes(JsonReader& r, const nlohmann::json& root, const Feed& feed);

// Sets every fix's keys on its event, in place (key order kept); `"cancelled": false` removes the
// event's flag. Returns how many fixes found their event. Fixes that are not objects are skipped:
// the parser reports them.
int applyEventFixes(nlohmann::ordered_json& feed);

}  // namespace sf::core
