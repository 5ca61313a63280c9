// The player across the edges of an off period: at 22:00 the panel's backlight goes down and the
// loop stops drawing; at 07:00 the screen comes back by itself.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "core/feed/parse.hpp"
#include "core/base/time.hpp"
#include "embedded.hpp"
#include "player/player.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::string firstLine(const fs::path& p) {
  std::ifstream in(p);
  std::string line;
  std::getline(in, line);
  return line;
}

// Plays five seconds from `start` (Berlin time, off 22:00–07:00) and returns the backlight's
// state ("0" lit, "4" powered down) as each frame was drawn, and what status.json said at the end.
struct Run {
  std::vector<std::string> frames;
  nlohmann::json status;
};

Run framesFrom(const char* start, const fs::path& dir, const std::string& feedText = std::string(sf::assets::defaultFeedJson())) {
  fs::remove_all(dir);
  fs::create_directories(dir / "backlight/panel");
  std::ofstream(dir / "backlight/panel/bl_power") << "0\n";
  auto parsed = sf::core::parseFeed(feedText, sf::assets::defaultFeedName);
  REQUIRE(parsed.feed);
  sf::player::PlayerOptions o;
  o.startup.feed = std::make_shared<const sf::core::Feed>(std::move(*parsed.feed));
  o.offscreen = true;
  o.width = 640;
  o.height = 400;
  o.backlightDir = (dir / "backlight").string();
  o.config.cacheDir = dir.string();
  // The feed worker follows a local copy of the feed and writes status.json on every poll.
  std::ofstream(dir / "feed.json") << feedText;
  o.config.feed = (dir / "feed.json").string();
  o.config.pollSeconds = 1;
  o.config.screenOff = {{22 * 60, 7 * 60, 0x7f}};
  o.startAt = std::chrono::time_point_cast<std::chrono::milliseconds>(*sf::core::parseInstant(start));
  o.runFor = 5s;
  Run run;
  o.onFrame = [&](std::chrono::nanoseconds, bool) { run.frames.push_back(firstLine(dir / "backlight/panel/bl_power")); };
  REQUIRE(sf::player::runPlayer(o) == 0);
  // However it ended, the player leaves the panel lit.
  CHECK(firstLine(dir / "backlight/panel/bl_power") == "0");
  std::ifstream status(dir / "status.json");
  run.status = nlohmann::json::parse(status, nullptr, false);
  fs::remove_all(dir);
  return run;
}

}  // namespace

TEST_CASE("at the start of an off period the screen goes dark and stops drawing", "[power]") {
  const auto run = framesFrom("2024-04-25T21:59:57+02:00", fs::temp_directory_path() / ("sf-off-" + std::to_string(::getpid())));
  const auto& frames = run.frames;
  REQUIRE(!frames.empty());
  // Lit while the progress bar ticks (about once a second), then one dark frame and no more.
  CHECK(frames.front() == "0");
  CHECK(std::count(frames.begin(), frames.end(), "0") >= 2);
  CHECK(std::count(frames.begin(), frames.end(), "4") == 1);
  CHECK(frames.back() == "4");
  // Monitoring learns that the screen is dark on purpose.
  REQUIRE(run.status.is_object());
  CHECK(run.status["screenDark"] == true);
}

TEST_CASE("at the end of an off period the screen comes back by itself", "[power]") {
  const auto run = framesFrom("2024-04-26T06:59:57+02:00", fs::temp_directory_path() / ("sf-on-" + std::to_string(::getpid())));
  const auto& frames = run.frames;
  REQUIRE(!frames.empty());
  CHECK(frames.front() == "4");
  CHECK(std::count(frames.begin(), frames.end(), "4") == 1);
  CHECK(frames.back() == "0");
  REQUIRE(run.status.is_object());
  CHECK(run.status["screenDark"] == false);
}

TEST_CASE("an emergency wakes a screen that is dark for the night", "[power][levels]") {
  auto feed = nlohmann::json::parse(sf::assets::defaultFeedJson());
  feed["announcements"] = nlohmann::json::array({{{"id", "fire"}, {"level", "emergency"}, {"text", "Feueralarm"},
                                                  {"start", "2024-04-25T23:00:02+02:00"}, {"end", "2024-04-25T23:30:00+02:00"}}});
  const auto run = framesFrom("2024-04-25T22:59:59+02:00", fs::temp_directory_path() / ("sf-wake-" + std::to_string(::getpid())), feed.dump());
  const auto& frames = run.frames;
  REQUIRE(!frames.empty());
  CHECK(frames.front() == "4");  // dark for the night
  CHECK(frames.back() == "0");   // lit for the emergency, without a touch
  REQUIRE(run.status.is_object());
  CHECK(run.status["screenDark"] == false);
}
