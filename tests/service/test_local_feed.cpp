// A feed file on the screen's own disk (a USB stick at a stand) passes the same checks as a
// download before it plays: with `publicKey` set it must be signed, and never older than the cache.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/feed_fixture.hpp"
#include "platform/crypto.hpp"
#include "live/feed_cache.hpp"
#include "live/feed_worker.hpp"
#include "live/startup.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

struct Stand {
  Stand() {
    std::string tmpl = (fs::temp_directory_path() / "sf-local-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    keys = *sf::platform::generateKeyPair();
    config.feed = dir + "/usb/feed.json";
    config.cacheDir = dir + "/cache";
    config.publicKey = keys.publicKey;
    config.pollSeconds = 1;
    fs::create_directories(dir + "/usb");
  }
  ~Stand() { fs::remove_all(dir); }

  static std::string feed(int revision) {
    return sf::test::replaced(sf::test::kBaseFeed, "\"revision\": 3", "\"revision\": " + std::to_string(revision));
  }
  void writeUsb(const std::string& text, bool sign) {
    std::ofstream(config.feed) << text;
    fs::remove(config.feed + ".sig");
    if (sign) std::ofstream(config.feed + ".sig") << *sf::platform::signDocument(text, keys.secretKey);
  }
  void cache(int revision) {
    const std::string text = feed(revision);
    REQUIRE(sf::live::saveCachedFeed(config.cacheDir, {"file://" + config.feed, text,
                                                       *sf::platform::signDocument(text, keys.secretKey), "", ""}));
  }

  std::string dir;
  sf::platform::KeyPair keys;
  sf::core::Config config;
};

}  // namespace

TEST_CASE("a local feed file plays only when signed with the configured key and not older than the cache", "[live]") {
  Stand s;
  SECTION("signed and newer than the cache: plays, and the worker then keeps it in the cache") {
    s.cache(5);
    s.writeUsb(Stand::feed(7), true);
    auto startup = sf::live::loadStartupFeed(s.config);
    CHECK(startup.feed->revision == 7);
    CHECK(startup.status.fault.empty());
    sf::live::WorkerQueue queue;
    sf::live::FeedWorker worker(s.config, startup, queue);
    std::optional<sf::live::CachedFeed> cached;
    for (int i = 0; i < 100 && !(cached && cached->text == Stand::feed(7)); ++i) {
      std::this_thread::sleep_for(50ms);
      if (auto loaded = sf::live::loadCachedFeed(s.config.cacheDir)) cached = std::move(*loaded);
    }
    REQUIRE(cached);
    CHECK(cached->text == Stand::feed(7));
  }
  SECTION("unsigned: the cache plays and the status names the signature") {
    s.cache(5);
    s.writeUsb(Stand::feed(9), false);
    auto startup = sf::live::loadStartupFeed(s.config);
    CHECK(startup.feed->revision == 5);
    CHECK(startup.status.origin == sf::live::FeedOrigin::Cache);
    CHECK(startup.status.fault == "signature");
    CHECK_THAT(startup.warning, Catch::Contains("refused") && Catch::Contains("no signature"));
  }
  SECTION("signed with another key, no cache: the screen's waiting page shows") {
    const auto other = *sf::platform::generateKeyPair();
    std::ofstream(s.config.feed) << Stand::feed(9);
    std::ofstream(s.config.feed + ".sig") << *sf::platform::signDocument(Stand::feed(9), other.secretKey);
    auto startup = sf::live::loadStartupFeed(s.config);
    CHECK(startup.status.origin == sf::live::FeedOrigin::Waiting);
    CHECK(startup.status.fault == "signature");
  }
  SECTION("signed but older than the cache: a stick cannot roll the screen back") {
    s.cache(8);
    s.writeUsb(Stand::feed(6), true);
    auto startup = sf::live::loadStartupFeed(s.config);
    CHECK(startup.feed->revision == 8);
    CHECK(startup.status.fault == "older-revision");
    CHECK_THAT(startup.status.lastError, Catch::Contains("refused revision 6, older than the 8"));
  }
}

TEST_CASE("the player never shows a forged local feed, not even until its first poll", "[live]") {
  Stand s;
  s.cache(5);
  s.writeUsb(Stand::feed(99), false);
  const std::string configPath = s.dir + "/config.json";
  std::ofstream(configPath) << nlohmann::json{{"feed", s.config.feed}, {"cacheDir", s.config.cacheDir},
                                              {"publicKey", s.keys.publicKey}, {"pollSeconds", 60}}.dump();
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::setenv("SDL_VIDEODRIVER", "offscreen", 1);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execl(SF_BINARY, SF_BINARY, "--config", configPath.c_str(), "--window", "640x400", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // With a poll a minute, status.json's first write shows what started playing.
  nlohmann::json status;
  for (int i = 0; i < 200 && !status.is_object(); ++i) {
    std::this_thread::sleep_for(50ms);
    std::ifstream in(s.config.cacheDir + "/status.json");
    status = nlohmann::json::parse(in, nullptr, false);
  }
  ::kill(pid, SIGTERM);
  ::waitpid(pid, nullptr, 0);
  REQUIRE(status.is_object());
  CHECK(status["revision"] == 5);
  CHECK(status["origin"] == "cache");
  CHECK(status["fault"] == "signature");
}
