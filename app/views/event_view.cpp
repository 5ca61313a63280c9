// One talk in full: track, title, subtitle, day and time, room, speakers, language, abstract,
// a QR code for its link and what follows in its room. Scrolls when taller than the screen.
#include <algorithm>
#include <cmath>

#include "core/show/programme.hpp"
#include "core/show/ui_text.hpp"
#include "draw.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;
using core::Ui;

namespace {

float labelled(const Pen& pen, float x, float y, float w, const char* label, std::string_view value) {
  if (value.empty()) return 0;
  drawLine(pen, x, y, w, label, {FontRole::Small, pen.pal.faint});
  const float h = pen.size(FontRole::Small) * 1.45f;
  return h + drawText(pen, {x, y + h, w, 1e6f}, value, {FontRole::Body, pen.pal.text, 1.35f, 0}) + pen.ctx.layout.gap * 0.6f;
}

// The side column: QR code for the link, then the room's next talks. Returns its height.
float side(const Pen& pen, const core::Event& e, const Rect& col) {
  const ViewContext& ctx = pen.ctx;
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  float y = col.y;
  if (ctx.eventQr && ctx.eventQr->size > 0) {
    const float side = std::round(std::min(col.w, pen.size(FontRole::Body) * 9));
    pen.rect({col.x, y, side, side}, {255, 255, 255}, l.radius);
    drawQr(pen, Rect{col.x, y, side, side}.inset(side * 0.06f), *ctx.eventQr);
    y += side + l.gap * 0.3f;
    drawLine(pen, col.x, y, col.w, core::ui(Ui::ScanForMore, lang), {FontRole::Small, pen.pal.muted});
    y += pen.size(FontRole::Small) * 1.5f + l.gap;
  }
  if (e.room.empty()) return y - col.y;
  bool first = true;
  int shown = 0;
  char when[96];
  const core::Date today = core::conferenceDay(ctx.now, ctx.feed.zone);
  for (std::size_t i = 0; i < ctx.feed.events.size() && shown < 4; ++i) {
    const core::Event& o = ctx.feed.events[i];
    if (o.start < e.end || o.id == e.id || core::roomKeyOf(o, ctx.feed) != core::roomKeyOf(e, ctx.feed)) continue;
    if (first) {
      drawLine(pen, col.x, y, col.w, core::ui(Ui::NextInRoom, lang), {FontRole::Small, pen.pal.faint});
      y += pen.size(FontRole::Small) * 1.5f;
      first = false;
    }
    const Rect row{col.x, y, col.w, 0};
    core::formatEventWhen(o, today, ctx.feed.zone, lang, when, sizeof when);
    float h = drawText(pen, {row.x, y, col.w, 1e6f}, when, {FontRole::Small, pen.pal.muted, 1.4f, 1});
    h += drawText(pen, {row.x, y + h, col.w, 1e6f}, o.title.in(lang), {FontRole::Body, pen.pal.text, 1.3f, 2});
    pen.hit({row.x, y, col.w, std::max(h, l.minTarget)}, {core::ActionKind::OpenEvent, i});
    y += std::max(h, l.minTarget) + l.gap * 0.4f;
    ++shown;
  }
  return y - col.y;
}

}  // namespace

void drawEvent(const ViewContext& ctx, const Placement& at) {
  const core::Event* found = ctx.feed.findEvent(ctx.state.event);
  if (!found) return;
  const core::Event& e = *found;
  const core::Feed& feed = ctx.feed;
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  const float viewEnd = l.content.bottom();  // below: the pause pill, and in portrait the controls
  const Rect view{0, l.header.bottom() + 1, static_cast<float>(l.width), viewEnd - l.header.bottom() - 1};
  Pen pen(ctx, at);
  pen.at.clip = view;
  pen.dl->PushClipRect(pen.pos(view.x, view.y), pen.pos(view.right(), view.bottom()), true);

  const float top = l.content.y + l.gap * 0.5f - ctx.state.scroll;
  const bool twoColumns = !l.portrait && l.width >= 1000;
  const float sideW = twoColumns ? std::round(l.content.w * 0.3f) : l.content.w;
  const Rect main{l.content.x, top, twoColumns ? l.content.w - sideW - l.gap * 1.5f : l.content.w, 1e6f};
  float y = main.y;
  char buf[256], when[96];

  // Pills: track in its colour, cancelled.
  float px = main.x;
  if (const core::Track* t = feed.findTrack(e.track)) {
    const Rect r = pill(pen, px, y, main.w, t->name.in(lang), t->color.value_or(pen.pal.surfaceHigh));
    px = r.right() + l.gap * 0.3f;
  }
  if (e.cancelled) px = pill(pen, px, y, main.w - (px - main.x), core::ui(Ui::Cancelled, lang), pen.pal.live).right();
  if (px > main.x) y += pillSize(pen, "X").h + l.gap * 0.5f;

  y += drawText(pen, {main.x, y, main.w, 1e6f}, e.title.in(lang), {FontRole::Display, e.cancelled ? pen.pal.muted : pen.pal.text, 1.12f, 0});
  if (!e.subtitle.empty())
    y += drawText(pen, {main.x, y, main.w, 1e6f}, e.subtitle.in(lang), {FontRole::Heading, pen.pal.muted, 1.3f, 0});
  y += l.gap * 0.5f;

  // When: the day (always named on the talk's own page) and the time; "in 12 min" when soon.
  const core::Date day = core::conferenceDay(e.start, feed.zone);
  core::formatDayTab(day, lang, when, sizeof when);
  char time[64], soon[32];
  core::formatEventTime(e, feed.zone, lang, time, sizeof time);
  if (!e.allDay && core::formatStartsIn(e.start, ctx.now, core::kSoonWindow, soon, sizeof soon))
    std::snprintf(buf, sizeof buf, "%s  ·  %s  ·  %s", when, time, soon);
  else if (e.allDay) std::snprintf(buf, sizeof buf, "%s", time);
  else std::snprintf(buf, sizeof buf, "%s  ·  %s", when, time);
  y += drawText(pen, {main.x, y, main.w, 1e6f}, buf, {FontRole::Heading, pen.pal.text, 1.3f, 0}) + l.gap * 0.6f;

  const float half = twoColumns ? (main.w - l.gap) * 0.5f : main.w;
  const float rowY = y;
  float colA = labelled(pen, main.x, y, half, core::ui(Ui::Room, lang), e.room.in(lang));
  char speakers[512];
  core::formatSpeakers(e, speakers, sizeof speakers, true);
  float colB = 0;
  if (twoColumns) {
    colB = labelled(pen, main.x + half + l.gap, rowY, half, core::ui(Ui::Speakers, lang), speakers);
    colB += labelled(pen, main.x + half + l.gap, rowY + colB, half, core::ui(Ui::Language, lang), e.language);
    y = rowY + std::max(colA, colB);
  } else {
    y += colA;
    y += labelled(pen, main.x, y, main.w, core::ui(Ui::Speakers, lang), speakers);
    y += labelled(pen, main.x, y, main.w, core::ui(Ui::Language, lang), e.language);
  }
  if (!e.description.empty()) {
    y += l.gap * 0.3f;
    y += drawText(pen, {main.x, y, std::min(main.w, pen.size(FontRole::Body) * 38), 1e6f}, e.description.in(lang),
                  {FontRole::Body, pen.pal.text, 1.5f, 0});
  }
  float contentBottom = y;
  if (twoColumns) {
    contentBottom = std::max(contentBottom, top + side(pen, e, {main.right() + l.gap * 1.5f, top, sideW, 1e6f}));
  } else {
    y += l.gap;
    pen.rect({main.x, y, main.w, 1}, pen.pal.line);
    y += l.gap;
    contentBottom = y + side(pen, e, {main.x, y, main.w, 1e6f});
  }
  pen.dl->PopClipRect();
  ctx.report.scrollContent = contentBottom + ctx.state.scroll - view.y + l.gap * 1.5f;
  ctx.report.scrollViewport = view.h;
  pen.at.clip = {};
  drawScrollThumb(pen, view, ctx.report.scrollContent, ctx.report.scrollContent - view.h, ctx.state.scroll);
}

}  // namespace sf::views
