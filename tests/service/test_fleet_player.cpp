// A real player (offscreen) with a "report" config beats to a real collector (`serve --fleet`):
// the fleet lists it with its groups, rooms and revision, its frames were not held up, and its
// screenshot is the frame it showed, as `render` draws the same state; with "metricsTextfile"
// alone it writes its metrics for node_exporter.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "collector_process.hpp"
#include "core/feed/parse.hpp"
#include "embedded.hpp"
#include "live/screenshot.hpp"
#include "platform/image_decode.hpp"
#include "player/player.hpp"
#include "run_binary.hpp"
#include "promtool.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// An offscreen 640x400 player on `feed`, its state in `cacheDir`.
sf::player::PlayerOptions offscreenPlayer(sf::core::Feed feed, const std::string& cacheDir) {
  sf::player::PlayerOptions o;
  o.startup.feed = std::make_shared<const sf::core::Feed>(std::move(feed));
  o.offscreen = true;
  o.width = 640;
  o.height = 400;
  o.config.cacheDir = cacheDir;
  return o;
}

}  // namespace

TEST_CASE("a player reports to the collector, which lists it up with what it shows", "[fleet]") {
  sf::test::Collector collector(SF_BINARY);
  auto parsed = sf::core::parseFeed(sf::assets::defaultFeedJson(), sf::assets::defaultFeedName);
  REQUIRE(parsed.feed);
  const auto revision = parsed.feed->revision;
  sf::player::PlayerOptions o = offscreenPlayer(std::move(*parsed.feed), collector.dir);
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

namespace {

// Mean absolute difference per channel (RGB) of two frames of the same size, 0..255.
double meanAbsoluteDifference(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
  REQUIRE(a.size() == b.size());
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (i % 4 != 3) sum += std::abs(int(a[i]) - int(b[i]));
  return sum / (a.size() / 4 * 3);
}

// `schaufenster render` of the feed at `at`, read back and box-filtered to 480 px as a screen does.
sf::live::Frame rendered(const std::string& feedPath, const std::string& at, const std::string& out, const std::string& view = "auto") {
  const auto run = sf::test::runBinary("render --feed " + feedPath + " --size 640x400 --view " + view + " --at " + at + " -o " + out);
  INFO(run.out);
  REQUIRE(run.exitCode == 0);
  std::ifstream in(out, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), {});
  auto decoded = sf::platform::decodeImage(bytes, {});
  REQUIRE(decoded);
  return sf::live::scaleToWidth({std::move(decoded->rgba), decoded->width, decoded->height}, 480);
}

}  // namespace

TEST_CASE("a player's screenshot reaches the collector and matches its frame, scaled", "[fleet]") {
  sf::test::Collector collector(SF_BINARY);
  // One slide in the rotation, so the frame does not depend on when in the beat the screenshot
  // is taken; the clock's minute does not turn during the run.
  auto json = nlohmann::json::parse(sf::assets::defaultFeedJson());
  json["playlist"] = nlohmann::json::array({{{"slide", "spotlight"}, {"project", "modell-campus-ringberlin"}, {"seconds", 12}}});
  const std::string feedPath = collector.dir + "/one-slide.json";
  std::ofstream(feedPath) << json.dump();
  auto parsed = sf::core::parseFeed(json.dump(), feedPath);
  REQUIRE(parsed.feed);
  const auto start = sf::core::parseInstant("2025-06-02T08:00:00Z");
  REQUIRE(start);
  sf::player::PlayerOptions o = offscreenPlayer(std::move(*parsed.feed), collector.dir);
  o.startAt = std::chrono::time_point_cast<std::chrono::milliseconds>(*start);
  o.config.screenName = "Foyer";
  o.config.report = {collector.url("/fleet/report"), sf::test::Collector::kToken, 5};
  o.runFor = 9s;  // two beats: about 3 s in, with a screenshot, and about 8 s in, without
  REQUIRE(sf::player::runPlayer(o) == 0);

  auto listed = collector.get("/fleet/screens.json");
  REQUIRE(listed);
  const auto screens = nlohmann::json::parse(listed->body)["screens"];
  // Nothing changed on the glass between the beats: the second one carried no screenshot.
  auto seconds = [](const nlohmann::json& iso) { return sf::core::parseInstant(iso.get<std::string>())->time_since_epoch().count(); };
  REQUIRE(screens.size() == 1);
  CHECK(seconds(screens[0]["lastSeen"]) - seconds(screens[0]["screenshot"]["at"]) >= 4);
  REQUIRE(screens.size() == 1);
  const auto& shot = screens[0]["screenshot"];
  REQUIRE(shot.is_object());
  CHECK(shot["width"] == 480);
  CHECK(shot["height"] == 300);  // 640x400 kept its aspect
  auto bytes = collector.get(shot["url"].get<std::string>());
  REQUIRE(bytes);
  CHECK(bytes->body.size() <= 40 * 1024);
  auto decoded = sf::platform::decodeImage(bytes->body, {});
  REQUIRE(decoded);
  REQUIRE(decoded->width == 480);
  REQUIRE(decoded->height == 300);

  // The same state drawn by `render` at the moment of the first beat (about 3 s in, ± 10 %),
  // scaled the same way. The two frames differ only in the spotlight's progress bar (its end moves
  // about 5 px of 480 in the beat's jitter, on a bar 1-2 px high: under 0.01 levels on average),
  // and a PNG is lossless: 0.5 levels leaves room for rounding. A JPEG (a screen whose frame
  // would make a PNG over 40 KB) differs by 1-2 levels on text and edges: 3 then. Another view
  // differs by tens of levels (checked below), so the bound tells frames apart.
  const auto same = rendered(feedPath, "2025-06-02T08:00:03Z", collector.dir + "/render.png");
  const double mad = meanAbsoluteDifference(decoded->rgba, same.rgba);
  const double bound = shot["type"] == "png" ? 0.5 : 3.0;
  INFO("mean absolute difference " << mad << " (" << shot["type"] << ")");
  CHECK(mad < bound);
  const auto other = rendered(feedPath, "2025-06-02T08:00:03Z", collector.dir + "/other.png", "programme");
  const double otherMad = meanAbsoluteDifference(decoded->rgba, other.rgba);
  INFO("against the programme view: " << otherMad);
  CHECK(otherMad > 10 * 3.0);
}

TEST_CASE("a player with metricsTextfile and no collector writes its metrics for node_exporter", "[fleet][promtool]") {
  std::string tmpl = (fs::temp_directory_path() / "sf-textfile-player-XXXXXX").string();
  const std::string dir = ::mkdtemp(tmpl.data());
  auto parsed = sf::core::parseFeed(sf::assets::defaultFeedJson(), sf::assets::defaultFeedName);
  REQUIRE(parsed.feed);
  const auto revision = parsed.feed->revision;
  sf::player::PlayerOptions o = offscreenPlayer(std::move(*parsed.feed), dir);
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
