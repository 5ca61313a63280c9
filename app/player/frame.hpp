// One frame of the player: which views show, in which transition, from the state, the
// rotation and the clock. Shared by the kiosk loop and the headless `render` command.
#pragma once
#include <cstddef>

#include "core/rotation.hpp"
#include "views/views.hpp"

namespace sf::player {

// What the `render` command and the tests ask for; Auto follows the state and the clock.
enum class View { Auto, Spotlight, Schedule, Fields, FieldList, Detail, Figures, Announcement };

struct FrameRequest {
  View view = View::Auto;
  std::size_t project = core::kNoProject;    // Spotlight
  const core::Announcement* announcement = nullptr;  // Announcement (else the active one)
};

// Draws the whole frame (background, header, views, progress) with ImGui draw lists.
// `now` is the wall clock of this frame. Needs an ImGui frame begun by the display.
void composeFrame(const views::ViewContext& ctx, const core::RotationPlan& plan, core::Millis now,
                  const FrameRequest& request = {});

// The clock and date strings for `now` in the venue's zone (done once a minute, not per frame).
void updateFrameText(views::FrameText& text, core::Instant now, const core::TimeZone& zone, const std::string& lang);

// True while a slide or view transition runs at `now` (the loop then draws at frame rate).
bool inTransition(const core::PlayerState& state, const core::RotationPlan& plan, core::Millis now);

}  // namespace sf::player
