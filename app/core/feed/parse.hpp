// Feed JSON in, a checked Feed model and located diagnostics out. This is the parse boundary:
// no exception leaves it, and a feed with any error yields no model, so it never replaces one.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

#include "core/base/diagnostic.hpp"
#include "core/feed/model.hpp"

namespace sf::core {

inline constexpr std::string_view kFeedFormat = "schaufenster-feed";
inline constexpr int kFeedVersion = 1;

struct FeedLimits {
  std::size_t maxBytes = 16u << 20;       // refused before parsing
  std::size_t maxItems = 100000;          // per array
  std::size_t maxStringBytes = 64u << 10; // per string
  std::size_t longTitle = 150;            // characters; longer ones are shortened on screen
  std::size_t longSummary = 300;
};

struct ParseResult {
  std::optional<Feed> feed;  // present exactly when there is no error
  Diagnostics diagnostics;   // errors and warnings, with file, line, column and pointer
};

ParseResult parseFeed(std::string_view text, std::string_view fileName, const FeedLimits& limits = {});

// The rotation a feed gets when it names none: every spotlight, the schedule, figures, fields.
std::vector<PlaylistItem> defaultPlaylist(const Feed& feed);

}  // namespace sf::core
