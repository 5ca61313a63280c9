// Painting a slide costs tens of milliseconds on a software renderer; copying its layer, one blit.
// So a slide is painted when it first shows or its content changes, and frames compose layers.
#include "slide_cache.hpp"

#include <algorithm>
#include <cmath>

#include "core/show/player_state.hpp"
#include "platform/display.hpp"

namespace sf::player {

SlideCache::~SlideCache() { clear(); }

void SlideCache::invalidate() {
  std::fill(fresh_.begin(), fresh_.end(), std::uint8_t{0});
  headerFresh_ = false;
}

void SlideCache::invalidateSchedule(const core::RotationPlan& plan) {
  headerFresh_ = false;  // the clock
  for (std::size_t i = 0; i < layers_.size(); ++i)
    if (layers_[i].slot >= plan.slots.size() || core::slideKindInfo(plan.slots[layers_[i].slot].kind).readsClock)
      fresh_[i] = 0;
}

void SlideCache::clear() {
  for (const SlideLayer& l : layers_) display_.destroyTexture(l.texture);
  layers_.clear();
  fresh_.clear();
  display_.destroyTexture(header_.texture);
  header_.texture = 0;
  headerFresh_ = false;
}

const SlideLayer* SlideCache::header(const views::ViewContext& ctx) {
  if (headerFresh_) return &header_;
  const int height = static_cast<int>(std::ceil(ctx.layout.header.bottom()));
  if (!header_.texture) header_.texture = display_.createLayer(ctx.layout.width, height);
  if (!header_.texture) return nullptr;
  display_.beginFrame(1.f / 60);
  ctx.report.hits.clear();
  drawHeaderAlone(ctx);
  display_.endFrame(header_.texture, true);  // on its background
  ++paints_;
  header_.hits.assign(ctx.report.hits.begin(), ctx.report.hits.end());
  headerFresh_ = true;
  return &header_;
}

bool SlideCache::paint(const views::ViewContext& ctx, const core::RotationPlan& plan, core::ShownSlide slide,
                       std::size_t keep) {
  // A layer of a slide no longer wanted is painted over; only then is a new texture made.
  std::size_t at = layers_.size();
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    if (layers_[i].slot == slide.slot && layers_[i].page == slide.page) {
      at = i;
      break;
    }
    if (i >= keep && at == layers_.size()) at = i;
  }
  if (at == layers_.size()) {
    const auto texture = display_.createLayer();
    if (!texture) return false;  // no memory for it: the frame draws the slide directly
    layers_.push_back({slide.slot, slide.page, texture, {}});
    fresh_.push_back(0);
  }
  display_.beginFrame(1.f / 60);
  ctx.report.hits.clear();
  drawSlideAlone(ctx, plan, slide);
  display_.endFrame(layers_[at].texture, true);
  ++paints_;
  SlideLayer& l = layers_[at];
  l.slot = slide.slot;
  l.page = slide.page;
  l.hits.assign(ctx.report.hits.begin(), ctx.report.hits.end());
  fresh_[at] = 1;
  // Keep the wanted layers at the front, in the order asked for.
  std::swap(layers_[at], layers_[std::min(keep, at)]);
  std::swap(fresh_[at], fresh_[std::min(keep, at)]);
  return true;
}

const std::vector<SlideLayer>& SlideCache::prepare(const views::ViewContext& ctx, const core::RotationPlan& plan,
                                                   const core::FramePlan& frame) {
  const core::Rect& content = ctx.layout.content;
  if (content.x != content_.x || content.y != content_.y || content.w != content_.w || content.h != content_.h) {
    invalidate();  // a banner came or went: every slide is laid out anew
    content_ = content;
  }
  const int n = frame.slideCount;
  std::size_t kept = 0;
  auto moveToFront = [&](core::ShownSlide slide) {
    for (std::size_t i = kept; i < layers_.size(); ++i) {
      if (layers_[i].slot != slide.slot || layers_[i].page != slide.page || !fresh_[i]) continue;
      std::swap(layers_[i], layers_[kept]);
      std::swap(fresh_[i], fresh_[kept]);
      ++kept;
      return true;
    }
    return false;
  };
  for (int k = 0; k < n; ++k) {
    const core::ShownSlide slide = frame.slides[static_cast<std::size_t>(k)];
    if (!moveToFront(slide) && paint(ctx, plan, slide, kept)) ++kept;
  }
  // At rest one more layer may stay: the next slide, painted ahead by prepareNext.
  if (n == 1 && next_ && !moveToFront(*next_)) next_.reset();
  if (n != 1) next_.reset();
  for (std::size_t i = kept; i < layers_.size(); ++i) display_.destroyTexture(layers_[i].texture);
  layers_.resize(kept);
  fresh_.resize(kept);
  return layers_;
}

void SlideCache::prepareNext(const views::ViewContext& ctx, const core::RotationPlan& plan,
                             const core::FramePlan& atSlideEnd) {
  if (ctx.state.mode != core::Mode::Rotation || ctx.state.pinnedSlot || plan.slots.size() < 2) return;
  // What the frame at the slide's end will show: the current slide and the next one.
  if (atSlideEnd.slideCount != 2) return;
  next_ = atSlideEnd.slides[1];
  for (std::size_t i = 0; i < layers_.size(); ++i)
    if (layers_[i].slot == next_->slot && layers_[i].page == next_->page && fresh_[i]) return;
  paint(ctx, plan, *next_, std::min<std::size_t>(1, layers_.size()));
}

}  // namespace sf::player
