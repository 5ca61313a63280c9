// `schaufenster [--feed F] [--at TIME] [--window WxH] [--rotate DEG] [--idle S] [--lang L]`:
// the player's command line. Loads the feed before the window opens, so errors show at once.
#include <CLI/CLI.hpp>
#include <iostream>

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "core/show/config.hpp"
#include "live/startup.hpp"
#include "platform/files.hpp"
#include "player.hpp"

namespace sf::player {
namespace {

bool parseSize(const std::string& s, int& w, int& h) {
  const auto x = s.find_first_of("xX");
  if (x == std::string::npos) return false;
  try {
    w = std::stoi(s.substr(0, x));
    h = std::stoi(s.substr(x + 1));
  } catch (...) {
    return false;
  }
  return w >= 200 && h >= 200 && w <= 16384 && h <= 16384;
}

// The cache must be writable; a desktop user without /var/lib access gets one in ~/.cache.
std::string usableCacheDir(const std::string& wanted) {
  std::error_code ec;
  std::filesystem::create_directories(wanted, ec);
  if (::access(wanted.c_str(), W_OK) == 0) return wanted;
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  const std::string fallback = xdg && *xdg ? std::string(xdg) + "/schaufenster" : std::string(home ? home : "/tmp") + "/.cache/schaufenster";
  std::filesystem::create_directories(fallback, ec);
  return fallback;
}

}  // namespace

int playerMain(const std::vector<std::string>& args) {
  CLI::App app{"Plays a feed full screen: rotating slides, schedule, touch browsing.\n"
               "Settings come from the config file (default /etc/schaufenster/config.json); flags override it.\n"
               "Without a feed it plays the feed built into the binary.",
               "schaufenster"};
  std::string configPath, source, at, window, lang, cacheDir;
  int rotate = -1, idle = -1;
  app.add_option("--config", configPath, "configuration file (default: /etc/schaufenster/config.json if it exists)");
  app.add_option("--feed", source, "feed file or URL to follow; \"embedded\" plays the built-in feed");
  app.add_option("--at", at, "start the clock at this time (e.g. 2024-04-25T10:00) and let it run on");
  app.add_option("--window", window, "a desktop window of this size, e.g. 1280x800, instead of full screen");
  app.add_option("--rotate", rotate, "the screen is mounted turned by 90, 180 or 270 degrees")
      ->check(CLI::IsMember({0, 90, 180, 270}));
  app.add_option("--idle", idle, "seconds without touch before the screen returns to the rotation")
      ->check(CLI::Range(5, 3600));
  app.add_option("--lang", lang, "language to start in (de, en)");
  app.add_option("--cache-dir", cacheDir, "where the last good feed and images are kept");
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  // The config file first, then the flags over it. A bad file is reported, never fatal.
  core::Config config;
  const bool explicitConfig = !configPath.empty();
  if (!explicitConfig) configPath = "/etc/schaufenster/config.json";
  if (auto file = platform::readFile(configPath, 1u << 20)) {
    auto parsed = core::parseConfig(*file, configPath);
    for (const auto& d : parsed.diagnostics) std::cerr << core::formatDiagnostic(d) << '\n';
    config = parsed.config;
  } else if (explicitConfig) {
    std::cerr << "schaufenster: " << file.error().message << "; playing with the default settings\n";
  }
  if (!source.empty()) config.feed = source == "embedded" ? std::string() : source;
  if (idle > 0) config.idleSeconds = idle;
  if (rotate >= 0) config.rotate = rotate;
  if (!lang.empty()) config.language = lang;
  if (!cacheDir.empty()) config.cacheDir = cacheDir;
  config.cacheDir = usableCacheDir(config.cacheDir);

  // What plays first, chosen once (live::loadStartupFeed) and handed whole to the player.
  live::StartupFeed startup = live::loadStartupFeed(config);
  if (const std::string notice = live::startupNotice(startup, config); !notice.empty())
    std::cerr << "schaufenster: " << notice << '\n';

  PlayerOptions o;
  if (!window.empty() && !parseSize(window, o.width, o.height)) {
    std::cerr << "schaufenster: --window wants WIDTHxHEIGHT, e.g. 1280x800\n";
    return 2;
  }
  if (!at.empty()) {
    const core::TimeZone& zone = startup.feed->zone;
    const auto t = core::parseInstantOrLocal(at, zone);
    if (!t) {
      std::cerr << "schaufenster: --at: cannot read \"" << at << "\" as a time\n";
      return 2;
    }
    o.startAt = std::chrono::time_point_cast<std::chrono::milliseconds>(*t);
  }
  if (!config.language.empty()) {
    const auto& langs = startup.feed->languages;
    if (!langs.empty() && std::find(langs.begin(), langs.end(), config.language) == langs.end()) {
      std::cerr << "schaufenster: the feed offers no language \"" << config.language << "\"; using " << langs.front() << '\n';
      config.language.clear();
    }
  }
  o.startup = std::move(startup);
  o.config = config;
  o.language = config.language;
  o.idle = std::chrono::seconds{config.idleSeconds};
  o.rotation = config.rotate;
  return runPlayer(o);
}

}  // namespace sf::player
