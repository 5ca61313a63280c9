// What a valid feed becomes: the model's values, the warnings that do not refuse a feed (unknown
// keys, missing translations, newer versions), the default playlist and event ordering.
#include <catch2/catch.hpp>

#include "core/feed/parse.hpp"
#include "feed_fixture.hpp"

using namespace sf::core;
using sf::test::kBaseFeed;
using sf::test::replaced;

namespace {
std::vector<std::string> warningsAt(const ParseResult& r, const std::string& pointer) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::Warning && d.jsonPointer == pointer) out.push_back(d.message);
  return out;
}
}  // namespace

TEST_CASE("a valid feed becomes the model", "[parse]") {
  const auto r = parseFeed(kBaseFeed, "base.json");
  REQUIRE(r.feed);
  const Feed& f = *r.feed;
  CHECK(f.id == "test-feed");
  CHECK(f.revision == 3);
  CHECK(f.generated == parseInstant("2024-03-01T08:00:00Z"));
  CHECK(f.timeZoneName == "Europe/Berlin");
  CHECK(f.zone.name() == "Europe/Berlin");  // resolved once, here
  CHECK(f.languages == std::vector<std::string>{"de", "en"});
  REQUIRE(f.fields.size() == 2);
  CHECK(f.fields[1].color == Rgb{0x15, 0x65, 0xC0});
  REQUIRE(f.projects.size() == 2);
  CHECK(f.projects[0].title.in("en") == "Project one");
  CHECK(f.projects[1].title.in("en") == "Zweites Projekt");  // a plain string serves every language
  CHECK(f.projects[1].state == ProjectState::Completed);
  CHECK(f.projects[1].stateAsOf == parseDate("2024-03-01"));
  CHECK(f.figures.at(0).value.in("de") == "42");  // a JSON number reads the same in every language
  CHECK(f.figures.at(0).value.in("en") == "42");
  REQUIRE(f.announcements.size() == 1);
  CHECK(f.announcements[0].priority == 5);
  REQUIRE(f.playlist.size() == 2);
  CHECK(f.playlist[0].kind == SlideKind::Spotlight);
  CHECK(f.playlist[0].seconds == 12);
}

TEST_CASE("all-day events span whole local days", "[parse]") {
  const auto r = parseFeed(kBaseFeed, "base.json");
  REQUIRE(r.feed);
  const Event* e2 = r.feed->findEvent("e2");
  REQUIRE(e2);
  CHECK(e2->allDay);
  CHECK(e2->start == parseInstant("2024-04-26T00:00:00+02:00"));
  CHECK(e2->end == parseInstant("2024-04-28T00:00:00+02:00"));  // the day after the last day
}

TEST_CASE("events are ordered by start whatever the file's order", "[parse]") {
  const std::string text = replaced(kBaseFeed, "\"start\": \"2024-04-25T10:00:00+02:00\", \"end\": \"2024-04-25T11:00:00+02:00\"",
                                    "\"start\": \"2024-05-25T10:00:00+02:00\", \"end\": \"2024-05-25T11:00:00+02:00\"");
  const auto r = parseFeed(text, "order.json");
  REQUIRE(r.feed);
  REQUIRE(r.feed->events.size() == 2);
  CHECK(r.feed->events[0].id == "e2");
  CHECK(r.feed->events[1].id == "e1");
}

TEST_CASE("unknown keys are kept and warned about, never fatal", "[parse]") {
  const std::string text = replaced(kBaseFeed, "\"field\": \"inno\"}", "\"field\": \"inno\", \"video\": {\"src\": \"clip.mp4\"}}");
  const auto r = parseFeed(text, "newer.json");
  REQUIRE(r.feed);
  const auto w = warningsAt(r, "/projects/0/video");
  REQUIRE(w.size() == 1);
  CHECK_THAT(w[0], Catch::StartsWith("unknown key \"video\" is ignored (kept for newer players)"));
  CHECK(r.feed->unknown.at("/projects/0/video").at("src") == "clip.mp4");
  CHECK(r.diagnostics.at(0).line == 6);
}

TEST_CASE("a newer format version plays with a warning", "[parse]") {
  const auto r = parseFeed(replaced(kBaseFeed, "\"version\": 1", "\"version\": 2"), "v2.json");
  REQUIRE(r.feed);
  CHECK(warningsAt(r, "/version") == std::vector<std::string>{"format version 2 is newer than this player's 1; what it understands is shown"});
}

TEST_CASE("a missing translation falls back to the other language with a warning", "[parse]") {
  const auto r = parseFeed(replaced(kBaseFeed, "{\"de\": \"Eröffnung\", \"en\": \"Opening\"}", "{\"de\": \"Eröffnung\"}"), "de-only.json");
  REQUIRE(r.feed);
  CHECK(r.feed->findEvent("e1")->title.in("en") == "Eröffnung");
  CHECK(warningsAt(r, "/events/0/title") == std::vector<std::string>{"no \"en\" text; \"de\" is shown instead"});
}

TEST_CASE("a figure's value is one string for every language or a text by language", "[parse]") {
  const auto value = [](const std::string& json) {
    const auto r = parseFeed(replaced(kBaseFeed, "\"value\": 42", "\"value\": " + json), "figure.json");
    REQUIRE(r.feed);
    return std::pair{r.feed->figures.at(0).value, warningsAt(r, "/figures/0/value")};
  };
  SECTION("a string is written the same in every language") {
    const auto [v, warnings] = value("\"≈ 100\"");
    CHECK(v.in("de") == "≈ 100");
    CHECK(v.in("en") == "≈ 100");
    CHECK(warnings.empty());
  }
  SECTION("languages that write numbers differently get their own form") {
    const auto [v, warnings] = value(R"({"de": "100.000 m²", "en": "100,000 m²"})");
    CHECK(v.in("de") == "100.000 m²");
    CHECK(v.in("en") == "100,000 m²");
    CHECK(warnings.empty());
  }
  SECTION("a missing language falls back like any text, with a warning") {
    const auto [v, warnings] = value(R"({"de": "67 %"})");
    CHECK(v.in("en") == "67 %");
    CHECK(warnings == std::vector<std::string>{"no \"en\" text; \"de\" is shown instead"});
  }
  SECTION("characters the fonts lack are reported as in any text") {
    const auto [v, warnings] = value(R"({"de": "42 🚀", "en": "42"})");
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0], Catch::StartsWith("the \"de\" text"));
  }
}

TEST_CASE("texts in languages the feed does not offer are ignored with a warning", "[parse]") {
  const auto r = parseFeed(replaced(kBaseFeed, "\"en\": \"Opening\"}", "\"en\": \"Opening\", \"fr\": \"Ouverture\"}"), "fr.json");
  REQUIRE(r.feed);
  CHECK_FALSE(r.feed->findEvent("e1")->title.has("fr"));
  CHECK(warningsAt(r, "/events/0/title/fr").size() == 1);
}

TEST_CASE("unknown slide kinds are skipped so newer playlists still play", "[parse]") {
  const auto r = parseFeed(replaced(kBaseFeed, "{\"slide\": \"schedule\", \"seconds\": 10}", "{\"slide\": \"video\", \"seconds\": 10}"), "video.json");
  REQUIRE(r.feed);
  REQUIRE(r.feed->playlist.size() == 1);
  CHECK(r.feed->playlist[0].kind == SlideKind::Spotlight);
  CHECK(warningsAt(r, "/playlist/1/slide").size() == 1);
}

TEST_CASE("a feed without a playlist gets the default rotation", "[parse]") {
  const auto r = parseFeed(replaced(kBaseFeed, "{\"slide\": \"spotlight\", \"project\": \"p1\", \"seconds\": 12}, {\"slide\": \"schedule\", \"seconds\": 10}", ""), "empty-playlist.json");
  REQUIRE(r.feed);
  std::vector<SlideKind> kinds;
  for (const auto& it : r.feed->playlist) kinds.push_back(it.kind);
  CHECK(kinds == std::vector<SlideKind>{SlideKind::Spotlights, SlideKind::Schedule, SlideKind::Figures, SlideKind::Fields});
  CHECK(warningsAt(r, "/playlist").size() == 1);
}

TEST_CASE("colours too weak for readable text are warned about", "[parse]") {
  const auto r = parseFeed(replaced(kBaseFeed, "\"#1565C0\"", "\"#7A7A7A\""), "grey.json");
  REQUIRE(r.feed);
  const auto w = warningsAt(r, "/fields/1/color");
  REQUIRE(w.size() == 1);
  CHECK_THAT(w[0], Catch::Contains("WCAG AA needs 4.5:1"));
}

TEST_CASE("a related field that repeats the primary one is a warning", "[parse]") {
  const auto r = parseFeed(replaced(kBaseFeed, "\"field\": \"inno\"}", "\"field\": \"inno\", \"relatedFields\": [\"inno\", \"komp\"]}"), "rel.json");
  REQUIRE(r.feed);
  CHECK(warningsAt(r, "/projects/0/relatedFields/0").size() == 1);
  CHECK(r.feed->projects[0].relatedFields == std::vector<std::string>{"inno", "komp"});
}

TEST_CASE("a UTF-8 byte order mark is tolerated and positions still count from the text", "[parse]") {
  const auto r = parseFeed("\xEF\xBB\xBF" + replaced(kBaseFeed, "\"#1565C0\"", "\"blue\""), "bom.json");
  REQUIRE_FALSE(r.feed);
  CHECK(r.diagnostics.at(0).line == 5);
}
