// The startup choice, made in one place: which feed plays before the first frame, that it is
// finished (fitted to the fonts), and what the feed worker is handed so it need not read, ask
// for or parse the same feed again.
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>

#include "core/feed/text_fit.hpp"
#include "live/feed_cache.hpp"
#include "live/startup.hpp"
#include "live_support.hpp"

using namespace sf;
using test::feedWithRevision;
using test::TempDir;

TEST_CASE("a cache of the configured address hands its validators and text to the worker", "[startup]") {
  TempDir dir;
  core::Config config;
  config.cacheDir = dir.path;
  config.feed = "https://example.invalid/feed.json";
  REQUIRE(live::saveCachedFeed(dir.path, {config.feed, feedWithRevision(4), "", "\"v4\"", "Sat, 01 Jun 2024 10:00:00 GMT"}));
  auto s = live::loadStartupFeed(config);
  CHECK(s.status.origin == live::FeedOrigin::Cache);
  CHECK(s.status.revision == 4);
  CHECK(s.fromConfiguredFeed);
  CHECK(s.etag == "\"v4\"");
  CHECK(s.lastModified == "Sat, 01 Jun 2024 10:00:00 GMT");
  CHECK(s.bodyHash == std::hash<std::string>{}(feedWithRevision(4)));
  CHECK(live::startupNotice(s, config).empty());

  // A cache of another address plays, but its validators mean nothing to the new one.
  config.feed = "https://example.invalid/other.json";
  s = live::loadStartupFeed(config);
  CHECK(s.status.origin == live::FeedOrigin::Cache);
  CHECK_FALSE(s.fromConfiguredFeed);
  CHECK(s.etag.empty());
  CHECK(s.bodyHash == 0);
}

TEST_CASE("a local feed file newer than the cache plays, and the worker's first poll keeps it", "[startup]") {
  TempDir dir;
  core::Config config;
  config.cacheDir = dir.path + "/cache";
  config.feed = dir.path + "/feed.json";
  REQUIRE(live::saveCachedFeed(config.cacheDir, {"file://" + config.feed, feedWithRevision(4), "", "", ""}));
  std::ofstream(config.feed) << feedWithRevision(5);
  auto s = live::loadStartupFeed(config);
  CHECK(s.status.origin == live::FeedOrigin::Network);
  CHECK(s.feed->revision == 5);
  CHECK(s.cacheBehind);
  CHECK(s.bodyHash == 0);  // the first poll must parse it, to write it to the cache

  // The same revision as the cache: nothing to catch up, and the file need not be parsed again.
  std::ofstream(config.feed, std::ios::trunc) << feedWithRevision(4);
  s = live::loadStartupFeed(config);
  CHECK(s.feed->revision == 4);
  CHECK_FALSE(s.cacheBehind);
  CHECK(s.bodyHash == std::hash<std::string>{}(feedWithRevision(4)));
}

TEST_CASE("a refused local file leaves the cache playing and says so in one line", "[startup]") {
  TempDir dir;
  core::Config config;
  config.cacheDir = dir.path + "/cache";
  config.feed = dir.path + "/feed.json";
  config.pollSeconds = 7;
  REQUIRE(live::saveCachedFeed(config.cacheDir, {"file://" + config.feed, feedWithRevision(6), "", "", ""}));
  std::ofstream(config.feed) << feedWithRevision(5);
  const auto s = live::loadStartupFeed(config);
  CHECK(s.status.origin == live::FeedOrigin::Cache);
  CHECK(s.feed->revision == 6);
  CHECK(s.status.fault == "older-revision");
  CHECK(live::startupNotice(s, config) ==
        "the feed " + config.feed + ": refused revision 5, older than the 6 playing (stale server or rollback); playing the cached feed and "
        "checking again every 7 s");
}

TEST_CASE("the startup feed is finished: texts the fonts lack are fitted before the first frame", "[startup]") {
  TempDir dir;
  core::Config config;
  config.cacheDir = dir.path;
  config.feed = "https://example.invalid/feed.json";
  const std::string text = test::replaced(feedWithRevision(4), "\"title\": \"Zweites Projekt\"", "\"title\": \"Zweites Projekt 工作坊\"");
  REQUIRE(live::saveCachedFeed(dir.path, {config.feed, text, "", "", ""}));
  const auto s = live::loadStartupFeed(config);
  REQUIRE(s.status.origin == live::FeedOrigin::Cache);
  CHECK(core::fitsFont(*s.feed));
  CHECK(s.feed->projects[1].title.in("en") == "Zweites Projekt \u25A1");
}
