// One frame of the player: which views show, in which transition, from the state, the
// rotation and the clock. Shared by the kiosk loop and the headless `render` command.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/show/rotation.hpp"
#include "views/views.hpp"

namespace sf::player {

// What the `render` command and the tests ask for; Auto follows the state and the clock.
enum class View { Auto, Spotlight, Schedule, Fields, FieldList, Detail, Figures, Announcement };

struct FrameRequest {
  View view = View::Auto;
  std::size_t project = core::kNoProject;    // Spotlight
  const core::Announcement* announcement = nullptr;  // Announcement (else the active one)
};

// A rotation slide drawn earlier into a layer (a screen-sized texture), with the hit targets it
// reported then. The kiosk loop keeps them so a static or fading slide is copied, not repainted.
struct SlideLayer {
  std::size_t slot = 0;
  std::size_t page = 0;  // figures slides: which page of figures
  std::uintptr_t texture = 0;
  std::vector<core::HitTarget> hits;
};

// Draws the whole frame (background, header, views, progress) with ImGui draw lists.
// `now` is the wall clock of this frame. Needs an ImGui frame begun by the display.
// Rotation slides found in `layers` are drawn from there; the others are drawn afresh.
// In the rotation, a `header` layer (the bar painted earlier) replaces drawing the header.
void composeFrame(const views::ViewContext& ctx, const core::RotationPlan& plan, core::Millis now,
                  const FrameRequest& request = {}, const std::vector<SlideLayer>* layers = nullptr,
                  const SlideLayer* header = nullptr);

// The rotation slides the frame at `now` shows (one at rest, two in a slide transition) as
// {slot, page} pairs; returns how many (0 when no rotation slide shows: announcement, browsing).
int slidesShown(const views::ViewContext& ctx, const core::RotationPlan& plan, core::Millis now,
                std::pair<std::size_t, std::size_t> out[2]);
// The rotation's header bar on the background, as its layer holds it.
void drawHeaderAlone(const views::ViewContext& ctx);
// One rotation slide on the background, at rest, as a layer holds it.
void drawSlideAlone(const views::ViewContext& ctx, const core::RotationPlan& plan, core::Millis now, std::size_t slot);

// The clock and date strings for `now` in the venue's zone (done once a minute, not per frame;
// once a second with `seconds`, when the clock shows them).
void updateFrameText(views::FrameText& text, core::Instant now, const core::TimeZone& zone, const std::string& lang,
                     bool seconds = false);

// True while a slide or view transition runs at `now` (the loop then draws at frame rate).
bool inTransition(const core::PlayerState& state, const core::RotationPlan& plan, core::Millis now);
// When the next animation frame is due in a transition, at most `frame` apart: later toward the
// end of a slide change, where the eased picture barely moves between frames.
core::Millis nextTransitionFrame(const core::PlayerState& state, const core::RotationPlan& plan, core::Millis now,
                                 std::chrono::milliseconds frame);

}  // namespace sf::player
