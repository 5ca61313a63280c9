// A room's door screen: the room's name large, the talk on now (speakers, progress, end, on a
// wide screen what it is about), the next one ("in 12 min" or its time; beside it on a wide
// screen), the rest of the day, "Done for today" with the next day's first talk, the whole day as
// a strip of blocks where there is room, and what runs in the other rooms now.
#include <algorithm>
#include <cmath>

#include "core/show/room_screen.hpp"
#include "core/show/ui_text.hpp"
#include "draw.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;
using core::Ui;

namespace {

// A talk as the big card shows it: label line, title, speakers, and on a tall screen the first
// lines of what it is about. Returns the height used.
float talk(const Pen& pen, const core::Event& e, float x, float y, float w, const char* label, core::Rgb labelColor,
           FontRole titleRole, int titleLines, int aboutLines = 0) {
  const ViewContext& ctx = pen.ctx;
  const std::string& lang = ctx.state.language;
  float h = 0;
  drawLine(pen, x, y, w, label, {FontRole::Body, labelColor});
  h += pen.size(FontRole::Body) * 1.45f;
  h += drawText(pen, {x, y + h, w, 1e6f}, e.title.in(lang), {titleRole, pen.pal.text, 1.15f, titleLines});
  char speakers[256];
  core::formatSpeakers(e, speakers, sizeof speakers);
  if (speakers[0]) h += drawText(pen, {x, y + h + 2, w, 1e6f}, speakers, {FontRole::Heading, pen.pal.muted, 1.3f, 1}) + 2;
  const std::string& about = e.description.in(lang);
  if (aboutLines > 0 && !about.empty()) {
    h += ctx.layout.gap * 0.4f;
    h += drawText(pen, {x, y + h, w, 1e6f}, about, {FontRole::Body, pen.pal.muted, 1.4f, aboutLines});
  }
  return h;
}

// The rest of the day in this room, as many as fit, then "+N more". Returns where it ended.
float restOfDay(const Pen& pen, const core::RoomScreen& rs, const Rect& restCol) {
  const ViewContext& ctx = pen.ctx;
  const core::Feed& feed = ctx.feed;
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  char buf[192];
  float ry = restCol.y;
  if (!rs.laterToday.empty() && restCol.h > pen.size(FontRole::Heading) * 2.5f) {
    drawLine(pen, restCol.x, ry, restCol.w, core::ui(Ui::RestOfDay, lang), {FontRole::Small, pen.pal.faint});
    ry += pen.size(FontRole::Small) * 1.6f;
    const FontRole role = l.compact ? FontRole::Body : FontRole::Heading;
    const float timeW = std::ceil(textWidth(pen, role, "00:00") + l.gap * 0.6f);
    const float rowH = std::round(pen.size(role) * 1.75f);
    std::size_t drawn = 0;
    for (const core::Event* e : rs.laterToday) {
      if (ry + rowH > restCol.bottom()) break;
      if (ry + rowH * 2 > restCol.bottom() && rs.laterToday.size() - drawn > 1) {
        core::formatMore(rs.laterToday.size() - drawn, lang, buf, sizeof buf);
        drawLine(pen, restCol.x + timeW, ry, restCol.w - timeW, buf, {role, pen.pal.muted});
        break;
      }
      const core::LocalDateTime t = feed.zone.toLocal(e->start);
      std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
      drawLine(pen, restCol.x, ry, timeW, buf, {role, pen.pal.muted});
      float tx = restCol.x + timeW;
      if (e->cancelled) tx = pill(pen, tx, ry, restCol.w * 0.4f, core::ui(Ui::Cancelled, lang), pen.pal.live).right() + l.gap * 0.3f;
      drawLine(pen, tx, ry, restCol.right() - tx, e->title.in(lang), {role, e->cancelled ? pen.pal.faint : pen.pal.text});
      ry += rowH;
      ++drawn;
    }
  }
  return ry;
}

// Under the talks (on a wide screen, their second column): while a talk is on there
// (`withNext`) the next talk in this room with its time and speakers; the rest of the day; and
// when the day holds no more after the next talk, the next day's first one. Returns where it ended.
float nextColumn(const Pen& pen, const core::RoomScreen& rs, const Rect& col, core::Date today, bool withNext) {
  const ViewContext& ctx = pen.ctx;
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  char buf[192], when[96];
  float y = col.y + (withNext ? std::round(l.gap * 0.6f) : 0);  // level with the card's label beside it
  if (rs.next && withNext) {
    char soon[32];
    if (!core::formatStartsIn(rs.next->start, ctx.now, core::kSoonWindow, soon, sizeof soon))
      core::formatEventWhen(*rs.next, today, ctx.feed.zone, lang, soon, sizeof soon);
    std::snprintf(buf, sizeof buf, "%s · %s", core::ui(Ui::NextInRoom, lang), soon);
    // What it is about while the column has the room: nothing else follows today.
    const int about = rs.laterToday.empty() ? (l.compact ? 2 : 4) : 0;
    y += talk(pen, *rs.next, col.x, y, col.w, buf, pen.pal.amber, FontRole::Title, 3, about) + l.gap * 1.2f;
  }
  y = restOfDay(pen, rs, {col.x, y, col.w, col.bottom() - y});
  // The next day's first talk, when today has nothing after the next one.
  const float need = pen.size(FontRole::Body) * 1.45f + lineHeightPx(pen, {FontRole::Heading, std::nullopt, 1.15f}) * 2 +
                     pen.size(FontRole::Heading) * 1.3f;
  if (rs.next && rs.laterToday.empty() && rs.nextDayFirst && y + l.gap + need <= col.bottom()) {
    if (y > col.y) {
      y += l.gap * 0.4f;
      pen.rect({col.x, y, col.w, 1}, pen.pal.line);
      y += l.gap * 0.6f;
    }
    core::formatEventWhen(*rs.nextDayFirst, today, ctx.feed.zone, lang, when, sizeof when);
    std::snprintf(buf, sizeof buf, "%s · %s", core::ui(Ui::NextDay, lang), when);
    y += talk(pen, *rs.nextDayFirst, col.x, y, col.w, buf, pen.pal.muted, FontRole::Heading, 2);
  }
  return y;
}

// How tall the strip of the day is drawn: its label and one row of blocks (time, two title lines).
float dayStripHeight(const Pen& pen) {
  const float pad = std::round(pen.ctx.layout.gap * 0.35f);
  return pen.size(FontRole::Small) * 1.6f + pad * 2 + pen.size(FontRole::Small) * 1.5f +
         lineHeightPx(pen, {FontRole::Body, std::nullopt, 1.25f}) * 2;
}

// The room's whole day as a strip of blocks placed by the clock: what is over is dimmed, the talk
// on now lit with its progress along its foot, cancelled ones say so. Read at a glance from the
// corridor, it also fills the height a short programme leaves. Nothing when the day does not fit.
void dayStrip(const Pen& pen, const core::RoomScreen& rs, const Rect& band) {
  const ViewContext& ctx = pen.ctx;
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  const float pad = std::round(l.gap * 0.35f), gap = std::round(l.gap * 0.25f);
  const float minW = std::ceil(textWidth(pen, FontRole::Small, "00:00") + pad * 2);
  constexpr std::size_t kMaxBlocks = 24;
  core::DayBlock blocks[kMaxBlocks];
  if (rs.today.size() < 2 || !core::placeDayBlocks(rs.today, band.x, band.w, minW, gap, blocks, kMaxBlocks)) return;
  drawLine(pen, band.x, band.y, band.w, core::ui(Ui::TodayInRoom, lang), {FontRole::Small, pen.pal.faint});
  const float top = band.y + pen.size(FontRole::Small) * 1.6f, h = band.bottom() - top;
  char time[16];
  for (std::size_t i = 0; i < rs.today.size(); ++i) {
    const core::Event& e = *rs.today[i];
    const Rect b{std::round(blocks[i].x), top, std::round(blocks[i].w), h};
    const bool past = e.end <= ctx.now, now = &e == rs.current;
    pen.rect(b, now ? pen.pal.surfaceHigh : pen.pal.surface, l.radius * 0.5f);
    if (now) {
      pen.rect({b.x, b.y, 5, b.h}, pen.pal.live, 2);
      // How far it has got, along the block's foot, where its text stays clear.
      pen.rect({b.x, b.bottom() - 5, std::round(b.w * static_cast<float>(std::clamp(rs.progress, 0.0, 1.0))), 5}, pen.pal.live, 2);
    } else if (!past && !e.cancelled) {
      pen.rect({b.x, b.y, b.w, 3}, trackColor(ctx.feed, e, pen.pal.amber), 1);
    }
    core::formatClock(ctx.feed.zone.toLocal(e.start), time, sizeof time, false);
    const core::Rgb ink = past || e.cancelled ? pen.pal.faint : pen.pal.text;
    const float tx = b.x + pad, tw = b.w - pad * 2;
    const char* label = e.cancelled ? core::ui(Ui::Cancelled, lang) : time;
    drawLine(pen, tx, b.y + pad, tw, label, {FontRole::Small, e.cancelled || now ? pen.pal.live : pen.pal.muted});
    drawText(pen, {tx, b.y + pad + pen.size(FontRole::Small) * 1.5f, tw, 1e6f}, e.title.in(lang), {FontRole::Body, ink, 1.25f, 2});
  }
}

// What is on in the other rooms now: a strip under the room's own talks.
void otherRoomsStrip(const Pen& pen, const core::RoomScreen& rs, float bottom, std::size_t stripRows, float stripRowH) {
  const ViewContext& ctx = pen.ctx;
  const core::Feed& feed = ctx.feed;
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  const Rect area = l.content;
  char buf[192];
  if (stripRows) {
    float sy = bottom + l.gap * 0.4f;
    pen.rect({area.x, sy - l.gap * 0.2f, area.w, 1}, pen.pal.line);
    drawLine(pen, area.x, sy, area.w, core::ui(Ui::OtherRoomsNow, lang), {FontRole::Small, pen.pal.faint});
    sy += pen.size(FontRole::Small) * 1.6f;
    const float roomW = std::round(area.w * (l.portrait ? 0.32f : 0.24f));
    for (std::size_t i = 0; i < stripRows; ++i) {
      const core::Event& e = *rs.otherRoomsNow[i];
      const bool more = i + 1 == stripRows && rs.otherRoomsNow.size() > stripRows;
      pen.rect({area.x, sy + stripRowH * 0.2f, 5, stripRowH * 0.6f}, trackColor(feed, e, pen.pal.amber), 2);
      drawLine(pen, area.x + l.gap * 0.5f, sy, roomW - l.gap, e.room.in(lang), {FontRole::Body, pen.pal.muted});
      float titleW = area.w - roomW;
      if (more) {
        core::formatMore(rs.otherRoomsNow.size() - stripRows, lang, buf, sizeof buf);
        const float mw = textWidth(pen, FontRole::Body, buf);
        drawLine(pen, area.right() - mw, sy, mw + 1, buf, {FontRole::Body, pen.pal.faint});
        titleW -= mw + l.gap;
      }
      drawLine(pen, area.x + roomW, sy, titleW, e.title.in(lang), {FontRole::Body, pen.pal.text});
      sy += stripRowH;
    }
  }
}

}  // namespace

void drawRoom(const ViewContext& ctx, const Placement& at, std::string_view entry) {
  const core::Feed& feed = ctx.feed;
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  const Pen pen(ctx, at);
  const core::RoomBinding binding = core::bindRoom(feed, entry);
  const core::RoomScreen rs = core::roomScreenAt(feed, binding, ctx.now);
  const core::Date today = core::conferenceDay(ctx.now, feed.zone);
  const Rect area = l.content;
  char buf[192], when[96];

  // The room's name, large; its place beside it.
  float y = area.y + l.gap * 0.2f;
  const std::string_view name = binding.found() ? std::string_view{binding.name->in(lang)} : entry;
  y += drawText(pen, {area.x, y, area.w, 1e6f}, name, {FontRole::Display, pen.pal.text, 1.1f, 1});
  if (binding.room && !(binding.room->building.empty() && binding.room->floor.empty())) {
    std::snprintf(buf, sizeof buf, "%s%s%s", binding.room->building.in(lang).c_str(),
                  binding.room->building.empty() || binding.room->floor.empty() ? "" : " · ", binding.room->floor.in(lang).c_str());
    y += drawText(pen, {area.x, y, area.w, 1e6f}, buf, {FontRole::Body, pen.pal.muted, 1.3f, 1});
  }
  y += l.gap * 0.6f;

  // The strip of other rooms at the bottom, when something runs there.
  const float stripRowH = std::round(pen.size(FontRole::Body) * 1.45f);
  const std::size_t stripRows = rs.otherRoomsNow.empty() ? 0 : std::min<std::size_t>(rs.otherRoomsNow.size(), l.compact ? 2 : (l.portrait ? 5 : 3));
  const float stripH = stripRows ? pen.size(FontRole::Small) * 1.6f + stripRows * stripRowH + l.gap * 0.8f : 0;
  const float bottom = area.bottom() - stripH;

  const bool twoColumns = !l.portrait && l.width >= 1000;
  const float mainW = twoColumns ? std::round(area.w * 0.6f) : area.w;
  const Rect mainCol{area.x, y, mainW, bottom - y};
  Rect restCol = twoColumns ? Rect{area.x + mainW + l.gap * 1.5f, y, area.w - mainW - l.gap * 1.5f, bottom - y} : Rect{};
  float my = mainCol.y;
  // Read from across a corridor: the talk on now in the largest type that keeps two lines.
  const FontRole big = l.compact ? FontRole::Title : FontRole::Display;
  // A portrait door screen has the height for what the talks are about; a wide one has the
  // second column for the rest of the day.
  const bool tall = l.portrait && !l.compact;

  switch (rs.phase) {
    case core::RoomPhase::During: {
      const core::Event& e = *rs.current;
      const Rect card{mainCol.x, my, mainCol.w, 0};
      const float pad = std::round(l.gap * 0.6f);
      const float textW = card.w - pad * 2.5f;
      // Beside the second column the card runs down the screen: what the talk is about, in as
      // many lines as the column holds under its title, speakers and progress.
      int about = tall ? 5 : 0;
      if (twoColumns) {
        const TextStyle titleStyle{big, pen.pal.text, 1.15f, 2};
        const float fixed = pad * 2 + pen.size(FontRole::Body) * 1.45f +
                            countLines(pen, titleStyle, textW, e.title.in(lang), 2) * lineHeightPx(pen, titleStyle) +
                            pen.size(FontRole::Heading) * 1.3f + 4 + l.gap * 0.9f + pen.size(FontRole::Body) * 0.8f;
        about = std::clamp(static_cast<int>(std::floor((mainCol.h - fixed) / lineHeightPx(pen, {FontRole::Body, std::nullopt, 1.4f}))) - 1, 0, 8);
      }
      float h = talk(pen, e, card.x + pad * 1.5f, my + pad, textW, core::ui(Ui::HappeningNow, lang), pen.pal.live, big, 2, about);
      // Progress and the end time.
      const float barY = my + pad + h + l.gap * 0.5f;
      core::formatEnds(e.end, feed.zone, lang, buf, sizeof buf);
      const float endW = textWidth(pen, FontRole::Body, buf);
      const float barW = card.w - pad * 4 - endW - l.gap;
      pen.rect({card.x + pad * 1.5f, barY, barW, 8}, pen.pal.surfaceHigh, 4);
      pen.rect({card.x + pad * 1.5f, barY, static_cast<float>(barW * std::clamp(rs.progress, 0.0, 1.0)), 8}, trackColor(feed, e, pen.pal.amber), 4);
      drawLine(pen, card.x + pad * 1.5f + barW + l.gap, barY + 4 - pen.size(FontRole::Body) * 0.6f, endW + 2, buf, {FontRole::Body, pen.pal.muted});
      const float cardH = barY + pen.size(FontRole::Body) * 0.8f + pad - my;
      pen.dl->AddRect(pen.pos(card.x, my), pen.pos(card.right(), my + cardH), pen.color(pen.pal.line), l.radius, 0, 2);
      pen.rect({card.x, my, 6, cardH}, pen.pal.live, 3);
      my += cardH + l.gap;
      break;
    }
    case core::RoomPhase::DoneForToday:
    case core::RoomPhase::NotToday:
    case core::RoomPhase::NoTalks: {
      const Ui head = rs.phase == core::RoomPhase::DoneForToday ? Ui::DoneForToday
                      : rs.phase == core::RoomPhase::NotToday  ? Ui::NotToday
                                                               : Ui::NoTalksHere;
      my += drawText(pen, {mainCol.x, my, mainCol.w, 1e6f}, core::ui(head, lang), {big, pen.pal.amber, 1.2f, 2}) + l.gap * 0.6f;
      if (rs.nextDayFirst) {
        core::formatEventWhen(*rs.nextDayFirst, today, feed.zone, lang, when, sizeof when);
        std::snprintf(buf, sizeof buf, "%s · %s", core::ui(Ui::NextDay, lang), when);
        my += talk(pen, *rs.nextDayFirst, mainCol.x, my, mainCol.w, buf, pen.pal.muted, FontRole::Heading, 2) + l.gap;
      }
      break;
    }
    default:
      break;
  }
  // On a wide screen the next talk heads the second column while one is on.
  const bool nextBeside = twoColumns && rs.phase == core::RoomPhase::During;
  if (rs.next && !nextBeside && my + pen.size(FontRole::Heading) * 3 < mainCol.bottom()) {
    char soon[32];
    if (!core::formatStartsIn(rs.next->start, ctx.now, core::kSoonWindow, soon, sizeof soon))
      core::formatEventWhen(*rs.next, today, feed.zone, lang, soon, sizeof soon);
    std::snprintf(buf, sizeof buf, "%s · %s", core::ui(Ui::NextInRoom, lang), soon);
    const bool first = rs.phase != core::RoomPhase::During;
    my += talk(pen, *rs.next, mainCol.x, my, mainCol.w, buf, first ? pen.pal.amber : pen.pal.muted,
               first ? big : FontRole::Heading, 2, tall || (first && twoColumns) ? 3 : 0) + l.gap;
  }
  if (!twoColumns) restCol = {mainCol.x, my, mainCol.w, mainCol.bottom() - my};

  const float used = std::max(my, nextColumn(pen, rs, restCol, today, nextBeside));
  // The whole day along the bottom, where the talks above leave the height for it.
  const float dayH = dayStripHeight(pen);
  if (bottom - used >= dayH + l.gap * 1.5f) dayStrip(pen, rs, {area.x, bottom - dayH - l.gap * 0.6f, area.w, dayH});
  if (stripRows) otherRoomsStrip(pen, rs, bottom, stripRows, stripRowH);
}

}  // namespace sf::views
