// When a fleet report carries a screenshot: what shows on the glass changed since the last one,
// at most once a minute, not while the collector is unreachable or the screen is dark.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/show/fleet_report.hpp"
#include "core/show/player_state.hpp"
#include "live/worker_messages.hpp"

namespace sf::player {

// What the glass shows, as a person would name it. The slot and page are the rotation's
// (npos when it does not show). Views into the player's state: comparing copies nothing.
struct ShownNow {
  core::Mode mode = core::Mode::Rotation;
  std::size_t slot = std::string::npos, page = 0;
  std::int64_t revision = 0;
  std::string_view takeover, banner, language, project, event, field;
  bool status = false, dark = false;
};

class ScreenshotPlan {
 public:
  using Clock = std::chrono::steady_clock;
  explicit ScreenshotPlan(std::chrono::seconds every = std::chrono::seconds{60},
                          std::chrono::milliseconds wait = std::chrono::seconds{2})
      : every_(every), wait_(wait) {}

  // Each drawn frame: notes a change of what shows. Allocates only when something changed.
  void shown(const ShownNow& now);
  // A beat: the report to send at once, or nothing when it is held for the next still frame's
  // pixels (the loop then draws a frame). A report still held from before is replaced.
  std::optional<core::ScreenReport> due(const live::ReportDue& beat, bool dark, core::ScreenReport snapshot, Clock::time_point t);

  bool holding() const { return held_.has_value(); }
  // Whether the frame just drawn should go with the held report: a still one, on a lit screen.
  bool wantsFrame(bool moving, bool dark) const { return held_ && !moving && !dark; }
  // The held report, to send with the frame's pixels (`withFrame`) or without them.
  core::ScreenReport release(bool withFrame, Clock::time_point t);
  // When the held report goes without a screenshot, if no still frame came by then.
  std::optional<Clock::time_point> deadline() const;

 private:
  struct Shown {
    core::Mode mode = core::Mode::Rotation;
    std::size_t slot = std::string::npos, page = 0;
    std::int64_t revision = -1;
    std::string takeover, banner, language, project, event, field;
    bool status = false, dark = false;
  };
  std::chrono::seconds every_;
  std::chrono::milliseconds wait_;
  Shown shown_;
  bool wanted_ = false;  // what shows changed since the last screenshot
  bool taken_ = false;
  Clock::time_point lastShot_{}, heldSince_{};
  std::optional<core::ScreenReport> held_;
};

}  // namespace sf::player
