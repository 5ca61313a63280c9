// The live feed against a real HTTPS server on 127.0.0.1 (cpp-httplib, throw-away certificates
// made at test time): for each fault the last good feed stays, the status names it, and it heals.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <sys/stat.h>

#include <atomic>
#include <deque>
#include <filesystem>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/feed/parse.hpp"
#include "fixtures.hpp"
#include "live_support.hpp"
#include "platform/crypto.hpp"
#include "live/feed_cache.hpp"
#include "live/feed_worker.hpp"
#include "live/waiting_feed.hpp"

using namespace std::chrono_literals;
using namespace sf;
using sf::test::FeedServer;
using sf::test::feedWithRevision;
using sf::test::TempDir;

namespace {

// Runs a worker against `server` and collects what it hands to the UI.
struct Screen {
  Screen(const std::string& url, const TempDir& dir, const std::string& caBundle, const std::string& publicKey = {},
         const std::string& cacheDir = {}) {
    config.feed = url;
    config.pollSeconds = 1;
    config.cacheDir = cacheDir.empty() ? dir.path : cacheDir;
    config.caBundle = caBundle;
    config.publicKey = publicKey;
    startup = live::loadStartupFeed(config);
    latestFeed = startup.feed;
    platform::FetchRequest limits;
    limits.lowSpeedSeconds = 2;
    limits.totalTimeoutMs = 8000;
    limits.connectTimeoutMs = 2000;
    limits.maxBytes = 1u << 20;
    live::FeedWorker::Tuning tuning;
    tuning.limits = limits;
    tuning.longestBackoff = 1s;  // a healed fault shows within a poll, not after the backoff
    worker = std::make_unique<live::FeedWorker>(config, startup, queue, tuning);
  }

  // Drains the queue until `done` holds or the time is up.
  bool waitFor(const std::function<bool()>& done, std::chrono::seconds timeout = 20s) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    std::deque<live::WorkerMessage> got;
    while (std::chrono::steady_clock::now() < until) {
      if (queue.drain(got)) {
        for (auto& m : got) {
          const auto* u = std::get_if<live::FeedUpdate>(&m);
          if (!u) continue;
          if (u->feed) latestFeed = u->feed;
          status = u->status;
          ++updates;
        }
        if (done()) return true;
      }
      std::this_thread::sleep_for(20ms);
    }
    return done();
  }

  bool waitForFault(const std::string& fault) {
    const int before = updates;
    return waitFor([&] { return updates > before && status.fault == fault; });
  }

  core::Config config;
  live::StartupFeed startup;
  live::WorkerQueue queue;
  std::unique_ptr<live::FeedWorker> worker;
  std::shared_ptr<const core::Feed> latestFeed;
  live::FeedStatus status;
  int updates = 0;
};

std::int64_t cachedRevision(const TempDir& dir) {
  auto c = live::loadCachedFeed(dir.path);
  if (!c) return -1;
  auto r = core::parseFeed(c->text, "cache");
  return r.feed ? r.feed->revision : -2;
}

}  // namespace

TEST_CASE("a screen follows a published feed and survives every fault", "[live]") {
  FeedServer server;
  TempDir dir;
  server.setFeed(feedWithRevision(5));
  Screen screen(server.url("/feed.json"), dir, server.caFile());

  REQUIRE(screen.waitFor([&] { return screen.latestFeed->revision == 5; }));
  CHECK(screen.status.origin == live::FeedOrigin::Network);
  CHECK(cachedRevision(dir) == 5);

  SECTION("an unchanged feed costs a 304") {
    const int before = server.notModifiedCount();
    REQUIRE(screen.waitFor([&] { return server.notModifiedCount() > before; }));
    CHECK(screen.status.fault.empty());
  }

  // Each fault: the feed stays at revision 5, the status names the fault, then it heals.
  const auto faultCase = [&](const std::string& fault, const std::string& words, const std::function<void()>& breakIt) {
    breakIt();
    REQUIRE(screen.waitForFault(fault));
    CHECK_THAT(screen.status.lastError, Catch::Contains(words));
    CHECK(screen.latestFeed->revision == 5);
    CHECK(cachedRevision(dir) == 5);
    server.setMode(FeedServer::Mode::Normal);
    server.setFeed(feedWithRevision(6));
    REQUIRE(screen.waitFor([&] { return screen.latestFeed->revision == 6 && screen.status.fault.empty(); }));
    CHECK(cachedRevision(dir) == 6);
  };

  SECTION("404") { faultCase("http", "HTTP 404 (not found)", [&] { server.setMode(FeedServer::Mode::NotFound); }); }
  SECTION("500") { faultCase("http", "HTTP 500 (server error)", [&] { server.setMode(FeedServer::Mode::ServerError); }); }
  SECTION("slow drip") { faultCase("timeout", "too slowly", [&] { server.setMode(FeedServer::Mode::Drip); }); }
  SECTION("truncated body") { faultCase("truncated", "ended early", [&] { server.setMode(FeedServer::Mode::Truncated); }); }
  SECTION("body over the limit") { faultCase("too-large", "larger than the limit", [&] { server.setMode(FeedServer::Mode::Huge); }); }
  SECTION("redirect loop") { faultCase("redirects", "too many redirects", [&] { server.setMode(FeedServer::Mode::RedirectLoop); }); }
  SECTION("invalid JSON") {
    faultCase("invalid-feed", "feed.json:1:11: error: expected ':' after the key \"format\"", [&] { server.setFeed("{\"format\" \"x\"}"); });
  }
  SECTION("valid JSON, invalid feed") {
    faultCase("invalid-feed", "/timeZone: error: expected an IANA time zone", [&] {
      std::string bad = feedWithRevision(7);
      bad.replace(bad.find("Europe/Berlin"), 13, "Mars/Olympus");
      server.setFeed(bad);
    });
  }
  SECTION("older revision") { faultCase("older-revision", "refused revision 4, older than the 5 playing", [&] { server.setFeed(feedWithRevision(4)); }); }
  SECTION("server down") {
    server.stop();
    REQUIRE(screen.waitForFault("network"));
    CHECK_THAT(screen.status.lastError, Catch::Contains("did not accept the connection"));
    CHECK(screen.latestFeed->revision == 5);
    server.setFeed(feedWithRevision(6));
    server.start();  // the same port again
    REQUIRE(screen.waitFor([&] { return screen.latestFeed->revision == 6 && screen.status.fault.empty(); }));
  }
}

TEST_CASE("signed feeds: unsigned or tampered feeds are refused", "[live]") {
  const auto keys = platform::generateKeyPair();
  REQUIRE(keys);
  FeedServer server;
  TempDir dir;
  const std::string v5 = feedWithRevision(5);
  server.setFeed(v5, *platform::signDocument(v5, keys->secretKey));
  Screen screen(server.url("/feed.json"), dir, server.caFile(), keys->publicKey);
  REQUIRE(screen.waitFor([&] { return screen.latestFeed->revision == 5; }));

  SECTION("tampered after signing") {
    const std::string v6 = feedWithRevision(6);
    server.setFeed(v6, *platform::signDocument(v5, keys->secretKey));
    REQUIRE(screen.waitForFault("signature"));
    CHECK_THAT(screen.status.lastError, Catch::Contains("does not match"));
    CHECK(screen.latestFeed->revision == 5);
  }
  SECTION("missing signature") {
    server.setFeed(feedWithRevision(6), "");
    REQUIRE(screen.waitForFault("signature"));
    CHECK_THAT(screen.status.lastError, Catch::Contains("no signature could be fetched"));
  }
  SECTION("a signed feed of another event cannot be replayed in between to roll the screen back") {
    const std::string other = sf::test::replaced(feedWithRevision(1), "\"id\": \"test-feed\"", "\"id\": \"other-event\"");
    server.setFeed(other, *platform::signDocument(other, keys->secretKey));
    REQUIRE(screen.waitForFault("other-feed"));
    CHECK_THAT(screen.status.lastError, Catch::Contains("follows \"test-feed\" only"));
    const std::string v4 = feedWithRevision(4);
    server.setFeed(v4, *platform::signDocument(v4, keys->secretKey));
    REQUIRE(screen.waitForFault("older-revision"));
    CHECK(screen.latestFeed->id == "test-feed");
    CHECK(screen.latestFeed->revision == 5);
  }
  SECTION("a revision far ahead, which would lock out every later one, is refused") {
    const std::string far = feedWithRevision(5 + 2'000'000);
    server.setFeed(far, *platform::signDocument(far, keys->secretKey));
    REQUIRE(screen.waitForFault("revision-jump"));
    CHECK(screen.latestFeed->revision == 5);
  }
  SECTION("signed with another key") {
    const auto other = platform::generateKeyPair();
    const std::string v6 = feedWithRevision(6);
    server.setFeed(v6, *platform::signDocument(v6, other->secretKey));
    REQUIRE(screen.waitForFault("signature"));
    CHECK_THAT(screen.status.lastError, Catch::Contains("another key"));
  }
  CHECK(cachedRevision(dir) == 5);
  // A restart without network plays the verified cache.
  core::Config offline = screen.config;
  CHECK(live::loadStartupFeed(offline).feed->revision == 5);
}

TEST_CASE("a cache that cannot be written stays a fault until a write succeeds", "[live]") {
  FeedServer server;
  TempDir dir;
  // A file where the cache folder should be: no write can succeed, not even as root.
  const std::string cacheDir = dir.path + "/cache";
  std::ofstream(cacheDir) << "in the way";
  server.setFeed(feedWithRevision(5));
  Screen screen(server.url("/feed.json"), dir, server.caFile(), {}, cacheDir);
  REQUIRE(screen.waitFor([&] { return screen.latestFeed->revision == 5; }));
  CHECK(screen.status.fault == "cache");
  // Unchanged polls (304s) do not make the fault go away, nor count bytes that were not written.
  const int before = server.notModifiedCount();
  REQUIRE(screen.waitFor([&] { return server.notModifiedCount() >= before + 2; }));
  CHECK(screen.status.fault == "cache");
  CHECK_THAT(screen.status.lastError, Catch::Contains("cannot be kept on disk"));
  CHECK(screen.status.cacheBytes == 0);
  // Room again: the next poll writes the playing feed and the fault clears.
  std::filesystem::remove(cacheDir);
  REQUIRE(screen.waitFor([&] { return screen.status.fault.empty(); }));
  CHECK(screen.status.cacheBytes == feedWithRevision(5).size());
  REQUIRE(live::loadCachedFeed(cacheDir));
  CHECK(live::loadCachedFeed(cacheDir)->text == feedWithRevision(5));
}

TEST_CASE("status.json names a feed generated after the server's clock", "[live]") {
  live::FeedStatus s;
  s.generated = *core::parseInstant("2024-06-15T10:10:00+02:00");
  s.clock.serverDate = *core::parseInstant("2024-06-15T10:00:00+02:00");
  const auto j = nlohmann::json::parse(live::statusJson(s, core::Config{}, 0, std::chrono::seconds{0}));
  CHECK_THAT(j["generatedNote"].get<std::string>(), Catch::Contains("10 min after the server's clock"));
  s.clock.serverDate = s.generated;
  CHECK(nlohmann::json::parse(live::statusJson(s, core::Config{}, 0, std::chrono::seconds{0}))["generatedNote"] == "");
}

TEST_CASE("a server with a certificate the screen does not trust is refused", "[live]") {
  FeedServer server;
  FeedServer stranger;  // its own throw-away CA
  TempDir dir;
  server.setFeed(feedWithRevision(5));
  Screen screen(server.url("/feed.json"), dir, stranger.caFile());
  REQUIRE(screen.waitForFault("tls"));
  CHECK_THAT(screen.status.lastError, Catch::Contains("certificate"));
  // The screen's own waiting page, not the built-in content of someone else's event, and it
  // names the fault where whoever set the screen up looks.
  REQUIRE(screen.waitFor([&] { return screen.latestFeed->id == live::kWaitingFeedId && !screen.latestFeed->announcements.empty() &&
                                      screen.latestFeed->announcements[0].text.in("en").find("certificate") != std::string::npos; }));
}

TEST_CASE("without network and cache a screen shows its waiting page, with a cache, the cache", "[live]") {
  TempDir dir;
  core::Config config;
  config.cacheDir = dir.path;
  auto s = live::loadStartupFeed(config);  // no feed configured: the built-in one
  CHECK(s.status.origin == live::FeedOrigin::Embedded);
  CHECK(s.feed->projects.size() == 42);
  config.feed = "https://127.0.0.1:1/feed.json";
  config.screenName = "Foyer links";
  s = live::loadStartupFeed(config);
  CHECK(s.status.origin == live::FeedOrigin::Waiting);
  CHECK(s.feed->id == live::kWaitingFeedId);
  CHECK(s.feed->projects.empty());
  REQUIRE(s.feed->announcements.size() == 1);
  CHECK_THAT(s.feed->announcements[0].text.in("de"), Catch::Contains("Foyer links wartet auf seinen Feed: https://127.0.0.1:1/feed.json"));
  CHECK(s.warning.empty());
  REQUIRE(live::saveCachedFeed(dir.path, {config.feed, feedWithRevision(9), "", "", ""}));
  s = live::loadStartupFeed(config);
  CHECK(s.status.origin == live::FeedOrigin::Cache);
  CHECK(s.feed->revision == 9);
  // A damaged cache is not used, and says so.
  std::ofstream(live::cacheFilePath(dir.path), std::ios::trunc) << "{\"feed\": 12";
  s = live::loadStartupFeed(config);
  CHECK(s.status.origin == live::FeedOrigin::Waiting);
  CHECK_THAT(s.warning, Catch::Contains("is damaged and was not used"));
}

TEST_CASE("status.json is rewritten, and the screen woken, when something in it matters, not on every poll", "[live]") {
  TempDir dir;
  FeedServer server;
  server.setFeed(feedWithRevision(5));
  Screen screen(server.url("/feed.json"), dir, server.caFile());
  REQUIRE(screen.waitFor([&] { return screen.status.revision == 5; }));
  const std::string path = dir.path + "/status.json";
  REQUIRE(screen.waitFor([&] { return std::filesystem::exists(path); }));
  // Each write replaces the file (a new inode); unchanged polls, one a second, leave it alone.
  const auto inode = [&] {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_ino : ino_t{0};
  };
  const ino_t first = inode();
  const int polls = server.requestCount();
  std::atomic<int> wakes{0};
  screen.queue.setWake([&] { ++wakes; });
  std::this_thread::sleep_for(3500ms);
  CHECK(server.requestCount() >= polls + 2);
  CHECK(inode() == first);
  // The polls' news (fetch times) waits in the queue for the screen's next frame: no wake-up,
  // and each poll's status replaces the unread one before it.
  CHECK(wakes == 0);
  std::deque<live::WorkerMessage> waiting;
  REQUIRE(screen.queue.drain(waiting));
  REQUIRE(waiting.size() == 1);
  const auto* news = std::get_if<live::FeedUpdate>(&waiting.front());
  REQUIRE(news);
  CHECK_FALSE(news->feed);
  CHECK(news->status.revision == 5);
  // A new revision is news: written at once.
  server.setFeed(feedWithRevision(6));
  REQUIRE(screen.waitFor([&] { return screen.status.revision == 6; }));
  CHECK(wakes > 0);
  REQUIRE(screen.waitFor([&] { return inode() != first; }, 5s));
  CHECK(sf::test::readText(path).find("\"revision\": 6") != std::string::npos);
}

TEST_CASE("status.json names the announcements on the glass as soon as they change, not at the next poll", "[live]") {
  TempDir dir;
  FeedServer server;
  server.setFeed(feedWithRevision(5));
  core::Config config;
  config.feed = server.url("/feed.json");
  config.pollSeconds = 60;  // no poll can be what writes the news below
  config.cacheDir = dir.path;
  config.caBundle = server.caFile();
  live::WorkerQueue queue;
  live::FeedWorker worker(config, live::loadStartupFeed(config), queue);
  const std::string path = dir.path + "/status.json";
  const auto showing = [&] {
    const auto j = nlohmann::json::parse(sf::test::readText(path), nullptr, false);
    return j.is_object() && j.value("revision", 0) == 5 ? j["showing"] : nlohmann::json();
  };
  const auto within = [](const std::function<bool()>& done) {
    const auto until = std::chrono::steady_clock::now() + 10s;
    while (!done() && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(20ms);
    return done();
  };
  REQUIRE(within([&] { return showing().is_object(); }));
  CHECK(showing() == nlohmann::json{{"takeover", nullptr}, {"banner", nullptr}});

  worker.setShowing("evacuation", "");
  REQUIRE(within([&] { return showing()["takeover"] == "evacuation"; }));
  CHECK(showing()["banner"].is_null());
  worker.setShowing("", "lunch");
  REQUIRE(within([&] { return showing()["banner"] == "lunch"; }));
  CHECK(showing()["takeover"].is_null());
  // The screen hears it back with the status, so its status page agrees with the file.
  live::FeedStatus heard;
  std::deque<live::WorkerMessage> got;
  REQUIRE(within([&] {
    if (queue.drain(got))
      for (const auto& m : got)
        if (const auto* u = std::get_if<live::FeedUpdate>(&m)) heard = u->status;
    got.clear();
    return heard.showingBanner == "lunch";
  }));
  CHECK(heard.showingTakeover.empty());
}
