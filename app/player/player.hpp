// The kiosk player: options, the main loop (events, tick, draw, present, sleep until the next
// deadline), and single-frame rendering for `schaufenster render` and the tests.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/show/config.hpp"
#include "core/show/layout.hpp"
#include "core/feed/model.hpp"

namespace sf::views {
struct StatusRow;
}
#include "frame.hpp"
#include "live/startup.hpp"

namespace sf::player {

struct PlayerOptions {
  // Required: what plays until the live feed answers (startup.feed, finished), where it came
  // from and what the feed worker needs to take over from it (live::loadStartupFeed).
  live::StartupFeed startup;
  core::Config config;                     // feed URL, polling, keys, cache, screen name
  bool live = true;                        // follow config.feed with the feed worker
  std::optional<core::Millis> startAt;     // --at: the clock starts here and runs on
  int clockSpeed = 1;                      // with startAt: the clock runs this many times faster (soak test)
  std::chrono::seconds idle{60};
  std::string language;                    // empty: the feed's first language
  int width = 0, height = 0;               // --window; 0 = full screen
  int rotation = 0;
  bool offscreen = false;                  // benchmarks and tests
  std::string backlightDir = "/sys/class/backlight";  // panels dimmed in off times (tests: a fake)
  // Benchmarks: stop after this long (0 = run until quit) and observe every drawn frame.
  std::chrono::milliseconds runFor{0};
  std::function<void(std::chrono::nanoseconds drawTime, bool transition)> onFrame;
  std::function<void()> onFirstFrame;
};

// Runs until SDL_QUIT (window closed, SIGTERM, SIGINT). Returns a process exit code.
int runPlayer(const PlayerOptions& options);

// `schaufenster` with no subcommand: parses the player's options and runs it.
int playerMain(const std::vector<std::string>& args);

struct RenderRequest {
  const core::Feed* feed = nullptr;
  int width = 1920, height = 1080;
  View view = View::Auto;
  std::string project;  // Spotlight, Detail
  std::string field;    // FieldList
  std::string event;    // Event: the talk (default: the first one)
  std::string room;     // room: a room id, name or GUID (default: the first room)
  // image, text, sponsors: the playlist item's position (from 0); default: the first of the kind
  std::size_t item = core::kNoProject;
  std::string day;      // Programme: YYYY-MM-DD (default: today or the next day with talks)
  std::string track;    // Programme: a track id to filter by
  std::string roomFilter;  // Programme: a room to filter by
  std::string picker;      // Programme: "rooms" or "tracks" opens that picker over the talks
  bool grid = false;       // Programme: the grid of rooms by time (wide screens)
  std::vector<std::string> screenRooms;  // config room/rooms: the rotation is their door screens
  float scroll = 0;                      // Programme, Event: scrolled this far down (px)
  std::string language{core::kHomeLanguage};
  core::Millis at{};
  bool clockSeconds = false;  // the header clock as config clockSeconds shows it
  std::chrono::milliseconds transition = core::kSlideTransition;  // config transitionMs
  bool collectText = false;
  // Fetch and decode the feed's images before drawing; relative srcs resolve against
  // imageBase, the feed's path or URL. Off: every project shows its generated visual.
  bool loadImages = false;
  std::string imageBase;
  // The screen drawn (config screenName, groups, rooms): what targeted items and announcements
  // it is shown; its location and exit hint, which an emergency names.
  core::ScreenIdentity screen;
  std::string location;
  std::string exitHint;
  std::optional<core::MapSpot> here;  // config location's point on a map
  std::string map;                    // map: the map's id (default: the first a map slide shows, else the first)
  // The organisers' status page over the frame, with these rows (live_feed.hpp's statusRows).
  const std::vector<views::StatusRow>* statusPage = nullptr;
};

struct RenderResult {
  std::vector<std::uint8_t> rgba;
  int width = 0, height = 0;
  std::vector<core::TextBox> texts;
  std::vector<core::HitTarget> hits;
  core::Layout layout;
  std::vector<std::string> imageErrors;  // images that could not be shown, with the reason
  std::string error;
};

// Offscreen frames at one size; reuse it for several views (fonts are built once per size).
class FrameRenderer {
 public:
  // `dpi` and `viewingDistance` (metres) size the type as on such a screen (core::computeLayout); 0: by the pixels alone.
  FrameRenderer(int width, int height, float dpi = 0, float viewingDistance = 0);
  ~FrameRenderer();
  const std::string& error() const { return error_; }
  RenderResult render(const RenderRequest& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string error_;
};

// A view by the name `render --view` takes; viewNames() lists them.
std::optional<View> parseView(const std::string& name);
std::string viewNames();

}  // namespace sf::player
