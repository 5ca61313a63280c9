// Indico's event export, from X.Org Developer Conference 2021: UTC times beside a Warsaw event
// zone, speakers only among the authors, contributions out of order and some without a track.
#include <catch2/catch.hpp>
#include <algorithm>

#include "core/import/formats.hpp"
#include "import_support.hpp"

using namespace sf::core;
using sf::test::eventByKey;
using sf::test::utc;

TEST_CASE("Indico: every contribution of XDC 2021, at its UTC time, with its authors and page") {
  const auto r = importSource(sf::test::sample("indico/xdc2021.json"), "xdc2021.json", nullptr, sf::test::fixedOptions());
  REQUIRE(r.format->id == "indico");
  CHECK_FALSE(hasErrors(r.diagnostics));
  CHECK(r.events.size() == 37);
  const auto [lo, hi] = std::minmax_element(r.events.begin(), r.events.end(),
                                            [](const auto& a, const auto& b) { return a.start < b.start; });
  CHECK(lo->start == utc("2021-09-15T11:00:00Z"));
  CHECK(hi->start == utc("2021-09-17T17:25:00Z"));
  CHECK(r.title == "X.Org Developer Conference 2021");
  REQUIRE(r.zoneName);
  CHECK(*r.zoneName == "Europe/Warsaw");
  CHECK(r.suggestedSourceId == "indico-1");
  const auto& testing = eventByKey(r, "12");
  CHECK(testing.title == "Making bare-metal testing accessible to every developer");
  CHECK(testing.start == utc("2021-09-17T14:10:00Z"));
  CHECK(testing.end - testing.start == std::chrono::minutes{20});
  CHECK(testing.room.empty());  // an online conference: no rooms
  CHECK(testing.link == "https://indico.freedesktop.org/event/1/contributions/26/");
  REQUIRE_FALSE(testing.speakers.empty());
  CHECK(testing.speakers[0].name == "Martin Peres");  // "Peres, Martin" turned round
}

TEST_CASE("Indico: a time in an unknown zone falls back to the event's, with a warning at its place") {
  const std::string text = R"({"_type": "HTTPAPIResult", "results": [{"id": 5, "title": "Workshop", "timezone": "Europe/Berlin",
    "contributions": [
      {"id": "1", "title": "Opening", "startDate": {"date": "2024-06-10", "time": "09:00:00", "tz": "Mars/Olympus"}},
      {"id": "2", "title": "Poster session"},
      {"id": "3", "title": "", "startDate": {"date": "2024-06-10", "time": "10:00:00", "tz": "UTC"}}]}]})";
  const auto r = importSource(text, "event.json", nullptr, sf::test::fixedOptions());
  CHECK_FALSE(hasErrors(r.diagnostics));
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].start == utc("2024-06-10T07:00:00Z"));  // 09:00 in Berlin's summer
  CHECK(r.skipped == 1);
  CHECK(r.refused == 1);
  const auto warned = std::find_if(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) {
    return d.jsonPointer == "/results/0/contributions/0/startDate/tz";
  });
  REQUIRE(warned != r.diagnostics.end());
  CHECK(warned->line == 3);
}
