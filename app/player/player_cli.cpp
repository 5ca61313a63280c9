// `schaufenster [--feed F] [--at TIME] [--window WxH] [--rotate DEG] [--idle S] [--lang L]`:
// the player's command line. Loads the feed before the window opens, so errors show at once.
#include <CLI/CLI.hpp>
#include <iostream>

#include "core/feed_parse.hpp"
#include "embedded.hpp"
#include "platform/source.hpp"
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

}  // namespace

int playerMain(const std::vector<std::string>& args) {
  CLI::App app{"Plays a feed full screen: rotating slides, schedule, touch browsing.\n"
               "Without --feed it plays the feed built into the binary.",
               "schaufenster"};
  std::string source = "embedded", at, window, lang;
  int rotate = 0, idle = 60;
  app.add_option("--feed", source, "feed file or URL (default: the embedded feed)");
  app.add_option("--at", at, "start the clock at this time (e.g. 2024-04-25T10:00) and let it run on");
  app.add_option("--window", window, "a desktop window of this size, e.g. 1280x800, instead of full screen");
  app.add_option("--rotate", rotate, "the screen is mounted turned by 90, 180 or 270 degrees")
      ->check(CLI::IsMember({0, 90, 180, 270}));
  app.add_option("--idle", idle, "seconds without touch before the screen returns to the rotation")
      ->check(CLI::Range(5, 3600));
  app.add_option("--lang", lang, "language to start in (de, en)");
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  PlayerOptions o;
  const core::FeedLimits limits;
  std::string text, name = source;
  if (source == "embedded") {
    text = std::string(assets::defaultFeedJson());
    name = std::string(assets::defaultFeedName);
  } else {
    auto r = platform::readSource(source, limits.maxBytes);
    if (!r.content) {
      std::cerr << "schaufenster: cannot read the feed " << source << ": " << r.error << '\n';
      return 1;
    }
    text = std::move(*r.content);
  }
  auto parsed = core::parseFeed(text, name, limits);
  if (!parsed.feed) {
    std::cerr << "schaufenster: the feed " << name << " is not valid; `schaufenster validate " << source
              << "` lists the problems.\n";
    return 1;
  }
  if (!window.empty() && !parseSize(window, o.width, o.height)) {
    std::cerr << "schaufenster: --window wants WIDTHxHEIGHT, e.g. 1280x800\n";
    return 2;
  }
  if (!at.empty()) {
    const auto zone = core::TimeZone::find(parsed.feed->timeZoneName).value_or(core::TimeZone::utc());
    const auto t = core::parseInstantOrLocal(at, zone);
    if (!t) {
      std::cerr << "schaufenster: --at: cannot read \"" << at << "\" as a time\n";
      return 2;
    }
    o.startAt = std::chrono::time_point_cast<std::chrono::milliseconds>(*t);
  }
  if (!lang.empty()) {
    const auto& langs = parsed.feed->languages;
    if (!langs.empty() && std::find(langs.begin(), langs.end(), lang) == langs.end()) {
      std::cerr << "schaufenster: --lang: the feed offers no \"" << lang << "\"\n";
      return 2;
    }
  }
  o.feed = std::make_shared<const core::Feed>(std::move(*parsed.feed));
  o.language = lang;
  o.idle = std::chrono::seconds{idle};
  o.rotation = rotate;
  return runPlayer(o);
}

}  // namespace sf::player
