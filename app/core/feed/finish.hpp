// A feed as a screen plays it: parsed, checked and with every text fitted to the screen's fonts.
// Done once, where the feed arrives (the feed worker, startup), never per frame on the UI thread.
#pragma once
#include <cstddef>
#include <string_view>

#include "core/feed/parse.hpp"

namespace sf::core {

struct FinishedFeed {
  ParseResult parsed;           // parsed.feed, when present, is fitted to the fonts
  std::size_t fittedTexts = 0;  // how many texts fitFeedToFont changed (organisers are told)
};

// parseFeed, then fitFeedToFont on the feed in place: no copy of the feed is made.
FinishedFeed finishFeed(std::string_view text, std::string_view fileName, const FeedLimits& limits = {});

// The same for a feed already parsed (or built in memory): fitted in place.
std::size_t finishFeed(Feed& feed);

}  // namespace sf::core
