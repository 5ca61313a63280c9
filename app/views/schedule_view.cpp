// The schedule: happening now, next, later today, each event with time (or date), title and
// place. With nothing ahead it becomes a review of the latest events, never an empty screen.
#include <algorithm>
#include <cmath>

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

// Place line under the title: "Place · Room · Organiser".
void metaLine(const core::Event& e, const std::string& lang, char* out, std::size_t size) {
  out[0] = '\0';
  std::size_t n = 0;
  for (const core::LocalText* t : {&e.place, &e.room, &e.organiser}) {
    if (t->empty() || n + 4 >= size) continue;
    const int w = std::snprintf(out + n, size - n, n ? " · %s" : "%s", t->in(lang).c_str());
    if (w > 0) n = std::min(size - 1, n + static_cast<std::size_t>(w));
  }
}

float rowHeight(const Pen& pen, const core::Event& e, float textW, const std::string& lang, const TextStyle& title) {
  const core::Layout& l = pen.ctx.layout;
  const int lines = countLines(pen, title, textW, e.title.in(lang), title.maxLines);
  const bool meta = !(e.place.empty() && e.room.empty() && e.organiser.empty());
  return (lines - 1) * lineHeightPx(pen, title) + pen.size(FontRole::Heading) +
         (meta ? pen.size(FontRole::Small) * 1.5f + 4 : 0) + l.gap * 0.9f;
}

void section(Rows& r, const char* heading, const std::vector<const core::Event*>& events, bool live) {
  if (events.empty() || r.full) return;
  const Pen& pen = r.pen;
  const core::Layout& l = pen.ctx.layout;
  const std::string& lang = pen.ctx.state.language;
  const TextStyle title{FontRole::Heading, palette::text, 1.25f, 2};
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
    pen.dl->AddCircleFilled(pen.pos(hx + d, r.y + pen.size(FontRole::Small) * 0.55f), d, pen.color(palette::live), 16);
    hx += d * 2 + pen.size(FontRole::Small) * 0.5f;
  }
  if (heading[0]) {
    drawLine(pen, hx, r.y, r.area.right() - hx, heading, {FontRole::Small, live ? palette::live : palette::muted});
    r.y += headH;
  }
  char when[96], meta[256];
  for (const core::Event* e : events) {
    const float h = rowHeight(pen, *e, textW, lang, title);
    if (r.y + h > r.area.bottom()) {
      r.full = true;
      return;
    }
    const Rect row{r.area.x, r.y, r.area.w, h - l.gap * 0.5f};
    if (live) pen.rect({row.x - l.gap * 0.5f, row.y - l.gap * 0.25f, 4, row.h - l.gap * 0.25f}, palette::live, 2);
    core::formatEventTime(*e, pen.ctx.zone, lang, when, sizeof when);
    const TextStyle timeStyle{FontRole::Heading, live ? palette::text : palette::muted, 1.2f, 2};
    drawText(pen, {row.x, row.y, r.timeW, h}, when, timeStyle);
    float ty = row.y + drawText(pen, {textX, row.y, textW, h}, e->title.in(lang), title);
    metaLine(*e, lang, meta, sizeof meta);
    if (meta[0]) drawLine(pen, textX, ty + 2, textW, meta, {FontRole::Small, palette::faint});
    pen.rect({textX, r.y + h - l.gap * 0.45f, textW, 1}, palette::line);
    if (!e->projects.empty()) {
      for (std::size_t i = 0; i < pen.ctx.feed.projects.size(); ++i)
        if (pen.ctx.feed.projects[i].id == e->projects.front()) pen.hit(row, {core::ActionKind::OpenProject, i});
    }
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
  drawLine(pen, area.x, area.y + l.gap * 0.3f, area.w, ui(review ? Ui::LookingBack : Ui::Schedule, lang),
           {FontRole::Title, palette::text});

  // The time column is as wide as the widest time shown, within a third of the width.
  float timeW = 0;
  char when[96];
  auto widen = [&](const std::vector<const core::Event*>& v) {
    for (const auto* e : v) {
      core::formatEventTime(*e, ctx.zone, lang, when, sizeof when);
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
  }
}

}  // namespace sf::views
