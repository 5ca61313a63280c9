// The pure parts of `schaufenster sync`: its config (defaults, mistakes by pointer), the rule that
// holds back a suspicious import, and the change summary a publication is logged with.
#include <catch2/catch.hpp>

#include "core/feed/changes.hpp"
#include "core/feed/parse.hpp"
#include "core/feed_fixture.hpp"
#include "core/import/sync_rules.hpp"

using namespace sf::core;

namespace {

std::string messages(const Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds) out += d.jsonPointer + ": " + d.message + "\n";
  return out;
}

Feed parsed(const std::string& text) {
  auto r = parseFeed(text, "test.json");
  INFO(messages(r.diagnostics));
  REQUIRE(r.feed);
  return std::move(*r.feed);
}

}  // namespace

TEST_CASE("a sync config: defaults for format and poll interval, 30 s for a live source", "[sync]") {
  const auto r = parseSyncConfig(R"({"baseFeed": "base.json", "publishTo": "/srv/pub", "key": "k.key",
    "sources": [{"url": "https://pretalx.example.org/democon/schedule/export/schedule.json", "id": "democon"},
                {"file": "talks.ics", "id": "talks", "live": true},
                {"url": "https://x.example.org/s.xml", "id": "fosdem", "format": "xml", "pollSeconds": 60, "breaks": false}]})");
  INFO(messages(r.diagnostics));
  REQUIRE(r.config);
  const auto& c = *r.config;
  CHECK(c.baseFeed == "base.json");
  CHECK(c.publishTo == "/srv/pub");
  CHECK(c.key == "k.key");
  CHECK(c.keep == 10);
  REQUIRE(c.sources.size() == 3);
  CHECK(c.sources[0].format == "auto");
  CHECK(c.sources[0].pollSeconds == 300);
  CHECK_FALSE(c.sources[0].live);
  CHECK(c.sources[1].location == "talks.ics");
  CHECK(c.sources[1].pollSeconds == 30);
  CHECK(c.sources[2].format == "xml");
  CHECK(c.sources[2].pollSeconds == 60);
  CHECK_FALSE(c.sources[2].includeBreaks);
}

TEST_CASE("a sync config's mistakes are named by pointer and refuse the config", "[sync]") {
  SECTION("missing base feed, folder and sources") {
    const auto r = parseSyncConfig(R"({"sources": []})");
    CHECK_FALSE(r.config);
    const auto m = messages(r.diagnostics);
    CHECK_THAT(m, Catch::Contains("/baseFeed: missing") && Catch::Contains("/publishTo: missing") && Catch::Contains("/sources:"));
  }
  SECTION("an unknown format, a bad id, a repeated id, a poll of zero") {
    const auto r = parseSyncConfig(R"({"baseFeed": "b.json", "publishTo": "p", "sources": [
      {"url": "http://a/x.json", "id": "a", "format": "excel"},
      {"url": "http://a/y.json", "id": "has:colon"},
      {"url": "http://a/z.json", "id": "z", "pollSeconds": 0},
      {"url": "http://a/1.json", "id": "dup"}, {"url": "http://a/2.json", "id": "dup"},
      {"id": "nowhere"}]})");
    CHECK_FALSE(r.config);
    const auto m = messages(r.diagnostics);
    CHECK_THAT(m, Catch::Contains("/sources/0/format: unknown format \"excel\"") && Catch::Contains("sessionize"));
    CHECK_THAT(m, Catch::Contains("/sources/1/id:"));
    CHECK_THAT(m, Catch::Contains("/sources/2/pollSeconds: expected a whole number from 1"));
    CHECK_THAT(m, Catch::Contains("/sources/4/id: the source id \"dup\" is used twice"));
    CHECK_THAT(m, Catch::Contains("/sources/5: expected either \"url\""));
  }
  SECTION("not JSON") { CHECK_FALSE(parseSyncConfig("{ nope").config); }
  SECTION("an unknown key is a warning only") {
    const auto r = parseSyncConfig(R"({"baseFeed": "b.json", "publishTo": "p", "pubishTo": "q", "sources": [{"url": "http://a/x.json"}]})");
    REQUIRE(r.config);
    CHECK(r.config->sources[0].id == "x");  // from the file name, as `import` names sources
    CHECK_THAT(messages(r.diagnostics), Catch::Contains("/pubishTo: unknown key"));
  }
}

TEST_CASE("an import is held back when it empties or loses more than half of what it had", "[sync]") {
  CHECK_FALSE(judgeImportCount(std::nullopt, 0, "events").suspicious);  // a first import
  CHECK_FALSE(judgeImportCount(0, 0, "events").suspicious);
  CHECK_FALSE(judgeImportCount(10, 5, "events").suspicious);  // exactly half: kept
  CHECK_FALSE(judgeImportCount(10, 30, "events").suspicious);
  const auto emptied = judgeImportCount(42, 0, "events");
  CHECK(emptied.suspicious);
  CHECK(emptied.reason == "returns no events (it had 42)");
  const auto halved = judgeImportCount(10, 4, "projects");
  CHECK(halved.suspicious);
  CHECK(halved.reason == "lost more than half of its projects (10 → 4)");
}

TEST_CASE("the change summary tells added, moved, cancelled, removed and edited events apart", "[sync]") {
  const std::string events =
      " \"events\": [{\"id\": \"e1\", \"title\": {\"de\": \"Eröffnung\", \"en\": \"Opening\"}, \"start\": \"2024-04-25T10:00:00+02:00\", \"end\": \"2024-04-25T11:00:00+02:00\", \"projects\": [\"p1\"]},\n"
      "            {\"id\": \"e2\", \"title\": {\"de\": \"Tag der offenen Tür\", \"en\": \"Open day\"}, \"allDay\": true, \"start\": \"2024-04-26\", \"end\": \"2024-04-27\"}],\n";
  const std::string afterEvents =
      " \"events\": [{\"id\": \"e1\", \"title\": {\"de\": \"Eröffnung\", \"en\": \"Opening\"}, \"start\": \"2024-04-25T11:30:00+02:00\", \"end\": \"2024-04-25T12:30:00+02:00\", \"room\": \"Saal B\", \"projects\": [\"p1\"]},\n"
      "            {\"id\": \"e3\", \"title\": \"Workshop\", \"start\": \"2024-04-25T14:00:00+02:00\", \"end\": \"2024-04-25T15:00:00+02:00\"},\n"
      "            {\"id\": \"e4\", \"title\": \"Lightning talks\", \"start\": \"2024-04-25T16:00:00+02:00\", \"end\": \"2024-04-25T17:00:00+02:00\"}],\n";
  const std::string withE4 = sf::test::replaced(sf::test::kBaseFeed, events,
      " \"events\": [{\"id\": \"e1\", \"title\": {\"de\": \"Eröffnung\", \"en\": \"Opening\"}, \"start\": \"2024-04-25T10:00:00+02:00\", \"end\": \"2024-04-25T11:00:00+02:00\", \"projects\": [\"p1\"]},\n"
      "            {\"id\": \"e2\", \"title\": {\"de\": \"Tag der offenen Tür\", \"en\": \"Open day\"}, \"allDay\": true, \"start\": \"2024-04-26\", \"end\": \"2024-04-27\"},\n"
      "            {\"id\": \"e4\", \"title\": \"Lightning talks\", \"start\": \"2024-04-25T16:00:00+02:00\", \"end\": \"2024-04-25T17:00:00+02:00\"}],\n");
  const Feed before = parsed(withE4);
  Feed after = parsed(sf::test::replaced(sf::test::kBaseFeed, events, afterEvents));
  for (auto& e : after.events) e.cancelled = e.id == "e4";  // set on the model, whichever key a feed writes it with
  const auto c = compareFeeds(before, after, "en");
  REQUIRE(c.moved.size() == 1);
  CHECK(c.moved[0].id == "e1");
  REQUIRE(c.added.size() == 1);
  CHECK(c.added[0]->id == "e3");
  REQUIRE(c.cancelled.size() == 1);
  CHECK(c.cancelled[0]->id == "e4");
  REQUIRE(c.removed.size() == 1);
  CHECK(c.removed[0]->id == "e2");
  CHECK(c.otherEventEdits == 0);
  CHECK(changeCounts(c) == "1 event added, 1 moved, 1 cancelled, 1 removed");
  const auto lines = describeChanges(c, before.zone, "en", 10);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "moved: Opening 2024-04-25 10:00–11:00 → 2024-04-25 11:30–12:30 Saal B");
  CHECK(lines[1] == "added: Workshop 2024-04-25 14:00–15:00");
  CHECK(lines[2] == "cancelled: Lightning talks 2024-04-25 16:00–17:00");
  CHECK(lines[3] == "removed: Open day 2024-04-26 (all day)");
  const auto capped = describeChanges(c, before.zone, "en", 2);
  REQUIRE(capped.size() == 3);
  CHECK(capped[2] == "… and 2 more");

  SECTION("a retitled event is an edit; the same feed is no change") {
    const Feed retitled = parsed(sf::test::replaced(withE4, "\"Lightning talks\"", "\"Lightning talks II\""));
    const auto e = compareFeeds(before, retitled, "en");
    CHECK(e.otherEventEdits == 1);
    CHECK(e.moved.empty());
    CHECK(changeCounts(e) == "1 edited");
    CHECK(compareFeeds(before, before, "en").empty());
    CHECK(changeCounts(compareFeeds(before, before, "en")) == "no change in events");
  }
}
