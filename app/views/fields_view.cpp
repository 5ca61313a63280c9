// The field overview: one tile per field of action in its colour, with name, summary and
// project count. Tapping a tile opens the field's project list.
#include <algorithm>
#include <cmath>

#include "core/show/ui_text.hpp"
#include "draw.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;
using core::Ui;

void drawFields(const ViewContext& ctx, const Placement& at) {
  const Pen pen(ctx, at);
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  const Rect area = l.content;
  const float titleH = pen.size(FontRole::Title);
  char heading[128], intro[160];
  const float tw = drawLine(pen, area.x, area.y + l.gap * 0.3f, area.w, core::groupText(ctx.feed, Ui::Fields, lang, heading, sizeof heading),
                            {FontRole::Title, pen.pal.accent});
  if (ctx.state.mode != core::Mode::Rotation && area.w - tw > area.w * 0.4f) {
    const float sx = area.x + tw + l.gap;
    drawLine(pen, sx, area.y + l.gap * 0.3f + (titleH - pen.size(FontRole::Body)) * 0.8f, area.right() - sx,
             core::groupText(ctx.feed, Ui::FieldsIntro, lang, intro, sizeof intro), {FontRole::Body, pen.pal.muted});
  }

  const std::size_t n = std::min<std::size_t>(ctx.feed.fields.size(), 8);
  const std::size_t cols = l.portrait ? 1 : (n <= 4 ? 2 : 4);
  const Rect grid{area.x, area.y + titleH + l.gap * 1.1f, area.w, area.bottom() - area.y - titleH - l.gap * 1.1f};
  Rect cells[8];
  {
    const std::size_t rows = (n + cols - 1) / std::max<std::size_t>(cols, 1);
    const float w = (grid.w - l.gap * (cols - 1)) / cols, h = (grid.h - l.gap * (rows - 1)) / std::max<std::size_t>(rows, 1);
    for (std::size_t i = 0; i < n; ++i) cells[i] = {grid.x + (i % cols) * (w + l.gap), grid.y + (i / cols) * (h + l.gap), w, h};
  }
  char count[64];
  for (std::size_t i = 0; i < n; ++i) {
    const core::Field& f = ctx.feed.fields[i];
    const Rect c = cells[i];
    const bool down = pen.pressed(c);
    pen.rect(c, f.color, l.radius, down ? 0.85f : 1.f);
    const core::Rgb ink = core::readableTextOn(f.color);
    const float pad = std::round(std::max(14.f, std::min(c.w, c.h) * 0.09f));
    const Rect inner = c.inset(pad);
    std::size_t projects = 0;
    for (const auto& p : ctx.feed.projects) projects += p.field == f.id;
    char counted[48];
    core::formatProjectCount(projects, lang, counted, sizeof counted);
    std::snprintf(count, sizeof count, "%s  \xE2\x86\x92", counted);
    const float countH = pen.size(FontRole::Small);
    drawLine(pen, inner.x, inner.bottom() - countH, inner.w, count, {FontRole::Small, ink});
    const TextStyle name{FontRole::Title, ink, 1.15f, 2};
    const float nh = drawText(pen, {inner.x, inner.y, inner.w, inner.h - countH - pad * 0.5f}, f.name.in(lang), name);
    const float sy = inner.y + nh + pad * 0.4f;
    const float bottom = inner.bottom() - countH - pad * 0.6f;
    float y = sy;
    // Small screens list no projects on the tile: the summary takes all the room there is.
    if (bottom - sy > pen.size(FontRole::Body))
      y += drawText(pen, {inner.x, sy, inner.w, bottom - sy}, f.summary.in(lang), {FontRole::Body, ink, 1.3f, l.compact ? 0 : 3});
    // A taste of what the tile opens: the first of its projects, as many as the tile has room for
    // (up to three), under a hairline.
    const float rowH = std::round(pen.size(FontRole::Body) * 1.45f);
    const float listY = y + pad * 0.5f;
    const int room = std::min(3, static_cast<int>((bottom - listY - pad * 0.4f) / rowH));
    if (room >= 1 && !l.compact) {
      pen.rect({inner.x, listY, inner.w, std::max(1.f, std::round(l.scale * 1.5f))}, ink, 0, 0.35f);
      float ry = listY + pad * 0.4f;
      int shown = 0;
      for (const auto& p : ctx.feed.projects) {
        if (p.field != f.id) continue;
        drawLine(pen, inner.x, ry + (rowH - pen.size(FontRole::Body)) * 0.5f, inner.w, p.title.in(lang), {FontRole::Body, ink});
        ry += rowH;
        if (++shown == room) break;
      }
    }
    pen.hit(c, {core::ActionKind::OpenField, i});
  }
}

}  // namespace sf::views
