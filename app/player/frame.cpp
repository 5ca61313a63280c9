// Frame composition: announcement over everything, else the rotation (cross-fading and
// sliding between slides) or the browsing views (fading in when opened).
#include "frame.hpp"

#include "core/show/ui_text.hpp"

#include <algorithm>
#include <cmath>

namespace sf::player {
namespace {

using core::Millis;
using views::Placement;

float fraction(Millis from, Millis now, std::chrono::milliseconds span) {
  return std::clamp(static_cast<float>((now - from).count()) / static_cast<float>(span.count()), 0.f, 1.f);
}

float ease(float t) { return 1 - (1 - t) * (1 - t) * (1 - t); }

core::Rgb slotAccent(const views::ViewContext& ctx, const core::RotationSlot& slot) {
  if (slot.project < ctx.feed.projects.size())
    if (const auto* f = ctx.feed.findField(ctx.feed.projects[slot.project].field)) return f->color;
  return {244, 245, 247};
}

core::Rgb projectAccent(const views::ViewContext& ctx, std::size_t project) {
  core::RotationSlot s;
  s.project = project;
  return slotAccent(ctx, s);
}

std::size_t slotPage(const views::ViewContext& ctx, const core::RotationPlan& plan, const core::RotationPosition& pos,
                     std::size_t slot) {
  if (slot >= plan.slots.size() || plan.slots[slot].kind != core::SlideKind::Figures) return 0;
  return core::figuresPage(plan, pos, slot, ctx.feed.figures.size(), core::figureGrid(ctx.layout).perPage());
}

// The slot a swipe came from: the one before the current slot (forward) or after it (back).
std::size_t swipedFrom(const core::PlayerState& st, std::size_t slot, std::size_t n) {
  return (slot + n - static_cast<std::size_t>(st.direction > 0 ? 1 : st.direction < 0 ? n - 1 : 0)) % n;
}

const SlideLayer* layerOf(const std::vector<SlideLayer>* layers, std::size_t slot, std::size_t page) {
  if (layers)
    for (const SlideLayer& l : *layers)
      if (l.slot == slot && l.page == page && l.texture) return &l;
  return nullptr;
}

void drawSlot(const views::ViewContext& ctx, const Placement& at, const core::RotationPlan& plan,
              const core::RotationPosition& pos, std::size_t slot, const std::vector<SlideLayer>* layers = nullptr) {
  if (slot >= plan.slots.size()) return;
  if (const SlideLayer* l = layerOf(layers, slot, slotPage(ctx, plan, pos, slot))) {
    // The header's band of a slide layer is plain background, and the header goes on top.
    views::drawLayer(ctx, l->texture, at, 0, ctx.layout.header.bottom());
    if (at.active) ctx.report.hits.insert(ctx.report.hits.end(), l->hits.begin(), l->hits.end());
    return;
  }
  const core::RotationSlot& s = plan.slots[slot];
  switch (s.kind) {
    case core::SlideKind::Spotlight:
    case core::SlideKind::Spotlights: views::drawSpotlight(ctx, at, s.project); break;
    case core::SlideKind::Schedule: views::drawSchedule(ctx, at); break;
    case core::SlideKind::Fields: views::drawFields(ctx, at); break;
    case core::SlideKind::Figures: views::drawFigures(ctx, at, slotPage(ctx, plan, pos, slot)); break;
  }
}

// The outgoing and the incoming view, moving `direction` (+1: to the left) and cross-fading.
void transition(const views::ViewContext& ctx, float t, int direction, const auto& drawOld, const auto& drawNew) {
  const float e = ease(t), shift = ctx.layout.width * 0.06f * (direction == 0 ? 1 : direction);
  if (e < 1) drawOld(Placement{1 - e, -shift * e, 0, false});
  drawNew(Placement{e, shift * (1 - e), 0, true});
}

}  // namespace

void updateFrameText(views::FrameText& text, core::Instant now, const core::TimeZone& zone, const std::string& lang,
                     bool seconds) {
  const core::LocalDateTime t = zone.toLocal(now);
  core::formatClock(t, text.clock, sizeof text.clock, seconds);
  core::formatLongDate(t.date, lang, text.date, sizeof text.date);
}

bool inTransition(const core::PlayerState& state, const core::RotationPlan& plan, Millis now) {
  if (now - state.changedAt < std::max(core::kViewTransition, core::kSlideTransition)) return true;
  if (state.mode != core::Mode::Rotation || state.pinnedSlot) return false;
  return now - core::rotationAt(plan, now).slideStart < plan.transition;
}

Millis nextTransitionFrame(const core::PlayerState& state, const core::RotationPlan& plan, Millis now,
                           std::chrono::milliseconds frame) {
  const Millis next = now + frame;
  if (state.mode != core::Mode::Rotation || state.pinnedSlot ||
      now - state.changedAt < std::max(core::kViewTransition, core::kSlideTransition))
    return next;
  // The eased change slows to a crawl toward its end: the last third of the time moves the picture
  // by under 4 %. There a frame waits until it differs by about two levels of 255 (under a pixel of
  // movement) from the last one, which spares a fifth of a software-rendered transition's frames.
  constexpr float kStep = 1.f / 128;
  const core::RotationPosition pos = core::rotationAt(plan, now);
  const float t = fraction(pos.slideStart, now, plan.transition);
  if (t >= 1) return next;
  const float target = ease(t) + kStep;
  const float at = target >= 1 ? 1.f : 1 - std::cbrt(1 - target);  // ease's inverse
  const auto due = pos.slideStart + std::chrono::milliseconds{static_cast<std::int64_t>(std::ceil(at * plan.transition.count()))};
  return std::max(next, due);
}

int slidesShown(const views::ViewContext& ctx, const core::RotationPlan& plan, Millis now,
                std::pair<std::size_t, std::size_t> out[2]) {
  const core::PlayerState& st = ctx.state;
  if (st.mode != core::Mode::Rotation || plan.slots.empty()) return 0;
  if (core::activeAnnouncement(ctx.feed, core::toInstant(now))) return 0;
  const core::RotationPosition pos = core::rotationAt(plan, now);
  const core::PlayerEnv env{ctx.feed, plan, now};
  const std::size_t slot = core::currentSlot(st, env), n = plan.slots.size();
  int count = 0;
  // The same choices as composeFrame makes below: the outgoing slide only while it still shows.
  if (st.pinnedSlot) {
    const std::size_t from = swipedFrom(st, slot, n);
    if (st.direction && fraction(st.changedAt, now, core::kSlideTransition / 2) < 1) out[count++] = {from, slotPage(ctx, plan, pos, from)};
  } else if (now - st.changedAt >= core::kViewTransition && fraction(pos.slideStart, now, plan.transition) < 1) {
    out[count++] = {pos.previous, slotPage(ctx, plan, pos, pos.previous)};
  }
  if (count == 1 && out[0].first == slot) count = 0;  // a one-slide playlist fades into itself
  out[count++] = {slot, slotPage(ctx, plan, pos, slot)};
  return count;
}

void drawSlideAlone(const views::ViewContext& ctx, const core::RotationPlan& plan, Millis now, std::size_t slot) {
  views::drawBackground(ctx);
  drawSlot(ctx, {}, plan, core::rotationAt(plan, now), slot);
}

void drawHeaderAlone(const views::ViewContext& ctx) {
  views::drawBackground(ctx);
  views::drawHeader(ctx, views::HeaderKind::Rotation);
}

namespace {

// The rotation, with the header and the progress bar on top. While slides change, the outgoing
// one moves out and fades while the incoming one moves in over it.
void composeRotation(const views::ViewContext& ctx, const core::RotationPlan& plan, Millis now,
                     const std::vector<SlideLayer>* layers, const SlideLayer* header) {
  const core::PlayerState& st = ctx.state;
  const core::Layout& l = ctx.layout;
  const core::RotationPosition pos = core::rotationAt(plan, now);
  const core::PlayerEnv env{ctx.feed, plan, now};
  const std::size_t slot = core::currentSlot(st, env);
  const std::size_t n = std::max<std::size_t>(1, plan.slots.size());
  std::size_t from = pos.previous;
  float t = fraction(pos.slideStart, now, plan.transition);
  int direction = 1;
  if (st.pinnedSlot) {
    from = swipedFrom(st, slot, n);
    t = st.direction ? fraction(st.changedAt, now, core::kSlideTransition / 2) : 1.f;
    direction = st.direction;
  }
  const bool returning = !st.pinnedSlot && now - st.changedAt < core::kViewTransition;  // back from browsing
  const float e = ease(t), shift = l.width * 0.06f * (direction == 0 ? 1 : direction);
  const SlideLayer* incoming = layerOf(layers, slot, slotPage(ctx, plan, pos, slot));
  const SlideLayer* outgoing = e < 1 ? layerOf(layers, from, slotPage(ctx, plan, pos, from)) : nullptr;

  if (!returning && incoming && (e >= 1 || outgoing)) {
    // Both slides are opaque layers: the outgoing one is copied at full strength and the incoming
    // one blended over it, old·(1−e) + new·e. One blend per pixel instead of two over a filled
    // background, which is the most of a software-rendered transition's cost; the background is
    // filled only where the header's layer or the moving slide leaves it uncovered.
    const float top = l.header.bottom(), dx = std::round(e < 1 ? -shift * e : 0.f);
    const float h = static_cast<float>(l.height) - top, w = static_cast<float>(l.width);
    if (dx < 0) views::drawBackground(ctx, {w + dx, top, -dx, h});
    if (dx > 0) views::drawBackground(ctx, {0, top, dx, h});
    if (!header || !header->texture) views::drawBackground(ctx, {0, 0, w, top});
    if (e < 1) {
      drawSlot(ctx, {1, dx, 0, false}, plan, pos, from, layers);
      // Where the incoming layer has not arrived yet, the outgoing one fades toward the background.
      const float inDx = std::round(shift * (1 - e));
      if (inDx > 0) views::drawBackground(ctx, {0, top, inDx, h}, e);
      if (inDx < 0) views::drawBackground(ctx, {w + inDx, top, -inDx, h}, e);
      drawSlot(ctx, {e, shift * (1 - e), 0, true}, plan, pos, slot, layers);
    } else {
      drawSlot(ctx, {}, plan, pos, slot, layers);
    }
  } else if (returning) {
    // The rotation fades in where the clock has got to.
    views::drawBackground(ctx);
    const float r = ease(fraction(st.changedAt, now, core::kViewTransition));
    drawSlot(ctx, {r, -l.width * 0.04f * (1 - r), 0, true}, plan, pos, slot, layers);
  } else {
    views::drawBackground(ctx);
    transition(ctx, t, direction,
               [&](const Placement& p) { drawSlot(ctx, p, plan, pos, from, layers); },
               [&](const Placement& p) { drawSlot(ctx, p, plan, pos, slot, layers); });
  }
  // Slides never draw into the header's band, so its layer can go on top of them unblended.
  if (header && header->texture) {
    views::drawLayer(ctx, header->texture, {}, l.header.bottom());
    ctx.report.hits.insert(ctx.report.hits.end(), header->hits.begin(), header->hits.end());
  } else {
    views::drawHeader(ctx, views::HeaderKind::Rotation);
  }
  if (!st.pinnedSlot && slot < plan.slots.size()) views::drawProgress(ctx, pos.progress, slotAccent(ctx, plan.slots[slot]));
}

}  // namespace

void composeFrame(const views::ViewContext& ctx, const core::RotationPlan& plan, Millis now, const FrameRequest& req,
                  const std::vector<SlideLayer>* layers, const SlideLayer* header) {
  const core::PlayerState& st = ctx.state;
  const core::Announcement* ann = req.announcement;
  if (!ann && (req.view == View::Auto || req.view == View::Announcement))
    ann = core::activeAnnouncement(ctx.feed, core::toInstant(now));
  if (!ann && req.view == View::Auto && st.mode == core::Mode::Rotation) {
    composeRotation(ctx, plan, now, layers, header);
    return;
  }
  views::drawBackground(ctx);
  if (ann) {
    views::drawAnnouncement(ctx, {}, *ann);
    views::drawHeader(ctx, views::HeaderKind::Announcement);
    return;
  }
  const core::RotationPosition pos = core::rotationAt(plan, now);
  switch (req.view) {
    case View::Spotlight:
      views::drawSpotlight(ctx, {}, req.project);
      views::drawHeader(ctx, views::HeaderKind::Rotation);
      views::drawProgress(ctx, pos.progress, projectAccent(ctx, req.project));
      return;
    case View::Schedule: views::drawSchedule(ctx, {}); break;
    case View::Fields: views::drawFields(ctx, {}); break;
    case View::Figures: views::drawFigures(ctx, {}, 0); break;
    case View::FieldList:
      views::drawFieldList(ctx, {});
      views::drawHeader(ctx, views::HeaderKind::Browsing);
      return;
    case View::Detail:
      views::drawDetail(ctx, {});
      views::drawHeader(ctx, views::HeaderKind::Browsing);
      return;
    case View::Announcement:
    case View::Auto: break;
  }
  if (req.view != View::Auto) {
    views::drawHeader(ctx, views::HeaderKind::Rotation);
    views::drawProgress(ctx, pos.progress, {244, 245, 247});
    return;
  }

  const float e = ease(fraction(st.changedAt, now, core::kViewTransition));
  const Placement at{e, ctx.layout.width * 0.05f * (1 - e) * (st.direction < 0 ? -1.f : 1.f), 0, true};
  switch (st.mode) {
    case core::Mode::Fields: views::drawFields(ctx, at); break;
    case core::Mode::FieldList: views::drawFieldList(ctx, at); break;
    case core::Mode::Detail: views::drawDetail(ctx, at); break;
    case core::Mode::Rotation: break;
  }
  views::drawHeader(ctx, views::HeaderKind::Browsing);
}

}  // namespace sf::player
