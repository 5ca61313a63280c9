// Sessionize's "All" JSON, from two real events: sessions with rooms and speakers by id, local
// times placed in the venue's zone, and a clear refusal when no zone is known.
#include <catch2/catch.hpp>
#include <algorithm>
#include <set>

#include "core/import/formats.hpp"
#include "import_support.hpp"

using namespace sf::core;
using sf::test::eventByKey;
using sf::test::sample;
using sf::test::utc;

namespace {

ImportResult importIn(const std::string& rel, const char* zone) {
  auto opts = sf::test::fixedOptions();
  if (zone) opts.zone = TimeZone::find(zone);
  return importSource(sample(rel), rel, nullptr, opts);
}

using sf::test::firstAndLast;

std::set<std::string> rooms(const ImportResult& r) {
  std::set<std::string> out;
  for (const auto& e : r.events) out.insert(e.room);
  return out;
}

}  // namespace

TEST_CASE("Sessionize 2021 (older API shape): every session, in Vienna's summer time") {
  const auto r = importIn("sessionize/global-azure-austria-2021.json", "Europe/Vienna");
  REQUIRE(r.format->id == "sessionize");
  CHECK_FALSE(hasErrors(r.diagnostics));
  CHECK(r.events.size() == 37);
  const auto [first, last] = firstAndLast(r);
  CHECK(first == utc("2021-04-16T06:00:00Z"));  // 08:00 local, +02:00
  CHECK(last == utc("2021-04-16T14:00:00Z"));
  CHECK(rooms(r) == std::set<std::string>{"Cloud Native, DevOps", "Dev", "IoT, Data, ML", "Junior", "Security"});
  const auto& ama = eventByKey(r, "248343");
  CHECK(ama.title == "Azure - Ask us Anything");
  CHECK(ama.room == "Dev");
  CHECK(ama.end - ama.start == std::chrono::minutes{50});
  CHECK(std::any_of(ama.speakers.begin(), ama.speakers.end(), [](const auto& s) { return s.name == "Rainer Stropek"; }));
  CHECK_FALSE(ama.trackKey.empty());
}

TEST_CASE("Sessionize 2024 (CRLF, newer API shape): rooms and speakers resolved") {
  const auto r = importIn("sessionize/global-azure-austria-2024.json", "Europe/Vienna");
  REQUIRE(r.format->id == "sessionize");
  CHECK_FALSE(hasErrors(r.diagnostics));
  CHECK(r.events.size() == 15);
  const auto [first, last] = firstAndLast(r);
  CHECK(first == utc("2024-04-20T07:00:00Z"));
  CHECK(last == utc("2024-04-20T12:30:00Z"));
  CHECK(rooms(r).size() == 4);
  const auto& keynote = eventByKey(r, "658419");
  CHECK(keynote.room == "Aula");
  REQUIRE(keynote.speakers.size() == 2);
  CHECK(keynote.speakers[0].name == "Ed Burns");
  CHECK(keynote.speakers[1].name == "Sandra Ahlgrimm");
}

TEST_CASE("Sessionize without a zone is refused with the flag that fixes it, Z times need none") {
  const auto r = importIn("sessionize/global-azure-austria-2021.json", nullptr);
  CHECK(hasErrors(r.diagnostics));
  CHECK(r.events.empty());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].jsonPointer == "/sessions/0/startsAt");
  CHECK(r.diagnostics[0].line > 0);
  CHECK_THAT(r.diagnostics[0].message, Catch::Contains("--time-zone"));

  const std::string utcTimes = R"({"sessions": [{"id": "1", "title": "Opening", "startsAt": "2024-04-20T07:00:00Z",
    "endsAt": "2024-04-20T07:30:00Z", "roomId": 9, "speakers": ["x"]}], "speakers": [], "rooms": []})";
  const auto z = importSource(utcTimes, "all.json", nullptr, sf::test::fixedOptions());
  REQUIRE(z.events.size() == 1);
  CHECK(z.events[0].start == utc("2024-04-20T07:00:00Z"));
  // A room and a speaker that the lists lack: warned at their place, the session kept.
  CHECK(countOf(z.diagnostics, Severity::Warning) == 2);
}

TEST_CASE("Sessionize: odd sessions are left out alone, service sessions follow --no-breaks") {
  const std::string text = R"({"sessions": [
    {"id": 7, "title": "Numeric id", "startsAt": "2024-04-20T09:00:00", "endsAt": "2024-04-20T09:45:00"},
    {"id": "8", "title": "", "startsAt": "2024-04-20T10:00:00", "endsAt": "2024-04-20T10:45:00"},
    {"id": "9", "title": "Not scheduled yet", "startsAt": null, "endsAt": null},
    {"id": "10", "title": "Lunch", "isServiceSession": true, "startsAt": "2024-04-20T12:00:00", "endsAt": "2024-04-20T13:00:00"}
  ], "speakers": [], "rooms": []})";
  auto opts = sf::test::fixedOptions();
  opts.zone = TimeZone::find("Europe/Vienna");
  const auto r = importSource(text, "all.json", nullptr, opts);
  CHECK_FALSE(hasErrors(r.diagnostics));
  REQUIRE(r.events.size() == 2);
  CHECK(r.events[0].key == "7");
  CHECK(r.events[1].title == "Lunch");
  CHECK(r.refused == 1);
  CHECK(r.skipped == 1);
  opts.includeBreaks = false;
  CHECK(importSource(text, "all.json", nullptr, opts).events.size() == 1);
}
