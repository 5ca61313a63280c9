// schedule.xml from three real exports: FOSDEM 2026 (pretalx-backed), FOSDEM 2007 (pentabarf,
// events right under days, no zone) and the CCC hub's 38C3; and XML built to attack a parser.
#include <catch2/catch.hpp>
#include <algorithm>
#include <set>

#include "core/import/formats.hpp"
#include "import_support.hpp"
#include "platform/xml.hpp"

using namespace sf::core;
using sf::test::eventByKey;
using sf::test::utc;

namespace {

ImportResult importXml(const std::string& rel, const char* zone = nullptr) {
  auto opts = sf::test::fixedOptions();
  opts.parseXml = sf::platform::parseXml;
  if (zone) opts.zone = TimeZone::find(zone);
  return importSource(sf::test::sample(rel), rel, nullptr, opts);
}

using sf::test::firstAndLast;

std::size_t roomCount(const ImportResult& r) {
  std::set<std::string> rooms;
  for (const auto& e : r.events) rooms.insert(e.room);
  return rooms.size();
}

}  // namespace

TEST_CASE("schedule.xml: FOSDEM 2026, every event at its <date>, in its room, with its speakers") {
  const auto r = importXml("xml/fosdem-2026.xml");
  REQUIRE(r.format->id == "xml");
  CHECK_FALSE(hasErrors(r.diagnostics));
  CHECK(r.events.size() == 883);
  CHECK(roomCount(r) == 30);
  REQUIRE(r.zoneName);
  CHECK(*r.zoneName == "Europe/Brussels");
  const auto& welcome = eventByKey(r, "9c3ebb8c-7716-5130-b9fe-ff8544f5636d");
  CHECK(welcome.title == "Welcome to FOSDEM 2026");
  CHECK(welcome.start == utc("2026-01-31T08:30:00Z"));
  CHECK(welcome.end - welcome.start == std::chrono::minutes{20});
  CHECK(welcome.room == "Janson");
  CHECK(welcome.link == "https://fosdem.org/2026/schedule/event/SFKNTZ-welcome_to_fosdem_2026/");
  CHECK_THAT(welcome.description, Catch::Contains("FOSDEM welcome and opening talk.") && !Catch::Contains("<p>"));
  REQUIRE(welcome.speakers.size() == 1);
  CHECK(welcome.speakers[0].name == "FOSDEM Staff");
}

TEST_CASE("schedule.xml: the pentabarf layout of FOSDEM 2007 needs the venue's zone and then reads whole") {
  const auto without = importXml("xml/fosdem-2007.xml");
  CHECK(hasErrors(without.diagnostics));
  CHECK(without.events.empty());
  CHECK_THAT(sf::test::allMessages(without.diagnostics), Catch::Contains("--time-zone"));

  const auto r = importXml("xml/fosdem-2007.xml", "Europe/Brussels");
  CHECK_FALSE(hasErrors(r.diagnostics));
  CHECK(r.events.size() == 215);
  CHECK(roomCount(r) == 18);
  const auto& aiglx = eventByKey(r, "0");  // ids start at "0"
  CHECK(aiglx.title == "AIGLX");
  CHECK(aiglx.start == utc("2007-02-25T14:00:00Z"));  // 15:00 in Brussels, as the archive dates it
  CHECK(aiglx.room == "Chavanne");
  CHECK_THAT(aiglx.description, Catch::StartsWith("In this talk, Kristian"));
}

TEST_CASE("schedule.xml: 38C3 from the CCC hub, after-midnight events at their real night") {
  const auto r = importXml("xml/hub-38c3.xml");
  CHECK_FALSE(hasErrors(r.diagnostics));
  CHECK(r.events.size() == 1007);
  CHECK(roomCount(r) == 72);
  const auto [first, last] = firstAndLast(r);
  CHECK(first >= utc("2024-12-26T00:00:00Z"));
  CHECK(last <= utc("2024-12-31T06:00:00Z"));
  // An event filed under day 1 but starting after midnight lies on the 28th.
  const auto night = std::count_if(r.events.begin(), r.events.end(), [](const ImportedEvent& e) {
    return e.start >= utc("2024-12-27T23:00:00Z") && e.start < utc("2024-12-28T05:00:00Z");
  });
  CHECK(night > 0);
}

TEST_CASE("XML that attacks the parser is refused with a reason and a place") {
  sf::core::ImportOptions opts = sf::test::fixedOptions();
  opts.parseXml = sf::platform::parseXml;
  const std::string laughs = R"(<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<schedule><day date="2024-01-01"><event id="1"><title>&lol3;</title></event></day></schedule>)";
  const auto billion = importSource(laughs, "lol.xml", nullptr, opts);
  REQUIRE(billion.diagnostics.size() == 1);
  CHECK(billion.diagnostics[0].line == 3);
  CHECK_THAT(billion.diagnostics[0].message, Catch::Contains("entity declarations"));
  CHECK(billion.events.empty());

  const std::string external = "<?xml version=\"1.0\"?>\n<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                               "<schedule><day date=\"2024-01-01\"><event id=\"1\"><title>&x;</title></event></day></schedule>";
  CHECK(hasErrors(importSource(external, "x.xml", nullptr, opts).diagnostics));

  std::string deep = "<schedule>";
  for (int i = 0; i < 100; ++i) deep += "<a>";
  const auto tooDeep = importSource(deep + std::string(100 * 4, ' ') + "</schedule>", "deep.xml", nullptr, opts);
  CHECK(hasErrors(tooDeep.diagnostics));

  const auto broken = importSource("<schedule>\n  <day date=\"2024-01-01\">\n  </dya>\n</schedule>", "b.xml", nullptr, opts);
  REQUIRE(broken.diagnostics.size() == 1);
  CHECK(broken.diagnostics[0].line == 3);
  CHECK_THAT(broken.diagnostics[0].message, Catch::Contains("not well-formed"));
}
