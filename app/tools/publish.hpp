// A published directory that any web server can serve and that is never half-written: each
// revision is a release folder, and one atomic symlink switch makes it current.
//   DIR/feed.json -> current/feed.json, DIR/feed.json.sig -> current/feed.json.sig (fixed links)
//   DIR/current -> releases/<revision> (switched by rename), DIR/releases/<revision>/...
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace sf::tools {

struct Release {
  std::int64_t revision = 0;
  std::string text;       // the feed
  std::string signature;  // its signature document, or empty
  std::string info;       // its history file (release_history.hpp), or empty
};

// Writes `release` as a new release folder and makes it current; keeps the newest `keep`
// releases.
core::Result<void> publishRelease(const std::string& dir, const Release& release, int keep);

std::vector<std::int64_t> publishedRevisions(const std::string& dir);  // ascending
std::optional<std::int64_t> currentRevision(const std::string& dir);
core::Result<Release> readRelease(const std::string& dir, std::int64_t revision);

}  // namespace sf::tools
