// Rotation slides kept as layers: each is painted once into a screen-sized texture and then
// copied (at rest) or faded and slid (in transitions) until its content changes.
#pragma once
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "frame.hpp"

namespace sf::platform {
class Display;
}

namespace sf::player {

class SlideCache {
 public:
  explicit SlideCache(platform::Display& display) : display_(display) {}
  ~SlideCache();
  SlideCache(const SlideCache&) = delete;
  SlideCache& operator=(const SlideCache&) = delete;

  // Every slide must be painted again (feed, plan, language or images changed).
  void invalidate();
  // The minute turned: the header's clock and the slides that read it (the schedule's now and
  // next) must be painted again.
  void invalidateSchedule(const core::RotationPlan& plan);
  // The second turned on a clock that shows seconds: only the header is painted again.
  void invalidateHeader() { headerFresh_ = false; }
  // Frees every layer (the screen's size changed, or the renderer lost its textures).
  void clear();

  // Paints the slides the frame shows that have no current layer, each in an ImGui
  // frame of its own, and frees layers no longer shown. Returns the layers for composeFrame.
  // Uses ctx.report (its hits are overwritten); call it before the frame's own beginFrame.
  const std::vector<SlideLayer>& prepare(const views::ViewContext& ctx, const core::RotationPlan& plan,
                                         const core::FramePlan& frame);
  // The slide about to come in gets painted now (while nothing moves), so the transition starts
  // with both layers ready instead of stalling its first frame.
  // `frame` is the plan of the frame at the current slide's end.
  void prepareNext(const views::ViewContext& ctx, const core::RotationPlan& plan, const core::FramePlan& atSlideEnd);

  // The rotation's header bar as a layer (painted when stale); null when no layer can be made.
  const SlideLayer* header(const views::ViewContext& ctx);

  // Layers hold the slide's pixels: one (or two around a transition) screen-sized textures.
  std::size_t layerCount() const { return layers_.size(); }
  // How many slides and header bars were painted so far: what the layers saved is what is not.
  std::size_t paintCount() const { return paints_; }

 private:
  bool paint(const views::ViewContext& ctx, const core::RotationPlan& plan, core::ShownSlide slide, std::size_t keep);

  platform::Display& display_;
  std::vector<SlideLayer> layers_;  // the shown ones first
  std::vector<std::uint8_t> fresh_;  // parallel to layers_: painted with what shows now
  std::optional<core::ShownSlide> next_;  // painted ahead
  core::Rect content_;  // the content area the layers were painted for (a banner takes room)
  SlideLayer header_;  // a band as high as the header; slot and page unused
  bool headerFresh_ = false;
  std::size_t paints_ = 0;
};

}  // namespace sf::player
