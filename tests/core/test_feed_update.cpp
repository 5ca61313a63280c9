// Pure rules of the live feed: which revision may replace which, when the clock is trusted, and
// how a configuration file is read (bad values fall back to defaults, with located messages).
#include <catch2/catch.hpp>

#include "core/show/config.hpp"
#include "core/feed/parse.hpp"
#include "core/feed_fixture.hpp"
#include "core/feed/update.hpp"

using namespace sf::core;
using namespace std::chrono_literals;

TEST_CASE("only a newer revision replaces the feed", "[update]") {
  const FeedIdentity current{"mpi", 7};
  CHECK(decideSwap(std::nullopt, {"mpi", 1}) == SwapDecision::Accept);
  CHECK(decideSwap(current, {"mpi", 8}) == SwapDecision::Accept);
  CHECK(decideSwap(current, {"mpi", 7}) == SwapDecision::SameRevision);
  CHECK(decideSwap(current, {"mpi", 6}) == SwapDecision::Older);
  CHECK(decideSwap(current, {"other-event", 1}) == SwapDecision::Accept);
  CHECK(describe(SwapDecision::Older, current, {"mpi", 6}) == "refused revision 6, older than the 7 playing (stale server or rollback)");
}

TEST_CASE("revisions are JSON-safe, a screen refuses huge jumps, and other feeds when it follows one only", "[update]") {
  const FeedIdentity current{"mpi", 7};
  CHECK(decideSwap(current, {"mpi", 7 + kMaxRevisionJump}) == SwapDecision::Accept);
  CHECK(decideSwap(current, {"mpi", 8 + kMaxRevisionJump}) == SwapDecision::TooFarAhead);
  CHECK(decideSwap(current, {"mpi", kMaxRevision}) == SwapDecision::TooFarAhead);
  CHECK_THAT(describe(SwapDecision::TooFarAhead, current, {"mpi", kMaxRevision}),
             Catch::Contains("more than 1000000 ahead of the 7 playing"));
  CHECK(decideSwap(current, {"other-event", 1}, true) == SwapDecision::OtherFeed);
  CHECK(decideSwap(current, {"mpi", 8}, true) == SwapDecision::Accept);
  CHECK(decideSwap(std::nullopt, {"other-event", 1}, true) == SwapDecision::Accept);
  CHECK_THAT(describe(SwapDecision::OtherFeed, current, {"other-event", 1}), Catch::Contains("follows \"mpi\" only"));
  for (const char* bad : {"9007199254740992", "9223372036854775807", "18446744073709551615"}) {
    const auto r = parseFeed(sf::test::replaced(sf::test::kBaseFeed, "\"revision\": 3", std::string("\"revision\": ") + bad), "f.json");
    INFO(bad);
    CHECK_FALSE(r.feed);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK_THAT(formatDiagnostic(r.diagnostics.front()), Catch::Contains("/revision") && Catch::Contains("from 0 to 9007199254740991"));
  }
  CHECK(parseFeed(sf::test::replaced(sf::test::kBaseFeed, "\"revision\": 3", "\"revision\": 9007199254740991"), "f.json").feed);
}

TEST_CASE("a clock before the feed's making or far from the server's is not trusted", "[update]") {
  const Instant generated = *parseInstant("2024-03-01T09:00:00+01:00");
  ClockEvidence e{generated, std::nullopt, std::nullopt};
  CHECK(clockPlausible(generated + 1h, e));
  CHECK(clockPlausible(generated - 4min, e));  // small skew in the feed tool is tolerated
  CHECK_FALSE(clockPlausible(generated - 3 * 24h, e));  // a Pi after a power cut, days behind
  e.serverDate = generated + 10h;
  e.localAtReceipt = generated + 10h + 30s;
  CHECK(clockPlausible(generated + 10h + 40s, e));
  e.localAtReceipt = generated + 2h;
  CHECK_FALSE(clockPlausible(generated + 2h + 10s, e));
}

TEST_CASE("a feed stamped in the future does not silence a clock the server's Date confirms", "[update]") {
  const Instant now = *parseInstant("2024-06-15T10:00:00+02:00");
  ClockEvidence e{now + 10min, std::nullopt, std::nullopt};  // a publishing laptop ten minutes fast
  CHECK_FALSE(clockPlausible(now, e));  // without other evidence the screen cannot tell
  e.serverDate = now - 1s;
  e.localAtReceipt = now;
  CHECK(clockPlausible(now + 5s, e));
  CHECK_THAT(describeFutureGenerated(e.feedGenerated, *e.serverDate, "the server's clock"),
             Catch::Contains("10 min after the server's clock") && Catch::Contains("runs fast"));
  CHECK(describeFutureGenerated(now + 4min, now, "x").empty());
}

TEST_CASE("a configuration file sets every option", "[config]") {
  const auto r = parseConfig(R"({"feed": "https://example.org/feed.json", "pollSeconds": 10, "screenName": "Foyer links",
    "idleSeconds": 90, "rotate": 270, "language": "en", "cacheDir": "/tmp/sf", "imageCacheMiB": 16})", "config.json");
  CHECK(r.diagnostics.empty());
  CHECK(r.config.feed == "https://example.org/feed.json");
  CHECK(r.config.pollSeconds == 10);
  CHECK(r.config.idleSeconds == 90);
  CHECK(r.config.rotate == 270);
  CHECK(r.config.language == "en");
  CHECK(r.config.effectiveStatusPath() == "/tmp/sf/status.json");
  CHECK(r.config.imageCacheBytes == 16u << 20);
}

TEST_CASE("a bad configuration value is reported and replaced by its default", "[config]") {
  const auto r = parseConfig("{\n  \"pollSeconds\": 0,\n  \"rotate\": 45,\n  \"colour\": \"red\"\n}", "/etc/schaufenster/config.json");
  CHECK(r.config.pollSeconds == 5);
  CHECK(r.config.rotate == 0);
  REQUIRE(r.diagnostics.size() == 3);
  CHECK(formatDiagnostic(r.diagnostics[0]) == "/etc/schaufenster/config.json:4:3: /colour: warning: unknown setting \"colour\" is ignored");
  CHECK(formatDiagnostic(r.diagnostics[1]) == "/etc/schaufenster/config.json:2:3: /pollSeconds: error: expected a whole number from 1 to 3600, found 0; using 5");
  CHECK(formatDiagnostic(r.diagnostics[2]) == "/etc/schaufenster/config.json:3:3: /rotate: error: expected 0, 90, 180 or 270, found 45; using 0");
}

TEST_CASE("the slide transition and the clock's seconds are screen settings with checked values", "[config]") {
  const auto good = parseConfig(R"({"transitionMs": 1500, "clockSeconds": true})", "config.json");
  CHECK(good.diagnostics.empty());
  CHECK(good.config.transitionMs == 1500);
  CHECK(good.config.clockSeconds);
  const auto bad = parseConfig("{\n  \"transitionMs\": 0,\n  \"clockSeconds\": \"yes\"\n}", "config.json");
  CHECK(bad.config.transitionMs == 900);
  CHECK_FALSE(bad.config.clockSeconds);
  REQUIRE(bad.diagnostics.size() == 2);
  CHECK(formatDiagnostic(bad.diagnostics[0]) == "config.json:2:3: /transitionMs: error: expected a whole number from 100 to 4000, found 0; using 900");
  CHECK(formatDiagnostic(bad.diagnostics[1]) == "config.json:3:3: /clockSeconds: error: expected true or false, found \"yes\"; using false");
}

TEST_CASE("a broken configuration file still yields a playable configuration", "[config]") {
  const auto r = parseConfig("{\"feed\": ", "config.json");
  CHECK(hasErrors(r.diagnostics));
  CHECK(r.config.feed.empty());  // the embedded feed plays
  CHECK(r.config.pollSeconds == 5);
}
