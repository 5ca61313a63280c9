// The schedule: happening now, next, later today, each event with time (or date), title and
// place. With nothing ahead it becomes a review of the latest events, never an empty screen.
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

struct Rows {
  const Pen& pen;
  Rect area;
  float timeW;
  float y;
  bool full = false;
};

// Line under the title: "Room · Speakers" (or place and organiser where there are no speakers).
void metaLine(const core::Event& e, const std::string& lang, char* out, std::size_t size) {
  out[0] = '\0';
  std::size_t n = 0;
  char speakers[192];
  core::formatSpeakers(e, speakers, sizeof speakers);
  const core::LocalText* parts[] = {&e.place, &e.room, &e.organiser};
  for (const core::LocalText* t : parts) {
    if (t->empty() || n + 4 >= size || (t == &e.organiser && speakers[0])) continue;
    const int w = std::snprintf(out + n, size - n, n ? " · %s" : "%s", t->in(lang).c_str());
    if (w > 0) n = std::min(size - 1, n + static_cast<std::size_t>(w));
  }
  if (speakers[0] && n + 4 < size) std::snprintf(out + n, size - n, n ? " · %s" : "%s", speakers);
}

// Track colours are written as text here: on a base they do not read on, a nearby one that does.
core::Rgb metaColor(const Pen& pen, const core::Event& e) {
  if (const core::Track* t = pen.ctx.feed.findTrack(e.track); t && t->color)
    return pen.ctx.feed.theme.base == core::ThemeBase::Light ? core::legibleOn(*t->color, pen.pal.bg) : *t->color;
  return pen.pal.faint;
}

float rowHeight(const Pen& pen, const core::Event& e, float textW, const std::string& lang, const TextStyle& title) {
  const core::Layout& l = pen.ctx.layout;
  const int lines = countLines(pen, title, textW, e.title.in(lang), title.maxLines);
  const bool meta = !(e.place.empty() && e.room.empty() && e.organiser.empty() && e.speakers.empty());
  return (lines - 1) * lineHeightPx(pen, title) + pen.size(FontRole::Heading) +
         (meta ? pen.size(FontRole::Small) * 1.5f + 4 : 0) + l.gap * 0.9f;
}

// The time column: "in 12 min" for what starts soon, else the day-aware time ("morgen 10:40 – 11:10").
void timeText(const core::Event& e, const ViewContext& ctx, core::Date today, const std::string& lang, char* when,
              std::size_t whenSize, char* soon, std::size_t soonSize, bool live) {
  soon[0] = '\0';
  if (!live && !e.allDay) core::formatStartsIn(e.start, ctx.now, core::kSoonWindow, soon, soonSize);
  core::formatEventWhen(e, today, ctx.zone, lang, when, whenSize);
}

void section(Rows& r, const char* heading, const std::vector<const core::Event*>& events, bool live) {
  if (events.empty() || r.full) return;
  const Pen& pen = r.pen;
  const core::Layout& l = pen.ctx.layout;
  const std::string& lang = pen.ctx.state.language;
  const TextStyle title{FontRole::Heading, pen.pal.text, 1.25f, 2};
  const float headH = pen.size(FontRole::Small) * 1.3f + l.gap * 0.5f;
  const float textX = r.area.x + r.timeW + l.gap, textW = r.area.right() - textX;
  if (r.y + headH + rowHeight(pen, *events.front(), textW, lang, title) > r.area.bottom()) {
    r.full = true;
    return;
  }
  float hx = r.area.x;
  if (!heading[0]) {
    // No heading row (the review: the screen title already says it).
  } else if (live) {
    const float d = pen.size(FontRole::Small) * 0.45f;
    pen.dl->AddCircleFilled(pen.pos(hx + d, r.y + pen.size(FontRole::Small) * 0.55f), d, pen.color(pen.pal.live), 16);
    hx += d * 2 + pen.size(FontRole::Small) * 0.5f;
  }
  if (heading[0]) {
    drawLine(pen, hx, r.y, r.area.right() - hx, heading, {FontRole::Small, live ? pen.pal.live : pen.pal.muted});
    r.y += headH;
  }
  char when[96], meta[256], soon[32];
  const core::Date today = core::conferenceDay(pen.ctx.now, pen.ctx.feed.zone);
  const float moreH = pen.size(FontRole::Body) * 1.5f;
  for (std::size_t k = 0; k < events.size(); ++k) {
    const core::Event* e = events[k];
    const float h = rowHeight(pen, *e, textW, lang, title);
    // Parallel talks that do not fit say how many there are ("+2 more") rather than vanish.
    const bool lastFits = k + 1 == events.size() ? r.y + h <= r.area.bottom() : r.y + h + moreH <= r.area.bottom();
    if (!lastFits) {
      core::formatMore(events.size() - k, lang, meta, sizeof meta);
      if (r.y + moreH <= r.area.bottom()) drawLine(pen, textX, r.y, textW, meta, {FontRole::Body, pen.pal.muted});
      r.full = true;
      return;
    }
    const Rect row{r.area.x, r.y, r.area.w, h - l.gap * 0.5f};
    if (live) pen.rect({row.x - l.gap * 0.5f, row.y - l.gap * 0.25f, 4, row.h - l.gap * 0.25f}, pen.pal.live, 2);
    timeText(*e, pen.ctx, today, lang, when, sizeof when, soon, sizeof soon, live);
    const TextStyle timeStyle{FontRole::Heading, live || soon[0] ? pen.pal.text : pen.pal.muted, 1.2f, 2};
    const float th = drawText(pen, {row.x, row.y, r.timeW, h}, soon[0] ? soon : when, timeStyle);
    (void)th;
    float tx = textX;
    if (e->cancelled) tx = pill(pen, textX, row.y + 2, textW * 0.4f, core::ui(Ui::Cancelled, lang), pen.pal.live).right() + l.gap * 0.3f;
    const TextStyle shownTitle{title.role, e->cancelled ? pen.pal.faint : pen.pal.text, title.lineHeight, title.maxLines};
    float ty = row.y + drawText(pen, {tx, row.y, textX + textW - tx, h}, e->title.in(lang), shownTitle);
    metaLine(*e, lang, meta, sizeof meta);
    if (meta[0]) drawLine(pen, textX, ty + 2, textW, meta, {FontRole::Small, metaColor(pen, *e)});
    pen.rect({textX, r.y + h - l.gap * 0.45f, textW, 1}, pen.pal.line);
    pen.hit(row, {core::ActionKind::OpenEvent, static_cast<std::size_t>(e - pen.ctx.feed.events.data())});
    r.y += h;
  }
  r.y += l.gap * 0.5f;
}

}  // namespace

void drawSchedule(const ViewContext& ctx, const Placement& at) {
  const Pen pen(ctx, at);
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  const core::Schedule& s = ctx.schedule;
  const Rect area = l.content;

  const bool review = s.isReview();
  const float titleH = pen.size(FontRole::Title);
  // The whole slide opens the programme; the rows (reported later, so on top) open their talk.
  pen.hit(area, {core::ActionKind::OpenProgramme});
  drawLine(pen, area.x, area.y + l.gap * 0.3f, area.w, ui(review ? Ui::LookingBack : Ui::Schedule, lang),
           {FontRole::Title, pen.pal.text});

  // The time column is as wide as the widest time shown, within a third of the width.
  const core::Date today = core::conferenceDay(ctx.now, ctx.zone);
  float timeW = 0;
  char when[96];
  auto widen = [&](const std::vector<const core::Event*>& v) {
    for (const auto* e : v) {
      core::formatEventWhen(*e, today, ctx.zone, lang, when, sizeof when);
      timeW = std::max(timeW, textWidth(pen, FontRole::Heading, when));
    }
  };
  widen(s.now), widen(s.next), widen(s.laterToday), widen(s.review);
  timeW = std::min(std::ceil(timeW) + 2, std::round(area.w * (l.portrait ? 0.4f : 0.32f)));

  Rows rows{pen, {area.x, area.y + titleH + l.gap * 1.2f, area.w, area.bottom() - area.y - titleH - l.gap * 1.2f}, timeW,
            area.y + titleH + l.gap * 1.2f};
  if (review) {
    section(rows, "", s.review, false);
  } else {
    section(rows, ui(Ui::HappeningNow, lang), s.now, true);
    section(rows, ui(Ui::Next, lang), s.next, false);
    section(rows, ui(Ui::LaterToday, lang), s.laterToday, false);
    // Nothing later today, and the next talks are on another day (before the conference, or the
    // evening before a day): the rest of that day fills the screen.
    if (s.now.empty() && s.laterToday.empty() && !s.next.empty() && core::conferenceDay(s.next.front()->start, ctx.zone) != today) {
      const core::Date day = core::conferenceDay(s.next.front()->start, ctx.zone);
      std::vector<const core::Event*> rest;
      for (const core::Event& e : ctx.feed.events)
        if (!e.allDay && e.start > s.next.front()->start && core::conferenceDay(e.start, ctx.zone) == day) rest.push_back(&e);
      char label[64], heading[96];
      core::formatDayLabel(day, today, lang, label, sizeof label);
      const bool opening = core::conferenceDay(ctx.feed.events.front().start, ctx.zone) == day;
      if (opening) std::snprintf(heading, sizeof heading, "%s · %s", ui(Ui::FirstDay, lang), label);
      else std::snprintf(heading, sizeof heading, "%s", label);
      section(rows, heading, rest, false);
    }
  }
}

}  // namespace sf::views
