// The real player loop with one addition for the watchdog test: SIGUSR1 makes the main loop hang
// (inside a frame callback) while the feed and image workers keep running, as a deadlock would.
#include <csignal>
#include <fstream>
#include <thread>

#include "core/feed/parse.hpp"
#include "embedded.hpp"
#include "player/player.hpp"

namespace {
volatile std::sig_atomic_t hang = 0;
}

int main(int argc, char** argv) {
  std::signal(SIGUSR1, [](int) { hang = 1; });
  auto parsed = sf::core::parseFeed(sf::assets::defaultFeedJson(), sf::assets::defaultFeedName);
  if (!parsed.feed) return 1;
  sf::player::PlayerOptions o;
  o.startup.feed = std::make_shared<const sf::core::Feed>(std::move(*parsed.feed));
  o.offscreen = true;
  o.width = 640;
  o.height = 400;
  // The feed worker follows a copy of the built-in feed, so a thread besides the loop is running.
  const std::string dir = argc > 1 ? argv[1] : "/tmp";
  std::ofstream(dir + "/feed.json") << sf::assets::defaultFeedJson();
  o.config.cacheDir = dir;
  o.config.feed = dir + "/feed.json";
  o.config.pollSeconds = 1;
  o.onFrame = [](std::chrono::nanoseconds, bool) {
    while (hang) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  };
  return sf::player::runPlayer(o);
}
