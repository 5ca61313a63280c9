// A real player (offscreen) with a "report" config beats to a real collector (`serve --fleet`):
// the fleet lists it with its groups, rooms and revision, and its frames were not held up; with
// "metricsTextfile" alone it writes its metrics for node_exporter.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "collector_process.hpp"
#include "core/feed/parse.hpp"
#include "embedded.hpp"
#include "player/player.hpp"
#include "promtool.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

TEST_CASE("a player reports to the collector, which lists it up with what it shows", "[fleet]") {
  sf::test::Collector collector(SF_BINARY);
  auto parsed = sf::core::parseFeed(sf::assets::defaultFeedJson(), sf::assets::defaultFeedName);
  REQUIRE(parsed.feed);
  const auto revision = parsed.feed->revision;
  sf::player::PlayerOptions o;
  o.startup.feed = std::make_shared<const sf::core::Feed>(std::move(*parsed.feed));
  o.offscreen = true;
  o.width = 640;
  o.height = 400;
  o.config.cacheDir = collector.dir;
  o.config.screenName = "Foyer <left>";
  o.config.groups = {"foyer"};
  o.config.rooms = {"Saal 1"};
  o.config.report = {collector.url("/fleet/report"), sf::test::Collector::kToken, 5};
  o.runFor = 5s;  // the first beat comes about 3 s after the start
  std::chrono::nanoseconds slowest{0};
  o.onFrame = [&](std::chrono::nanoseconds took, bool) { slowest = std::max(slowest, took); };
  REQUIRE(sf::player::runPlayer(o) == 0);

  auto listed = collector.get("/fleet/screens.json");
  REQUIRE(listed);
  const auto json = nlohmann::json::parse(listed->body);
  REQUIRE(json["screens"].size() == 1);
  const auto& s = json["screens"][0];
  CHECK(s["screen"] == "Foyer <left>");
  CHECK(s["groups"] == nlohmann::json::array({"foyer"}));
  CHECK(s["rooms"] == nlohmann::json::array({"Saal 1"}));
  CHECK(s["revision"] == revision);
  CHECK(s["seconds"] == 5);
  CHECK(s["online"] == true);
  CHECK(s["version"] != "");
  CHECK(s["freeDiskBytes"].get<std::uint64_t>() > 0);
  CHECK(s["uptimeSeconds"].get<int>() >= 2);
  // A report is a copy of a few values on the UI thread: no frame waited for the network.
  CHECK(slowest < 250ms);
}

TEST_CASE("a player with metricsTextfile and no collector writes its metrics for node_exporter", "[fleet][promtool]") {
  std::string tmpl = (fs::temp_directory_path() / "sf-textfile-player-XXXXXX").string();
  const std::string dir = ::mkdtemp(tmpl.data());
  auto parsed = sf::core::parseFeed(sf::assets::defaultFeedJson(), sf::assets::defaultFeedName);
  REQUIRE(parsed.feed);
  const auto revision = parsed.feed->revision;
  sf::player::PlayerOptions o;
  o.startup.feed = std::make_shared<const sf::core::Feed>(std::move(*parsed.feed));
  o.offscreen = true;
  o.width = 640;
  o.height = 400;
  o.config.cacheDir = dir;
  o.config.screenName = "Foyer";
  o.config.metricsTextfile = dir + "/node-exporter/schaufenster.prom";
  fs::create_directories(dir + "/node-exporter");
  o.runFor = 5s;  // the first beat comes about 3 s after the start
  REQUIRE(sf::player::runPlayer(o) == 0);
  std::ifstream in(o.config.metricsTextfile);
  REQUIRE(in);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  INFO(text);
  CHECK_THAT(text, Catch::Contains("schaufenster_screen_revision{screen=\"Foyer\"} " + std::to_string(revision) + "\n"));
  CHECK_THAT(text, Catch::Contains("schaufenster_screen_fault{screen=\"Foyer\"} 0\n"));
  REQUIRE(sf::test::havePromtool());
  const auto checked = sf::test::promtoolCheck(text);
  CHECK(checked.output == "");
  CHECK(checked.exitCode == 0);
  fs::remove_all(dir);
}
