// The programme's second arrangement on wide screens: rooms side by side, time running down, each
// talk a block as long as it lasts, a page of rooms at a time; what a printed congress grid shows.
#include "programme_grid.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/show/programme.hpp"
#include "core/show/ui_text.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;
using core::Ui;

namespace {

struct GridGeometry {
  float timeW = 0, colW = 0, x0 = 0, headerH = 0, bodyY = 0, bodyH = 0, perMinute = 0;
  float top = 0;  // room above the first hour line for its label
  std::size_t first = 0, count = 0, pages = 1, page = 0;
  core::Instant from{};
  int minutes = 0;
  float yOf(core::Instant t, float scroll) const {
    return bodyY + top + static_cast<float>(std::chrono::duration_cast<std::chrono::minutes>(t - from).count()) * perMinute - scroll;
  }
};

GridGeometry gridGeometry(const Pen& pen, const core::ProgrammeListing& listing, const Rect& viewport) {
  const ViewContext& ctx = pen.ctx;
  const core::Layout& l = ctx.layout;
  GridGeometry g;
  g.timeW = std::ceil(textWidth(pen, FontRole::Small, "00:00") + l.gap * 0.8f);
  g.headerH = std::round(l.minTarget * 1.1f);
  const float pager = l.minTarget * 1.25f + l.gap * 0.3f;  // the "next rooms" button at the header's end
  const float minColW = std::max(pen.size(FontRole::Body) * 9.5f, 230 * l.scale);
  const std::size_t rooms = listing.gridRooms.size();
  std::size_t perPage = std::max<std::size_t>(1, static_cast<std::size_t>((viewport.w - g.timeW) / minColW));
  if (perPage < rooms) perPage = std::max<std::size_t>(1, static_cast<std::size_t>((viewport.w - g.timeW - pager) / minColW));
  g.pages = std::max<std::size_t>(1, (rooms + perPage - 1) / perPage);
  g.page = std::min(ctx.state.programme.roomPage, g.pages - 1);
  g.first = g.page * perPage;
  g.count = std::min(perPage, rooms - g.first);
  g.x0 = viewport.x + g.timeW;
  // One page of rooms fills the width; pages keep their columns' width, so the next page lines up.
  const float across = viewport.w - g.timeW - (g.pages > 1 ? pager : 0);
  g.colW = std::floor(across / static_cast<float>(g.pages > 1 ? perPage : g.count));
  g.bodyY = viewport.y + g.headerH + l.gap * 0.3f;
  g.bodyH = viewport.bottom() - g.bodyY;
  g.top = std::round(pen.size(FontRole::Small) * 0.8f);
  // Whole hours around the day's talks, an hour as tall as five lines of body text.
  const core::LocalDateTime a = ctx.feed.zone.toLocal(listing.gridFrom);
  g.from = listing.gridFrom - std::chrono::minutes(a.minute) - std::chrono::seconds(a.second);
  g.minutes = static_cast<int>(std::ceil(std::chrono::duration<double, std::ratio<60>>(listing.gridTo - g.from).count() / 60.0) * 60);
  g.perMinute = pen.size(FontRole::Body) * 7.f / 60.f;  // a 45-minute talk holds two lines of title
  return g;
}

// The room names over the columns, with the buttons to the other pages of rooms.
void gridHeader(const Pen& pen, const core::ProgrammeListing& listing, const GridGeometry& g, const Rect& viewport) {
  const ViewContext& ctx = pen.ctx;
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  for (std::size_t c = 0; c < g.count; ++c) {
    const core::RoomKey& room = listing.rooms[listing.gridRooms[g.first + c]];
    const float x = g.x0 + c * g.colW;
    drawText(pen, {x + l.gap * 0.2f, viewport.y + (g.headerH - pen.size(FontRole::Body) * 1.2f) * 0.5f, g.colW - l.gap * 0.4f, g.headerH},
             room.name->in(lang), {FontRole::Body, pen.pal.text, 1.2f, 1});
  }
  if (g.pages <= 1) return;
  const float bw = l.minTarget * 1.25f, bh = l.minTarget;
  const float y = viewport.y + (g.headerH - bh) * 0.5f;
  // The earlier rooms' arrow sits in the time column, the later rooms' at the header's end.
  if (g.page > 0)
    button(pen, {viewport.x, y, std::min(bw, g.timeW - l.gap * 0.2f), bh}, "\xE2\x86\x90", {core::ActionKind::ProgrammeRoomPage, g.page - 1},
           pen.pal.surfaceHigh, FontRole::Body);
  if (g.page + 1 < g.pages)
    button(pen, {viewport.right() - bw, y, bw, bh}, "\xE2\x86\x92", {core::ActionKind::ProgrammeRoomPage, g.page + 1}, pen.pal.surfaceHigh,
           FontRole::Body);
}

// One talk as a block in its room's column, as long as it lasts.
void gridTalk(const Pen& pen, const core::Event& e, std::size_t index, const Rect& r) {
  const ViewContext& ctx = pen.ctx;
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  pen.rect(r, pen.pressed(r) ? pen.pal.surfaceHigh : pen.pal.surface, l.radius * 0.6f);
  pen.rect({r.x, r.y, std::max(4.f, l.radius * 0.4f), r.h}, trackColor(ctx.feed, e, pen.pal.line), l.radius * 0.3f);
  const float pad = std::round(l.gap * 0.3f);
  const float ix = r.x + pad * 1.8f, iw = r.w - pad * 2.6f;
  char when[48];
  core::formatEventTime(e, ctx.feed.zone, lang, when, sizeof when);
  const float smallH = pen.size(FontRole::Small) * 1.3f;
  const float titleRoom = r.h - pad * 2 - smallH;
  const int lines = std::max(1, static_cast<int>(titleRoom / (pen.size(FontRole::Body) * 1.2f)));
  float y = r.y + pad;
  if (r.h >= pad * 2 + smallH + pen.size(FontRole::Body)) {
    drawLine(pen, ix, y, iw, when, {FontRole::Small, pen.pal.muted});
    y += smallH;
  }
  drawText(pen, {ix, y, iw, std::max(pen.size(FontRole::Body) * 1.2f, r.bottom() - y - pad)}, e.title.in(lang),
           {FontRole::Body, e.cancelled ? pen.pal.faint : pen.pal.text, 1.2f, std::min(lines, 4)});
  pen.hit(r, {core::ActionKind::OpenEvent, index});
}

}  // namespace

void drawProgrammeGrid(Pen& pen, const core::ProgrammeListing& listing, const Rect& viewport) {
  const ViewContext& ctx = pen.ctx;
  const core::PlayerState& st = ctx.state;
  const core::Feed& feed = ctx.feed;
  const core::Layout& l = ctx.layout;
  const std::string& lang = st.language;
  if (listing.gridRooms.empty()) {
    drawLine(pen, viewport.x, viewport.y + l.gap, viewport.w, core::ui(Ui::NothingMatches, lang), {FontRole::Heading, pen.pal.muted});
    return;
  }
  const GridGeometry g = gridGeometry(pen, listing, viewport);
  gridHeader(pen, listing, g, viewport);
  const float content = g.top + g.minutes * g.perMinute + l.gap;
  ctx.report.scrollContent = content;
  ctx.report.scrollViewport = g.bodyH;

  const Rect body{viewport.x, g.bodyY, viewport.w, g.bodyH};
  pen.at.clip = body;
  pen.dl->PushClipRect(pen.pos(body.x, body.y), pen.pos(body.right(), body.bottom()), true);
  char buf[64];
  // Hour lines, labelled in the time column.
  for (int m = 0; m <= g.minutes; m += 60) {
    const float y = g.bodyY + g.top + m * g.perMinute - st.scroll;
    if (y < body.y - pen.size(FontRole::Small) || y > body.bottom()) continue;
    const core::LocalDateTime t = feed.zone.toLocal(g.from + std::chrono::minutes(m));
    std::snprintf(buf, sizeof buf, "%02d:00", t.hour);
    drawLine(pen, viewport.x, y - pen.size(FontRole::Small) * 0.55f, g.timeW - l.gap * 0.3f, buf, {FontRole::Small, pen.pal.muted});
    pen.rect({g.x0, y, g.count * g.colW, 1}, pen.pal.line);
  }
  // Where now is, on today's grid: under the talks, so their titles stay whole.
  if (listing.programme.today && ctx.now >= g.from && ctx.now <= g.from + std::chrono::minutes(g.minutes)) {
    const float y = g.yOf(ctx.now, st.scroll);
    pen.rect({g.x0 - l.gap * 0.3f, y - 1.5f, l.gap * 0.3f + g.count * g.colW, 3}, pen.pal.live, 1.5f);
    pen.dl->AddCircleFilled(pen.pos(g.x0 - l.gap * 0.3f, y), std::max(4.f, l.scale * 6), pen.color(pen.pal.live), 16);
  }
  const float gap = std::max(2.f, std::round(l.gap * 0.15f));
  for (const core::ProgrammeSlot& slot : listing.programme.slots)
    for (std::size_t i : slot.events) {
      const int c = listing.column[i];
      if (c < static_cast<int>(g.first) || c >= static_cast<int>(g.first + g.count)) continue;
      const core::Event& e = feed.events[i];
      const float y0 = g.yOf(e.start, st.scroll), y1 = g.yOf(std::max(e.end, e.start + std::chrono::minutes(15)), st.scroll);
      if (y1 < body.y || y0 > body.bottom()) continue;
      gridTalk(pen, e, i, {g.x0 + (c - static_cast<int>(g.first)) * g.colW + gap, y0 + gap, g.colW - 2 * gap, y1 - y0 - 2 * gap});
    }
  pen.dl->PopClipRect();
  pen.at.clip = {};
  drawScrollThumb(pen, body, content, content - body.h, st.scroll);
}

}  // namespace sf::views
