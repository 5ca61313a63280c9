// libFuzzer target: any bytes through the feed scanner, parser and validator, and a valid result
// through the schedule at a few instants and the text fallback. Nothing may crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/feed/parse.hpp"
#include "core/show/schedule.hpp"
#include "core/feed/text_fit.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto r = sf::core::parseFeed(text, "fuzz.json");
  for (const auto& d : r.diagnostics) (void)sf::core::formatDiagnostic(d);
  if (r.feed) {
    const auto& zone = r.feed->zone;  // resolved by the parser
    for (const char* at : {"2024-04-25T10:00:00Z", "1970-01-01T00:00:00Z", "2099-12-31T23:59:59Z"})
      (void)sf::core::scheduleAt(*r.feed, *sf::core::parseInstant(at), zone);
    // The screen's text fallback must leave only what the fonts can show.
    sf::core::Feed fitted = *r.feed;
    sf::core::fitFeedToFont(fitted);
    for (const auto& p : fitted.projects)
      for (const auto& [lang, t] : p.title.values())
        if (!sf::core::canShowAll(t)) __builtin_trap();
  }
  return 0;
}
