// What one frame shows, worked out once from the state, the rotation, the feed and the instant:
// the slide cache, the composition and the next deadline all read this one answer.
#pragma once
#include <array>
#include <chrono>
#include <cstddef>

#include "core/feed/model.hpp"
#include "core/show/player_state.hpp"
#include "core/show/rotation.hpp"

namespace sf::core {

// A rotation slide as a frame shows it: its slot, and for figures slides which page.
struct ShownSlide {
  std::size_t slot = 0;
  std::size_t page = 0;
  bool operator==(const ShownSlide&) const = default;
};

struct FramePlan {
  Millis now{};
  const Announcement* announcement = nullptr;  // takes over the whole screen (important or emergency)
  const Announcement* banner = nullptr;        // an info banner over whatever else shows
  bool rotation = false;                       // the rotation shows: its mode and no announcement
  RotationPosition position;                   // the clock's place in the rotation
  ShownSlide incoming;                         // the slide showing (coming in while moving)
  ShownSlide outgoing;                         // the one leaving while `progress` < 1
  float progress = 1;                          // 0..1 through the slide change; 1 at rest
  float eased = 1;                             // `progress` eased: how far the picture has moved
  int direction = 1;                           // +1: slides move left; -1 right; 0 a swipe back to the same
  bool returning = false;                      // back from browsing: the rotation fades in
  bool moving = false;                         // a slide or view transition runs: draw at frame rate
  // A finger drags the slide, or it snaps after one: `incoming` stands `offset` px off centre and
  // `outgoing` is its neighbour filling the gap (the next one for a negative offset).
  float offset = 0;
  // The rotation slides the frame shows whole (from layers): none for an announcement or
  // browsing, one at rest, two while slides change (outgoing first).
  std::array<ShownSlide, 2> slides{};
  int slideCount = 0;
};

// `figuresPerPage`: how many figures one figures slide holds on this screen (its layout's grid).
FramePlan planFrame(const PlayerState& state, const RotationPlan& plan, const Feed& feed, Millis now,
                    std::size_t figuresPerPage);

// The slide changes' easing: fast at first, slowing to a stop.
float easeOut(float t);
// How far `now` is through `span` from `from`, clamped to 0..1.
float spanFraction(Millis from, Millis now, std::chrono::milliseconds span);

// True while a slide or view transition runs at `now` (the loop then draws at frame rate).
bool inTransition(const PlayerState& state, const RotationPlan& plan, Millis now);
// When the next animation frame is due in a transition, at most `frame` apart: later toward the
// end of a slide change, where the eased picture barely moves between frames.
Millis nextTransitionFrame(const PlayerState& state, const RotationPlan& plan, Millis now,
                           std::chrono::milliseconds frame);

}  // namespace sf::core
