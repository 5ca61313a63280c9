// Key figures as a grid of big numbers with their labels and notes, a page at a time; the
// rotation pages through all figures over successive figures slides.
#include <algorithm>
#include <cmath>

#include "core/show/ui_text.hpp"
#include "draw.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;
using core::Ui;

void drawFigures(const ViewContext& ctx, const Placement& at, std::size_t page) {
  const Pen pen(ctx, at);
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  const Rect area = l.content;
  const core::FigureGrid grid = core::figureGrid(l);
  const std::size_t perPage = grid.perPage(), total = ctx.feed.figures.size();
  const std::size_t pages = std::max<std::size_t>(1, (total + perPage - 1) / perPage);
  page = std::min(page, pages - 1);

  const float titleH = pen.size(FontRole::Title);
  drawLine(pen, area.x, area.y + l.gap * 0.3f, area.w * 0.7f, ui(Ui::KeyFigures, lang), {FontRole::Title, pen.pal.text});
  if (pages > 1) {
    // Page dots at the right of the title line.
    const float d = std::max(4.f, pen.size(FontRole::Small) * 0.3f), step = d * 3.5f;
    float x = area.right() - step * (pages - 1) - d;
    for (std::size_t i = 0; i < pages; ++i, x += step)
      pen.dl->AddCircleFilled(pen.pos(x, area.y + l.gap * 0.3f + titleH * 0.55f), d,
                              pen.color(i == page ? pen.pal.text : pen.pal.line), 16);
  }

  const Rect gridArea{area.x, area.y + titleH + l.gap * 1.2f, area.w, area.bottom() - area.y - titleH - l.gap * 1.2f};
  const core::PageSpan span = core::pageSpan(total, perPage, page);
  const std::size_t first = span.first, count = span.count;
  Rect cells[16];
  const float cw = (gridArea.w - l.gap * (grid.columns - 1)) / grid.columns;
  const float ch = (gridArea.h - l.gap * (grid.rows - 1)) / grid.rows;
  for (std::size_t i = 0; i < count && i < 16; ++i)
    cells[i] = {gridArea.x + (i % grid.columns) * (cw + l.gap), gridArea.y + (i / grid.columns) * (ch + l.gap), cw, ch};

  ImFont* figFont = pen.font(FontRole::Figure);
  constexpr core::Rgb accents[] = {{255, 196, 77}, {120, 200, 255}, {140, 224, 160}, {255, 140, 170}};
  for (std::size_t i = 0; i < count && i < 16; ++i) {
    const core::Figure& f = ctx.feed.figures[first + i];
    const Rect c = cells[i];
    // The feed's own colours, its fields', where it has them.
    const std::size_t nf = ctx.feed.fields.size();
    core::Rgb accent = nf ? ctx.feed.fields[(first + i) % nf].color : accents[(first + i) % 4];
    if (ctx.feed.theme.base == core::ThemeBase::Light) accent = core::legibleOn(accent, pen.pal.bg, core::kGraphicOnBase);
    pen.rect({c.x, c.y, std::min(c.w, l.minTarget * 1.2f), std::max(3.f, 5 * l.scale)}, accent, 2);
    // The number shrinks to fit its cell rather than being cut: a figure must stay whole. It is
    // written as the visitor's language writes numbers.
    const std::string& value = f.value.in(lang);
    const float full = pen.size(FontRole::Figure);
    const float w = figFont->CalcTextSizeA(full, 1e9f, 0, value.c_str()).x;
    const float maxH = std::max(full * 0.5f, c.h * 0.45f);
    const float size = std::floor(std::min({full, full * c.w / std::max(1.f, w), maxH}));
    const float vy = c.y + std::max(6.f, 14 * l.scale);
    pen.dl->AddText(figFont, size, pen.pos(c.x, vy), pen.color(pen.pal.text), value.c_str());
    pen.record({c.x, vy, std::min(c.w, w * size / full), size}, value);
    const float ly = vy + size * 1.1f;
    // The tall cells of a portrait screen set the label and the note a size larger (the number is
    // drawn at its own size: scaled up it would blur) and give them more lines rather than "…".
    const int noteLines = 2;  // a note wraps into the cell's free height before it is cut
    const TextStyle noteStyle{l.portrait ? FontRole::Body : FontRole::Small, pen.pal.faint, 1.4f, noteLines};
    const float noteH = f.note.empty() ? 0 : countLines(pen, noteStyle, c.w, f.note.in(lang), noteLines) * lineHeightPx(pen, noteStyle);
    const TextStyle labelStyle{l.portrait ? FontRole::Title : FontRole::Heading, pen.pal.text, 1.2f, l.portrait ? 3 : 2};
    const float lh = drawText(pen, {c.x, ly, c.w, c.bottom() - ly - noteH}, f.label.in(lang), labelStyle);
    if (noteH > 0 && ly + lh + pen.size(noteStyle.role) <= c.bottom())
      drawText(pen, {c.x, ly + lh + 2, c.w, std::min(noteH, c.bottom() - ly - lh - 2)}, f.note.in(lang), noteStyle);
  }
  pen.hit(area, {core::ActionKind::BrowseFields});
}

}  // namespace sf::views
