// The projects of one field as a scrolling list (kinetic scrolling lives in the core): each
// row a card with title, status and runtime. Tapping a row opens the project's detail.
#include <algorithm>
#include <cmath>

#include "core/show/ui_text.hpp"
#include "draw.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;
using core::Ui;

void drawFieldList(const ViewContext& ctx, const Placement& at) {
  const core::Field* field = ctx.feed.findField(ctx.state.field);
  if (!field) return;
  Pen pen(ctx, at);
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  const core::ListGeometry g = core::fieldListGeometry(l);
  const Rect area = l.content;

  // Title: a colour dot and the field's name.
  const float ts = pen.size(FontRole::Title);
  const float dot = ts * 0.3f;
  pen.dl->AddCircleFilled(pen.pos(area.x + dot, area.y + l.gap * 0.3f + ts * 0.55f), dot, pen.color(field->color), 24);
  drawLine(pen, area.x + dot * 2 + l.gap * 0.5f, area.y + l.gap * 0.3f, area.w - dot * 2 - l.gap * 0.5f,
           field->name.in(lang), {FontRole::Title, pen.pal.text});

  std::size_t rows = 0;
  for (const auto& p : ctx.feed.projects) rows += p.field == field->id;
  ctx.report.scrollContent = g.contentHeight(rows);
  ctx.report.scrollViewport = g.viewport.h;

  pen.at.clip = g.viewport;
  pen.dl->PushClipRect(pen.pos(g.viewport.x, g.viewport.y), pen.pos(g.viewport.right(), g.viewport.bottom()), true);
  const TextStyle title{FontRole::Heading, pen.pal.text, 1.25f, 2};
  char status[96], runtime[64], meta[192];
  float y = g.viewport.y - ctx.state.scroll;
  for (std::size_t i = 0; i < ctx.feed.projects.size(); ++i) {
    const core::Project& p = ctx.feed.projects[i];
    if (p.field != field->id) continue;
    const Rect row{g.viewport.x, y, g.viewport.w, g.rowHeight};
    y += g.rowHeight + g.rowGap;
    if (row.bottom() < g.viewport.y || row.y > g.viewport.bottom()) continue;  // off screen: skip the work
    pen.rect(row, pen.pressed(row) ? pen.pal.surfaceHigh : pen.pal.surface, l.radius);
    pen.rect({row.x, row.y, std::max(4.f, l.radius * 0.5f), row.h}, field->color, l.radius * 0.5f);
    const float pad = std::round(l.gap * 0.6f);
    const Rect inner{row.x + pad * 1.5f, row.y + pad * 0.8f, row.w - pad * 3.5f - l.minTarget * 0.5f, row.h - pad * 1.6f};
    // The row is short: the status without its as-of date, the runtime unless the status is it.
    const core::ProjectPhase phase = projectStatus(ctx, p, status, sizeof status, false);
    if (phase != core::ProjectPhase::Ended && p.funding && (p.funding->start || p.funding->end)) {
      core::formatRuntime(p.funding->start, p.funding->end, runtime, sizeof runtime);
      std::snprintf(meta, sizeof meta, "%s%s%s %s", status, status[0] ? "  ·  " : "", ui(Ui::Runtime, lang), runtime);
    } else {
      std::snprintf(meta, sizeof meta, "%s", status);
    }
    const float metaY = inner.bottom() - pen.size(FontRole::Small);
    drawText(pen, {inner.x, inner.y, inner.w, metaY - inner.y - pad * 0.3f}, p.title.in(lang), title);
    drawLine(pen, inner.x, metaY, inner.w, meta,
             {FontRole::Small, phase == core::ProjectPhase::Running ? core::legibleOn({110, 214, 150}, pen.pal.surface) : pen.pal.faint});
    // A chevron says "opens".
    const float cx = row.right() - pad * 1.5f - l.minTarget * 0.2f, cy = row.y + row.h * 0.5f, s = l.minTarget * 0.14f;
    pen.dl->AddLine(pen.pos(cx - s * 0.5f, cy - s), pen.pos(cx + s * 0.5f, cy), pen.color(pen.pal.faint), 2.5f);
    pen.dl->AddLine(pen.pos(cx + s * 0.5f, cy), pen.pos(cx - s * 0.5f, cy + s), pen.color(pen.pal.faint), 2.5f);
    pen.hit(row, {core::ActionKind::OpenProject, i});
  }
  pen.dl->PopClipRect();

  // A scroll indicator while the list is longer than the screen.
  const float content = g.contentHeight(rows);
  drawScrollThumb(pen, g.viewport, content, content - g.viewport.h, ctx.state.scroll);
}

}  // namespace sf::views
