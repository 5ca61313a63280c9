// Parse and fit in one step, so every path that hands a feed to a screen gives the same feed
// and the fonts are checked once per feed rather than once per frame.
#include "core/feed/finish.hpp"

#include "core/feed/text_fit.hpp"

namespace sf::core {

std::size_t finishFeed(Feed& feed) {
  if (fitsFont(feed)) return 0;  // the usual case: nothing to change
  return fitFeedToFont(feed);
}

FinishedFeed finishFeed(std::string_view text, std::string_view fileName, const FeedLimits& limits) {
  FinishedFeed out{parseFeed(text, fileName, limits), 0};
  if (out.parsed.feed) out.fittedTexts = finishFeed(*out.parsed.feed);
  return out;
}

}  // namespace sf::core
