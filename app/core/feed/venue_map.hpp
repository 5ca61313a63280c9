// The venue parts of a feed: a project's stand at a fair and the floor plans (`maps`) with their
// markers; read with located messages, then checked against rooms, stands and the playlist.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/base/diagnostic.hpp"
#include "core/feed/json_reader.hpp"
#include "core/feed/model.hpp"

namespace sf::core {

// A project's "stand": {"hall", "number"} (either may be missing), or a plain string, which is the
// stand number ("B14"). Hall and number may be written as numbers (2).
std::optional<Stand> readStand(JsonReader& r, const nlohmann::json& v, const std::string& p);
VenueMap readMap(JsonReader& r, const nlohmann::json& j, const std::string& p);

// Duplicate map and marker ids, markers naming rooms the feed lacks, map slides naming no map.
void checkMaps(const Feed& feed, Diagnostics& out);

// The marker shows this stand: the same number, and the same hall where both name one.
bool standMatches(const Stand& marker, const Stand& stand);

}  // namespace sf::core
