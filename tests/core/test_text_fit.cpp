// The fallback for characters the fonts lack: European names stay whole, emoji are dropped as
// decoration, other scripts become one □ per run, and another language steps in where it can.
#include <catch2/catch.hpp>

#include "core/feed/parse.hpp"
#include "core/feed/text_fit.hpp"
#include "feed_fixture.hpp"

using namespace sf::core;

TEST_CASE("texts the fonts can show stay as they are", "[fit]") {
  for (const char* s : {"Łukasz Dvořák, Şişli, Ærøskøbing", "Straße – „Zitat“ … 42 €", "Zeile 1\nZeile 2", ""}) {
    CHECK(canShowAll(s));
    CHECK(fitToFont(s) == s);
  }
}

TEST_CASE("emoji, joiners, selectors and direction marks are left out", "[fit]") {
  CHECK(fitToFont("🎉 Sommerfest 🎉") == "Sommerfest");
  CHECK(fitToFont("Team 👩‍👩‍👧‍👦 Berlin ☀️") == "Team Berlin");
  CHECK(fitToFont("\u202Eabc\u202C") == "abc");
  CHECK(fitToFont("Cafe\u0301") == "Cafe");  // a combining accent: the base letter stays
}

TEST_CASE("each run of characters the fonts lack shows as one box", "[fit]") {
  CHECK(fitToFont("Workshop 工作坊 Berlin") == "Workshop \u25A1 Berlin");
  CHECK(fitToFont("工业城市柏林 🏭🚀 مدينة برلين الصناعية") == "\u25A1");
  CHECK(fitToFont("שלום 🙂 Здравствуйте – ελληνικά – हिन्दी") == "\u25A1 – \u25A1 – \u25A1");
  CHECK(fitToFont("(עברית)") == "(\u25A1)");
  CHECK(canShowAll(fitToFont("שלום")));
}

TEST_CASE("a language the fonts cannot show takes another language's text", "[fit]") {
  auto parsed = parseFeed(sf::test::kBaseFeed, "feed.json");
  REQUIRE(parsed.feed);
  Feed& feed = *parsed.feed;
  Project& p = feed.projects.front();
  p.title = {};
  p.title.set("de", "工业城市");
  p.title.set("en", "Industrial City");
  p.summary = {};
  p.summary.set("de", "🚀 Start");
  p.summary.set("en", "🚀 Start");
  p.partners = {"Технопарк Berlin"};
  CHECK(fitFeedToFont(feed) == 4);
  CHECK(p.title.in("de") == "Industrial City");
  CHECK(p.title.in("en") == "Industrial City");
  CHECK(p.summary.in("de") == "Start");
  CHECK(p.partners.front() == "\u25A1 Berlin");
  CHECK(fitFeedToFont(feed) == 0);  // once fitted, nothing is left to change
}

TEST_CASE("validate warns about texts the fonts cannot show, where they are", "[fit]") {
  const std::string text = sf::test::replaced(sf::test::kBaseFeed, "\"Projekt eins\"", "\"Projekt 🚀 eins\"");
  const auto withOther = sf::test::replaced(text, "\"title\": \"Zweites Projekt\"", "\"title\": \"第二个项目\"");
  const auto parsed = parseFeed(withOther, "feed.json");
  REQUIRE(parsed.feed);  // a warning, never a refusal
  std::vector<Diagnostic> warnings;
  for (const auto& d : parsed.diagnostics)
    if (d.message.find("fonts lack") != std::string::npos) warnings.push_back(d);
  REQUIRE(warnings.size() == 2);  // the German title of p1, and p2's plain-string title
  CHECK(warnings[0].jsonPointer == "/projects/0/title");
  CHECK(warnings[0].message == "the \"de\" text \"Projekt 🚀 eins\" has characters the player's fonts lack; screens show another language's text instead");
  CHECK(warnings[0].line == sf::test::positionOf(withOther, "\"title\": {\"de\": \"Projekt").line);
  CHECK(warnings[1].jsonPointer == "/projects/1/title");
  CHECK(warnings[1].message == "the \"de\" text \"第二个项目\" has characters the player's fonts lack; screens show it without emoji and with \u25A1 for the rest");
  CHECK(parseFeed(sf::test::kBaseFeed, "feed.json").diagnostics.empty());
}

TEST_CASE("the atlas gets the extended letters a feed uses, and only those", "[fit]") {
  auto parsed = parseFeed(sf::test::replaced(sf::test::kBaseFeed, "\"Projekt eins\"", "\"Łódź und Timișoara, Ærø\""), "feed.json");
  REQUIRE(parsed.feed);
  // Ł ź ș are beyond Latin-1; ó, Æ and ø are in it; 工 could not be shown at all.
  CHECK(extraGlyphs(*parsed.feed) == std::u32string{U'\u0141', U'\u017A', U'\u0219'});
  auto plain = parseFeed(sf::test::kBaseFeed, "feed.json");
  CHECK(extraGlyphs(*plain.feed).empty());
}
