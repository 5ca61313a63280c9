// c3voc schedule2, from the schema's own 38C3 example: flat events with offsets, rooms by guid,
// speakers among the participants; and the same file found without its $schema.
#include <catch2/catch.hpp>

#include "core/import/formats.hpp"
#include "import_support.hpp"

using namespace sf::core;
using sf::test::eventByKey;
using sf::test::utc;

TEST_CASE("schedule2: the 38C3 example's events, rooms, speakers and tracks") {
  const auto text = sf::test::sample("schedule2/hub-38c3-example.json");
  const auto r = importSource(text, "hub-38c3-example.json", nullptr, sf::test::fixedOptions());
  REQUIRE(r.format->id == "schedule2");
  CHECK_FALSE(hasErrors(r.diagnostics));
  REQUIRE(r.events.size() == 2);
  CHECK(r.title == "38C3");
  CHECK(r.suggestedSourceId == "38c3");
  REQUIRE(r.zoneName);
  CHECK(*r.zoneName == "Europe/Berlin");
  const auto& opening = eventByKey(r, "270fa44c-821a-577f-8ca3-33e8d4a8c2a7");
  CHECK(opening.title == "38C3: Opening Ceremony");
  CHECK(opening.start == utc("2024-12-27T09:30:00Z"));
  CHECK(opening.end == utc("2024-12-27T10:00:00Z"));
  CHECK(opening.room == "Saal 1");
  // Speakers only: the contributor is not on stage.
  REQUIRE(opening.speakers.size() == 2);
  CHECK(opening.speakers[0].name == "Gabriela Bogk");
  CHECK(opening.speakers[1].name == "Aline Blankertz");
  const auto& nfs = eventByKey(r, "b1740c2f-0c44-5f1b-89ed-456a9eecf0b8");
  CHECK(nfs.start == utc("2024-12-27T23:15:00Z"));  // 00:15 on the 28th, inside day 1's night
  CHECK(nfs.title == "A Competitive Time-Trial AI for Need for Speed:");  // the subtitle is a key of its own
  CHECK(nfs.subtitle == "Most Wanted Using Deep Reinforcement Learning");
  CHECK(nfs.room == "Saal ZIGZAG");
}

TEST_CASE("schedule2 without $schema is still read as schedule2, a repeated guid keeps each day") {
  const std::string text = R"({"schedule": {"conference": {"title": "Camp", "rooms": [{"name": "Tent", "guid": "r1"}]},
    "events": [
      {"guid": "w", "title": "Soldering", "start": "2024-08-01T10:00:00+02:00", "end": "2024-08-01T12:00:00+02:00", "room": "r1"},
      {"guid": "w", "title": "Soldering", "start": "2024-08-02T10:00:00+02:00", "end": "2024-08-02T12:00:00+02:00", "room": "r1"},
      {"guid": "x", "title": "No time", "start": "tomorrow"}]}})";
  const auto r = importSource(text, "camp.json", nullptr, sf::test::fixedOptions());
  CHECK_FALSE(hasErrors(r.diagnostics));
  REQUIRE(r.events.size() == 2);
  CHECK(r.events[0].key == "w");
  CHECK(r.events[1].key == "w_20240802");
  CHECK(r.events[1].room == "Tent");
  CHECK(r.refused == 1);
  CHECK(r.refusedKeys == std::vector<std::string>{"x"});
}
