// The conference programme for visitors: day tabs, room and track chips, and the day's talks by
// start time in a kinetic-scrolling list with a line where "now" is. Tapping a talk opens it.
#include <algorithm>
#include <cmath>

#include "core/show/programme.hpp"
#include "core/show/ui_text.hpp"
#include "draw.hpp"
#include "programme_grid.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;
using core::Ui;

namespace {

// A row of chips: "all" first, then each choice; ones that do not fit give way to a "+N" chip
// that opens the picker with every choice. Returns the row's height.
template <typename Label>
float chipRow(const Pen& pen, float x, float y, float w, const char* all, std::size_t count, std::size_t chosen,
              core::ActionKind kind, std::size_t picker, Label&& label) {
  const core::Layout& l = pen.ctx.layout;
  const float h = l.minTarget, gap = std::round(l.gap * 0.3f), padW = pen.size(FontRole::Small) * 1.6f;
  const float right = x + w;
  char more[32];
  auto chip = [&](float cx, std::string_view text, bool on, core::Action a) {
    const float cw = std::min(w, std::max(h * 1.2f, textWidth(pen, FontRole::Small, text) + padW));
    button(pen, {cx, y, cw, h}, text, a, on ? pen.pal.accent : pen.pal.surfaceHigh);
    return cw + gap;
  };
  x += chip(x, all, chosen == core::kNoProject, {kind, core::kNoProject});
  // The chosen one always shows, right after "all".
  if (chosen != core::kNoProject) x += chip(x, label(chosen), true, {kind, chosen});
  std::size_t shown = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (i == chosen) continue;
    const std::string_view text = label(i);
    const float cw = std::min(w, std::max(h * 1.2f, textWidth(pen, FontRole::Small, text) + padW));
    std::snprintf(more, sizeof more, "+%zu", count - shown - (chosen != core::kNoProject) - 1);
    const float reserve = i + 1 < count ? textWidth(pen, FontRole::Small, more) + padW + gap : 0;
    if (x + cw + reserve > right) {
      std::snprintf(more, sizeof more, "+%zu", count - shown - (chosen != core::kNoProject ? 1 : 0));
      chip(x, more, false, {core::ActionKind::ProgrammePicker, picker});  // every choice, over the talks
      break;
    }
    x += chip(x, text, false, {kind, i});
    ++shown;
  }
  return h;
}

// Every room (or track) as chips that wrap, in a scrolling area over the talks: a congress has
// dozens of rooms, more than one row of chips holds. Returns the content's height.
template <typename Label>
float drawPicker(const Pen& pen, const Rect& area, const char* title, const char* all, std::size_t count,
                 std::size_t chosen, core::ActionKind kind, Label&& label) {
  const core::Layout& l = pen.ctx.layout;
  const float h = std::round(l.minTarget * 1.15f), gap = std::round(l.gap * 0.35f), padW = pen.size(FontRole::Body) * 1.8f;
  const float top = area.y - pen.ctx.state.scroll;
  drawLine(pen, area.x, top + gap, area.w, title, {FontRole::Heading, pen.pal.text});
  float x = area.x, y = top + gap + pen.size(FontRole::Heading) * 1.6f;
  for (std::size_t n = 0; n <= count; ++n) {
    const std::size_t i = n == 0 ? core::kNoProject : n - 1;
    const std::string_view text = n == 0 ? std::string_view(all) : label(i);
    const float cw = std::min(area.w, std::max(h * 1.5f, textWidth(pen, FontRole::Body, text) + padW));
    if (x > area.x && x + cw > area.right()) {
      x = area.x;
      y += h + gap;
    }
    const Rect r{x, y, cw, h};
    if (r.bottom() >= area.y && r.y <= area.bottom())
      button(pen, r, text, {kind, i}, i == chosen ? pen.pal.accent : pen.pal.surfaceHigh, FontRole::Body);
    x += cw + gap;
  }
  return y + h + gap - top;
}

// Every room or track to choose from, over the talks (opened by a "+N" chip).
void drawPickerArea(Pen& pen, const core::ProgrammeListing& listing, const Rect& viewport) {
  const ViewContext& ctx = pen.ctx;
  const core::PlayerState& st = ctx.state;
  const core::Layout& l = ctx.layout;
  const std::string& lang = st.language;
  const Rect area = l.content;
  const std::vector<core::RoomKey>& rooms = listing.rooms;
  const std::vector<const core::Track*>& tracks = listing.tracks;

  const bool roomsPicker = st.programme.picker == core::ProgrammePicker::Rooms;
  std::size_t chosen = core::kNoProject;
  if (roomsPicker) {
    for (std::size_t i = 0; i < rooms.size(); ++i)
      if (rooms[i].key == st.programme.filter.room) chosen = i;
  } else {
    for (std::size_t i = 0; i < tracks.size(); ++i)
      if (tracks[i]->id == st.programme.filter.track) chosen = i;
  }
  pen.at.clip = viewport;
  pen.dl->PushClipRect(pen.pos(viewport.x, viewport.y), pen.pos(viewport.right(), viewport.bottom()), true);
  const Rect inner{area.x, viewport.y, area.w, viewport.h};
  const float content =
      roomsPicker ? drawPicker(pen, inner, core::ui(Ui::ChooseRoom, lang), core::ui(Ui::AllRooms, lang), rooms.size(), chosen,
                               core::ActionKind::ProgrammeRoom, [&](std::size_t i) -> std::string_view { return rooms[i].name->in(lang); })
                  : drawPicker(pen, inner, core::ui(Ui::ChooseTrack, lang), core::ui(Ui::AllTracks, lang), tracks.size(), chosen,
                               core::ActionKind::ProgrammeTrack, [&](std::size_t i) -> std::string_view { return tracks[i]->name.in(lang); });
  pen.dl->PopClipRect();
  pen.at.clip = {};
  ctx.report.scrollContent = content;
  ctx.report.scrollViewport = viewport.h;
  drawScrollThumb(pen, viewport, content, content - viewport.h, st.scroll);
  }

// The day's talks by start time, with the now line; off-screen rows cost nothing.
void drawTalks(Pen& pen, const core::ProgrammeListing& listing, const Rect& viewport) {
  const ViewContext& ctx = pen.ctx;
  const core::PlayerState& st = ctx.state;
  const core::Feed& feed = ctx.feed;
  const core::Layout& l = ctx.layout;
  const std::string& lang = st.language;
  const Rect area = l.content;
  char buf[256];
  const core::Programme& prog = listing.programme;

  const float timeW = std::ceil(textWidth(pen, FontRole::Heading, "00:00") + l.gap * 0.8f);
  const float pad = std::round(l.gap * 0.45f);
  const float rowH = std::round(pen.size(FontRole::Heading) * 1.25f + pen.size(FontRole::Small) * 1.45f + pad * 2);
  const float rowGap = std::round(l.gap * 0.25f), slotGap = std::round(l.gap * 0.6f);
  const float nowH = std::round(pen.size(FontRole::Small) * 1.6f);
  const bool nowLine = prog.today && !prog.slots.empty();

  float content = 0;
  for (const auto& s : prog.slots) content += s.events.size() * (rowH + rowGap) + slotGap;
  if (nowLine) content += nowH;
  ctx.report.scrollContent = content + l.gap;
  ctx.report.scrollViewport = viewport.h;

  if (prog.slots.empty()) {
    drawLine(pen, area.x, viewport.y + l.gap, area.w, core::ui(Ui::NothingMatches, lang), {FontRole::Heading, pen.pal.muted});
    return;
  }

  pen.at.clip = viewport;
  pen.dl->PushClipRect(pen.pos(viewport.x, viewport.y), pen.pos(viewport.right(), viewport.bottom()), true);
  float ry = viewport.y + l.gap * 0.4f - st.scroll;
  const float textX = area.x + timeW, textW = area.right() - textX;
  for (std::size_t si = 0; si <= prog.slots.size(); ++si) {
    if (nowLine && si == prog.nowSlot) {
      const float cy = ry + nowH * 0.5f;
      if (cy > viewport.y - nowH && cy < viewport.bottom() + nowH) {
        const core::LocalDateTime t = feed.zone.toLocal(ctx.now);
        std::snprintf(buf, sizeof buf, "%s %02d:%02d", core::ui(Ui::Now, lang), t.hour, t.minute);
        const float lw = drawLine(pen, area.x, cy - pen.size(FontRole::Small) * 0.55f, timeW * 1.6f, buf, {FontRole::Small, pen.pal.live});
        pen.rect({area.x + lw + l.gap * 0.3f, cy - 1.5f, area.right() - area.x - lw - l.gap * 0.3f, 3}, pen.pal.live, 1.5f);
      }
      ry += nowH;
    }
    if (si == prog.slots.size()) break;
    const core::ProgrammeSlot& slot = prog.slots[si];
    const float slotH = slot.events.size() * (rowH + rowGap);
    if (ry + slotH < viewport.y || ry > viewport.bottom()) {  // off screen: skip the work
      ry += slotH + slotGap;
      continue;
    }
    const core::Event& first = feed.events[slot.events.front()];
    if (first.allDay) std::snprintf(buf, sizeof buf, "%s", core::ui(Ui::AllDay, lang));
    else {
      const core::LocalDateTime t = feed.zone.toLocal(slot.start);
      std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
    }
    drawLine(pen, area.x, ry + pad, timeW - l.gap * 0.5f, buf, {FontRole::Heading, si < prog.nowSlot && prog.today ? pen.pal.faint : pen.pal.text});
    for (std::size_t idx : slot.events) {
      const core::Event& e = feed.events[idx];
      const Rect row{textX, ry, textW, rowH};
      ry += rowH + rowGap;
      if (row.bottom() < viewport.y || row.y > viewport.bottom()) continue;
      pen.rect(row, pen.pressed(row) ? pen.pal.surfaceHigh : pen.pal.surface, l.radius);
      pen.rect({row.x, row.y, std::max(5.f, l.radius * 0.6f), row.h}, trackColor(feed, e, pen.pal.line), l.radius * 0.5f);
      const float ix = row.x + pad * 2, iw = row.w - pad * 3;
      float tx = ix;
      if (e.cancelled) tx = pill(pen, ix, row.y + pad, iw * 0.4f, core::ui(Ui::Cancelled, lang), pen.pal.live).right() + pad;
      drawLine(pen, tx, row.y + pad, ix + iw - tx, e.title.in(lang),
               {FontRole::Heading, e.cancelled ? pen.pal.faint : pen.pal.text});
      // Meta: time span, room, speakers.
      char when[48], speakers[160];
      core::formatEventTime(e, feed.zone, lang, when, sizeof when);
      core::formatSpeakers(e, speakers, sizeof speakers);
      std::size_t n = static_cast<std::size_t>(std::snprintf(buf, sizeof buf, "%s", when));
      if (!e.room.empty() && n < sizeof buf) n += static_cast<std::size_t>(std::snprintf(buf + n, sizeof buf - n, "  ·  %s", e.room.in(lang).c_str()));
      if (speakers[0] && n < sizeof buf) std::snprintf(buf + n, sizeof buf - n, "  ·  %s", speakers);
      drawLine(pen, ix, row.bottom() - pad - pen.size(FontRole::Small) * 1.15f, iw, buf, {FontRole::Small, pen.pal.muted});
      pen.hit(row, {core::ActionKind::OpenEvent, idx});
    }
    ry += slotGap;
  }
  pen.dl->PopClipRect();

  pen.at.clip = {};
  drawScrollThumb(pen, viewport, content, content + l.gap - viewport.h, st.scroll);
}

}  // namespace

void drawProgramme(const ViewContext& ctx, const Placement& at) {
  const core::PlayerState& st = ctx.state;
  if (!st.programme.day || !ctx.programme) return;
  const core::ProgrammeListing& listing = *ctx.programme;
  Pen pen(ctx, at);
  const core::Feed& feed = ctx.feed;
  const core::Layout& l = ctx.layout;
  const std::string& lang = st.language;
  const Rect area = l.content;
  const core::Date today = core::conferenceDay(ctx.now, feed.zone);
  char buf[256], buf2[96];

  // Day tabs.
  const std::vector<core::Date>& days = listing.days;
  float y = area.y + l.gap * 0.3f;
  // On a wide screen the talks may also stand as a grid of rooms by time.
  const bool gridFits = !l.portrait && !l.compact && l.width >= 1280 && listing.rooms.size() > 1;
  {
    const float h = l.minTarget, gap = std::round(l.gap * 0.3f);
    float toggleW = 0;
    if (gridFits) {
      const char* labels[2] = {core::ui(Ui::ProgrammeList, lang), core::ui(Ui::ProgrammeByRoom, lang)};
      float w[2];
      for (int k = 0; k < 2; ++k) w[k] = textWidth(pen, FontRole::Body, labels[k]) + pen.size(FontRole::Body) * 1.6f;
      float x = area.right() - w[0] - w[1] - gap;
      for (std::size_t k = 0; k < 2; ++k) {
        const bool on = st.programme.grid == (k == 1);
        button(pen, {x, y, w[k], h}, labels[k], {core::ActionKind::ProgrammeGrid, k}, on ? pen.pal.accent : pen.pal.surfaceHigh, FontRole::Body);
        x += w[k] + gap;
      }
      toggleW = w[0] + w[1] + gap + l.gap;
    }
    const float maxW = (area.w - toggleW) / std::max<std::size_t>(1, days.size()) - gap;
    float x = area.x;
    for (std::size_t i = 0; i < days.size(); ++i) {
      const bool on = days[i] == *st.programme.day;
      core::formatDayTab(days[i], lang, buf2, sizeof buf2);
      if (days[i] == today) std::snprintf(buf, sizeof buf, "%s · %s", core::ui(Ui::Today, lang), buf2);
      else std::snprintf(buf, sizeof buf, "%s", buf2);
      // Each tab as wide as its label needs (the days share the row when there are many).
      const float tabW = std::min(maxW, std::max(pen.size(FontRole::Body) * 6.5f, textWidth(pen, FontRole::Body, buf) + pen.size(FontRole::Body) * 2));
      button(pen, {x, y, tabW, h}, buf, {core::ActionKind::ProgrammeDay, i}, on ? pen.pal.accent : pen.pal.surfaceHigh,
             FontRole::Body);
      x += tabW + gap;
    }
    y += h + l.gap * 0.5f;
  }

  // Filters: rooms, then tracks.
  const std::vector<core::RoomKey>& rooms = listing.rooms;
  const std::vector<const core::Track*>& tracks = listing.tracks;
  if (rooms.size() > 1) {
    std::size_t chosen = core::kNoProject;
    for (std::size_t i = 0; i < rooms.size(); ++i)
      if (rooms[i].key == st.programme.filter.room) chosen = i;
    y += chipRow(pen, area.x, y, area.w, core::ui(Ui::AllRooms, lang), rooms.size(), chosen, core::ActionKind::ProgrammeRoom, 0,
                 [&](std::size_t i) -> std::string_view { return rooms[i].name->in(lang); }) + l.gap * 0.3f;
  }
  if (tracks.size() > 1) {
    std::size_t chosen = core::kNoProject;
    for (std::size_t i = 0; i < tracks.size(); ++i)
      if (tracks[i]->id == st.programme.filter.track) chosen = i;
    y += chipRow(pen, area.x, y, area.w, core::ui(Ui::AllTracks, lang), tracks.size(), chosen, core::ActionKind::ProgrammeTrack, 1,
                 [&](std::size_t i) -> std::string_view { return tracks[i]->name.in(lang); }) + l.gap * 0.3f;
  }
  y += l.gap * 0.2f;
  pen.rect({area.x, y, area.w, 1}, pen.pal.line);
  const Rect viewport{area.x, y + 1, area.w + l.margin * 0.5f, area.bottom() - y - 1};
  if (st.programme.picker != core::ProgrammePicker::None) drawPickerArea(pen, listing, viewport);
  else if (gridFits && st.programme.grid) drawProgrammeGrid(pen, listing, {area.x, viewport.y + l.gap * 0.2f, area.w, viewport.h - l.gap * 0.2f});
  else drawTalks(pen, listing, viewport);
}

}  // namespace sf::views
