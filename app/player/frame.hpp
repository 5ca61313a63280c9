// One frame of the player: which views show, in which transition, from the state, the
// rotation and the clock. Shared by the kiosk loop and the headless `render` command.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/show/frame_plan.hpp"
#include "core/show/rotation.hpp"
#include "views/views.hpp"

namespace sf::player {

// What the `render` command and the tests ask for: Auto follows the state and the clock; a slide
// view shows one kind of rotation slide (core::kSlideKinds); the others a screen of their own.
struct View {
  enum class Screen { Auto, Slide, FieldList, Detail, Announcement, Programme, Event };
  Screen screen = Screen::Auto;
  core::SlideKind slide = core::SlideKind::Fields;  // with Screen::Slide
  static constexpr View of(core::SlideKind kind) { return {Screen::Slide, kind}; }
  bool operator==(const View&) const = default;
  static const View Auto, FieldList, Detail, Announcement, Programme, Event;
};
inline constexpr View View::Auto{View::Screen::Auto};
inline constexpr View View::FieldList{View::Screen::FieldList};
inline constexpr View View::Detail{View::Screen::Detail};
inline constexpr View View::Announcement{View::Screen::Announcement};
inline constexpr View View::Programme{View::Screen::Programme};
inline constexpr View View::Event{View::Screen::Event};

struct FrameRequest {
  View view = View::Auto;
  std::size_t project = core::kNoProject;    // spotlight slides
  const core::Announcement* announcement = nullptr;  // Announcement (else the active one)
  const core::Announcement* banner = nullptr;        // an info banner over the view (else the active one)
  std::string_view room;  // room slides: the room entry shown; map slides: the map's id
  const core::PlaylistItem* item = nullptr;  // image, text and sponsors slides: the item shown
};

// A rotation slide drawn earlier into a layer (a screen-sized texture), with the hit targets it
// reported then. The kiosk loop keeps them so a static or fading slide is copied, not repainted.
struct SlideLayer {
  std::size_t slot = 0;
  std::size_t page = 0;  // figures slides: which page of figures
  std::uintptr_t texture = 0;
  std::vector<core::HitTarget> hits;
};

// What the frame at `now` shows, with this screen's figures grid (core::planFrame).
core::FramePlan planFrame(const views::ViewContext& ctx, const core::RotationPlan& plan, core::Millis now);

// The layout the frame's slides and views are drawn in: the screen's, with room kept for the info
// banner when one shows (an announcement that takes the screen over leaves none).
core::Layout frameLayout(const views::ViewContext& ctx, const core::FramePlan& frame, const FrameRequest& request = {});

// Draws the whole frame (background, header, views, progress) with ImGui draw lists, as `frame`
// (planned for this frame's instant) says. Needs an ImGui frame begun by the display.
// Rotation slides found in `layers` are drawn from there; the others are drawn afresh.
// In the rotation, a `header` layer (the bar painted earlier) replaces drawing the header.
void composeFrame(const views::ViewContext& ctx, const core::RotationPlan& plan, const core::FramePlan& frame,
                  const FrameRequest& request = {}, const std::vector<SlideLayer>* layers = nullptr,
                  const SlideLayer* header = nullptr);

// The rotation's header bar on the background, as its layer holds it.
void drawHeaderAlone(const views::ViewContext& ctx);
// One rotation slide on the background, at rest, as a layer holds it.
void drawSlideAlone(const views::ViewContext& ctx, const core::RotationPlan& plan, core::ShownSlide slide);

// The clock and date strings for `now` in the venue's zone (done once a minute, not per frame;
// once a second with `seconds`, when the clock shows them).
void updateFrameText(views::FrameText& text, core::Instant now, const core::TimeZone& zone, const std::string& lang,
                     bool seconds = false);

}  // namespace sf::player
