// Merging an import into a feed's JSON: items whose id starts with "<source-id>:" belong to the
// import and follow the source; everything else (hand-written items, unknown keys) is kept as is.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/import/common.hpp"

namespace sf::core {

struct MergeCounts {
  int added = 0, updated = 0, removed = 0, unchanged = 0;
};

struct MergeResult {
  nlohmann::ordered_json feed;
  MergeCounts events, projects, announcements, rooms, tracks;
  std::vector<std::string> addedFields;        // placeholder fields made for a new feed's projects
  std::map<std::string, std::string> origins;  // imported item id -> "source line 12" / "source /pointer"
  Diagnostics diagnostics;
};

struct NewFeed {
  std::string id;
  TimeZone zone = TimeZone::utc();
  std::vector<std::string> languages{"en"};
  std::string title;
  Instant now{};
};

// The header of a feed that does not exist yet: revision 1, generated now, no items.
nlohmann::ordered_json newFeedJson(const NewFeed& f);

// Merges `source` into `feed` (taken by value; the result is returned). Times are written in
// `zone`, the feed's. Imported keys are set in place, so key order stays as it was; keys the
// import does not own (e.g. "projects" added by hand to an imported event) survive. With
// `createFields`, fields of action the projects use but the feed lacks are added as
// placeholders (for new feeds only: an existing feed's fields are hand-written content).
MergeResult mergeImport(nlohmann::ordered_json feed, const ImportResult& source, std::string_view sourceId,
                        std::string_view sourceName, const TimeZone& zone, bool createFields);

// The file text of a feed: two-space indentation, UTF-8 as is, a final newline.
std::string serializeFeed(const nlohmann::ordered_json& feed);

// parseFeed over the serialized feed; problems inside imported items name their origin too.
Diagnostics checkMergedFeed(const std::string& text, std::string_view fileName, const nlohmann::ordered_json& feed,
                            const std::map<std::string, std::string>& origins);

}  // namespace sf::core
