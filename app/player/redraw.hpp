// When the kiosk loop draws: what asked for a frame since the last one, which clock turn the
// texts have seen, and the next moment the screen must be drawn even if nobody touches it.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/feed/model.hpp"
#include "core/show/frame_plan.hpp"
#include "core/show/player_state.hpp"
#include "core/show/rotation.hpp"
#include "core/show/screen_schedule.hpp"

namespace sf::player {

struct Pace {
  std::chrono::milliseconds frame{16};  // the animation frame interval while something moves
  bool clockSeconds = false;            // the header clock shows seconds: it changes every second
};

// What `now` brings to the frame's texts since they were last made.
enum class ClockTurn {
  None,
  Minute,    // the minute (or the language) changed: schedule, texts and slides that read the time
  Language,  // as Minute, and the language changed too: every slide
  Second,    // only the header clock's seconds
};

// When the screen must next be drawn after a frame at `frame.now`, by itself: at rest the progress
// bar's next second, the slide's end or the clock's turn; in a transition the next animation
// frame; an announcement's start or end; for a dark screen the end of its off period only; with
// the status page open, the next second.
core::Millis nextDeadline(const core::PlayerState& state, const core::Feed& feed, const core::RotationPlan& plan,
                          const core::FramePlan& frame, const core::ScreenPhase& phase, bool dark, const Pace& pace);

class Redraw {
 public:
  explicit Redraw(Pace pace) : pace_(pace) {}

  // Something visible changed: draw at the next turn of the loop.
  void request() { dirty_ = true; }
  // The schedule and header follow the feed or the clock's trust at once, not at the next minute.
  void textsStale() { shownMinute_ = -1; }
  // What the clock's progress since the last call asks to be made again; anything but None
  // also asks for a frame.
  ClockTurn clockTurn(core::Millis now, std::string_view language);
  // The status page shows a new second (its rows are made again then).
  bool statusTurn(core::Millis now);
  void statusStale() { statusSecond_ = -1; }

  bool due(core::Millis now) const { return dirty_ || now >= deadline_; }
  // A frame was drawn at `frame.now`: nothing more is asked for until the deadline it sets.
  void drawn(const core::PlayerState& state, const core::Feed& feed, const core::RotationPlan& plan,
             const core::FramePlan& frame, const core::ScreenPhase& phase, bool dark);
  core::Millis deadline() const { return deadline_; }
  const Pace& pace() const { return pace_; }

 private:
  Pace pace_;
  bool dirty_ = true;
  core::Millis deadline_{};
  std::int64_t shownMinute_ = -1, shownSecond_ = -1, statusSecond_ = -1;
  std::string shownLanguage_;
};

}  // namespace sf::player
