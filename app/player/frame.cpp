// Frame composition: an announcement over everything, else the rotation (cross-fading and
// sliding between slides) or the browsing views (fading in when opened), an info banner on top.
#include "frame.hpp"

#include "core/show/ui_text.hpp"

#include <algorithm>
#include <cmath>

namespace sf::player {
namespace {

using core::Millis;
using core::ShownSlide;
using views::Placement;

// The progress bar: the theme's accent when the feed has one, else the slide's field colour.
core::Rgb slotAccent(const views::ViewContext& ctx, const core::RotationSlot& slot) {
  if (ctx.feed.theme.accent) return ctx.palette().accent;
  if (slot.project < ctx.feed.projects.size())
    if (const auto* f = ctx.feed.findField(ctx.feed.projects[slot.project].field)) return f->color;
  return ctx.palette().accent;
}

core::Rgb projectAccent(const views::ViewContext& ctx, std::size_t project) {
  core::RotationSlot s;
  s.project = project;
  return slotAccent(ctx, s);
}

// The room a room slide shows: its playlist item's, else the screen's configured room; the map a
// map slide shows.
std::string_view slotRoom(const views::ViewContext& ctx, const core::RotationSlot& s) {
  if (s.kind == core::SlideKind::Map) return s.item < ctx.feed.playlist.size() ? std::string_view(ctx.feed.playlist[s.item].map) : std::string_view{};
  if (s.kind != core::SlideKind::Room) return {};
  if (s.item < ctx.feed.playlist.size() && !ctx.feed.playlist[s.item].room.empty()) return ctx.feed.playlist[s.item].room;
  if (ctx.screenRooms && s.room < ctx.screenRooms->size()) return (*ctx.screenRooms)[s.room];
  return {};
}

const SlideLayer* layerOf(const std::vector<SlideLayer>* layers, ShownSlide shown) {
  if (layers)
    for (const SlideLayer& l : *layers)
      if (l.slot == shown.slot && l.page == shown.page && l.texture) return &l;
  return nullptr;
}

void drawSlot(const views::ViewContext& ctx, const Placement& at, const core::RotationPlan& plan, ShownSlide shown,
              const std::vector<SlideLayer>* layers = nullptr) {
  if (shown.slot >= plan.slots.size()) return;
  if (const SlideLayer* l = layerOf(layers, shown)) {
    // The header's band of a slide layer is plain background, and the header goes on top.
    views::drawLayer(ctx, l->texture, at, 0, ctx.layout.header.bottom());
    if (at.active) ctx.report.hits.insert(ctx.report.hits.end(), l->hits.begin(), l->hits.end());
    return;
  }
  const core::RotationSlot& s = plan.slots[shown.slot];
  const core::PlaylistItem* item = s.item < ctx.feed.playlist.size() ? &ctx.feed.playlist[s.item] : nullptr;
  views::drawSlide(ctx, at, s.kind, s.project, shown.page, slotRoom(ctx, s), item);
}

}  // namespace

void updateFrameText(views::FrameText& text, core::Instant now, const core::TimeZone& zone, const std::string& lang,
                     bool seconds) {
  const core::LocalDateTime t = zone.toLocal(now);
  core::formatClock(t, text.clock, sizeof text.clock, seconds);
  core::formatLongDate(t.date, lang, text.date, sizeof text.date);
}

core::FramePlan planFrame(const views::ViewContext& ctx, const core::RotationPlan& plan, Millis now) {
  return core::planFrame(ctx.state, plan, ctx.feed, now, core::figureGrid(ctx.layout).perPage());
}

void drawSlideAlone(const views::ViewContext& ctx, const core::RotationPlan& plan, ShownSlide slide) {
  views::drawBackground(ctx);
  drawSlot(ctx, {}, plan, slide);
}

void drawHeaderAlone(const views::ViewContext& ctx) {
  views::drawBackground(ctx);
  views::drawHeader(ctx, views::HeaderKind::Rotation);
}

namespace {

// Page dots and the touch hint on the rotation; while a visitor has paused it, when it goes on.
void drawTouchStrip(const views::ViewContext& ctx, const core::RotationPlan& plan, const core::FramePlan& fp) {
  const core::PlayerState& st = ctx.state;
  views::TouchStrip strip;
  if (fp.rotation) {
    strip.slides = plan.slots.size();
    strip.current = fp.offset != 0 && std::fabs(fp.offset) > ctx.layout.width * 0.5f ? fp.outgoing.slot : fp.incoming.slot;
    strip.hint = core::touchHintShown(st, fp.now);
  }
  if (core::interacting(st)) strip.resumesIn = core::resumesIn(st, fp.now);
  views::drawTouchStrip(ctx, strip);
}

// The rotation, with the header and the progress bar on top. While slides change, the outgoing
// one moves out and fades while the incoming one moves in over it.
void composeRotation(const views::ViewContext& ctx, const core::RotationPlan& plan, const core::FramePlan& fp,
                     const std::vector<SlideLayer>* layers, const SlideLayer* header) {
  const core::PlayerState& st = ctx.state;
  const core::Layout& l = ctx.layout;
  const float e = fp.eased, shift = l.width * 0.06f * (fp.direction == 0 ? 1 : fp.direction);
  const SlideLayer* incoming = layerOf(layers, fp.incoming);
  const SlideLayer* outgoing = e < 1 ? layerOf(layers, fp.outgoing) : nullptr;

  if (fp.offset != 0) {
    // A finger drags the slide, or it snaps: it and its neighbour stand side by side, both whole,
    // two copies of their layers and nothing blended. Together they cover the content.
    const float w = static_cast<float>(l.width), dx = std::round(fp.offset);
    if (!incoming || !layerOf(layers, fp.outgoing)) views::drawBackground(ctx);
    else if (!header || !header->texture) views::drawBackground(ctx, {0, 0, w, l.header.bottom()});
    drawSlot(ctx, {1, dx, 0, false}, plan, fp.incoming, layers);
    drawSlot(ctx, {1, dx < 0 ? dx + w : dx - w, 0, false}, plan, fp.outgoing, layers);
  } else if (!fp.returning && incoming && (e >= 1 || outgoing)) {
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
      // The incoming layer right after the outgoing one, so the display can do both in one pass.
      drawSlot(ctx, {1, dx, 0, false}, plan, fp.outgoing, layers);
      drawSlot(ctx, {e, shift * (1 - e), 0, true}, plan, fp.incoming, layers);
      // Where the incoming layer has not arrived yet, the outgoing one fades toward the background.
      const float inDx = std::round(shift * (1 - e));
      if (inDx > 0) views::drawBackground(ctx, {0, top, inDx, h}, e);
      if (inDx < 0) views::drawBackground(ctx, {w + inDx, top, -inDx, h}, e);
    } else {
      drawSlot(ctx, {}, plan, fp.incoming, layers);
    }
  } else if (fp.returning) {
    // The rotation fades in where the clock has got to.
    views::drawBackground(ctx);
    const float r = core::easeOut(core::spanFraction(st.changedAt, fp.now, core::kViewTransition));
    drawSlot(ctx, {r, -l.width * 0.04f * (1 - r), 0, true}, plan, fp.incoming, layers);
  } else {
    // The outgoing and the incoming slide, moving `direction` (+1: to the left) and cross-fading.
    views::drawBackground(ctx);
    if (e < 1) drawSlot(ctx, Placement{1 - e, -shift * e, 0, false}, plan, fp.outgoing, layers);
    drawSlot(ctx, Placement{e, shift * (1 - e), 0, true}, plan, fp.incoming, layers);
  }
  // Slides never draw into the header's band, so its layer can go on top of them unblended.
  if (header && header->texture) {
    views::drawLayer(ctx, header->texture, {}, l.header.bottom());
    ctx.report.hits.insert(ctx.report.hits.end(), header->hits.begin(), header->hits.end());
  } else {
    views::drawHeader(ctx, views::HeaderKind::Rotation);
  }
  if (!st.pinnedSlot && fp.incoming.slot < plan.slots.size())
    views::drawProgress(ctx, fp.position.progress, slotAccent(ctx, plan.slots[fp.incoming.slot]));
  drawTouchStrip(ctx, plan, fp);
}

}  // namespace

namespace {

void composeBelowBanner(const views::ViewContext& ctx, const core::RotationPlan& plan, const core::FramePlan& fp,
                        const FrameRequest& req, const std::vector<SlideLayer>* layers, const SlideLayer* header);

}  // namespace

namespace {

const core::Announcement* takeoverOf(const core::FramePlan& fp, const FrameRequest& req) {
  if (req.announcement) return req.announcement;
  return req.view == View::Auto || req.view == View::Announcement ? fp.announcement : nullptr;
}

const core::Announcement* bannerOf(const core::FramePlan& fp, const FrameRequest& req) {
  if (takeoverOf(fp, req)) return nullptr;
  return req.banner ? req.banner : fp.banner;
}

}  // namespace

core::Layout frameLayout(const views::ViewContext& ctx, const core::FramePlan& fp, const FrameRequest& req) {
  const core::Announcement* banner = bannerOf(fp, req);
  if (!banner) return ctx.layout;
  return core::reserveBanner(ctx.layout, views::bannerHeight(ctx, *banner), banner->bannerTop);
}

void composeFrame(const views::ViewContext& ctx, const core::RotationPlan& plan, const core::FramePlan& fp,
                  const FrameRequest& req, const std::vector<SlideLayer>* layers, const SlideLayer* header) {
  if (const core::Announcement* ann = takeoverOf(fp, req)) {
    views::drawBackground(ctx);
    views::drawAnnouncement(ctx, {}, *ann);
    // An emergency is the whole screen; an important announcement keeps the clock and languages.
    if (ann->level != core::Level::Emergency) views::drawHeader(ctx, views::HeaderKind::Announcement);
    return;
  }
  composeBelowBanner(ctx, plan, fp, req, layers, header);
  // An info banner lies over the rotation and the browsing views alike; touch goes on beneath.
  if (const core::Announcement* banner = bannerOf(fp, req)) views::drawBanner(ctx, *banner);
}

namespace {

void composeBelowBanner(const views::ViewContext& ctx, const core::RotationPlan& plan, const core::FramePlan& fp,
                        const FrameRequest& req, const std::vector<SlideLayer>* layers, const SlideLayer* header) {
  const core::PlayerState& st = ctx.state;
  if (req.view == View::Auto && st.mode == core::Mode::Rotation) {
    composeRotation(ctx, plan, fp, layers, header);
    return;
  }
  views::drawBackground(ctx);
  switch (req.view.screen) {
    case View::Screen::Slide:
      // One kind of slide at rest; a spotlight's progress bar in its project's colour.
      views::drawSlide(ctx, {}, req.view.slide, req.project, 0, req.room, req.item);
      views::drawHeader(ctx, views::HeaderKind::Rotation);
      views::drawProgress(ctx, fp.position.progress, projectAccent(ctx, req.project));
      return;
    case View::Screen::FieldList:
      views::drawFieldList(ctx, {});
      views::drawHeader(ctx, views::HeaderKind::Browsing);
      drawTouchStrip(ctx, plan, fp);
      return;
    case View::Screen::Detail:
      views::drawDetail(ctx, {});
      views::drawHeader(ctx, views::HeaderKind::Browsing);
      drawTouchStrip(ctx, plan, fp);
      return;
    case View::Screen::Programme:
      views::drawProgramme(ctx, {});
      views::drawHeader(ctx, views::HeaderKind::Browsing);
      drawTouchStrip(ctx, plan, fp);
      return;
    case View::Screen::Event:
      views::drawEvent(ctx, {});
      views::drawHeader(ctx, views::HeaderKind::Browsing);
      drawTouchStrip(ctx, plan, fp);
      return;
    case View::Screen::Announcement:
    case View::Screen::Auto: break;
  }
  if (req.view != View::Auto) {
    views::drawHeader(ctx, views::HeaderKind::Rotation);
    views::drawProgress(ctx, fp.position.progress, {244, 245, 247});
    return;
  }

  const float e = core::easeOut(core::spanFraction(st.changedAt, fp.now, core::kViewTransition));
  const Placement at{e, ctx.layout.width * 0.05f * (1 - e) * (st.direction < 0 ? -1.f : 1.f), 0, true};
  switch (st.mode) {
    case core::Mode::Fields: views::drawFields(ctx, at); break;
    case core::Mode::FieldList: views::drawFieldList(ctx, at); break;
    case core::Mode::Detail: views::drawDetail(ctx, at); break;
    case core::Mode::Programme: views::drawProgramme(ctx, at); break;
    case core::Mode::Event: views::drawEvent(ctx, at); break;
    case core::Mode::Rotation: break;
  }
  views::drawHeader(ctx, views::HeaderKind::Browsing);
  drawTouchStrip(ctx, plan, fp);
}

}  // namespace

}  // namespace sf::player
