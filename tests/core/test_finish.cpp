// The finished feed: what every screen plays is parsed, checked and fitted to the fonts in one
// step, so no path hands a screen a feed with texts its fonts cannot show.
#include <catch2/catch.hpp>

#include "core/feed/finish.hpp"
#include "core/feed/text_fit.hpp"
#include "feed_fixture.hpp"

using namespace sf;

TEST_CASE("a finished feed is parsed and fitted to the fonts in place", "[finish]") {
  const std::string text = test::replaced(test::kBaseFeed, "\"title\": \"Zweites Projekt\"", "\"title\": \"Zweites Projekt \U0001F680 工作坊\"");
  const auto finished = core::finishFeed(text, "feed.json");
  REQUIRE(finished.parsed.feed);
  CHECK(finished.fittedTexts == 1);
  CHECK(core::fitsFont(*finished.parsed.feed));
  CHECK(finished.parsed.feed->projects[1].title.in("de") == "Zweites Projekt \u25A1");
  // Parsing alone leaves the text as it came: finishing is what fits it.
  const auto parsed = core::parseFeed(text, "feed.json");
  REQUIRE(parsed.feed);
  CHECK_FALSE(core::fitsFont(*parsed.feed));
}

TEST_CASE("a feed the fonts can show comes out of finishing unchanged", "[finish]") {
  const auto finished = core::finishFeed(test::kBaseFeed, "feed.json");
  REQUIRE(finished.parsed.feed);
  CHECK(finished.fittedTexts == 0);
  CHECK(finished.parsed.feed->projects[1].title.in("de") == "Zweites Projekt");
  core::Feed again = *finished.parsed.feed;
  CHECK(core::finishFeed(again) == 0);  // finishing twice changes nothing
}

TEST_CASE("an invalid feed finishes as no feed, with the parser's errors", "[finish]") {
  const auto finished = core::finishFeed(test::replaced(test::kBaseFeed, "\"revision\": 3", "\"revision\": \"three\""), "feed.json");
  CHECK_FALSE(finished.parsed.feed);
  CHECK(core::hasErrors(finished.parsed.diagnostics));
  CHECK(finished.fittedTexts == 0);
}
